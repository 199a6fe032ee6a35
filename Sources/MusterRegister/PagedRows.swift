import MusterStore

/// Replayed rows, in pages of a fixed size: appending never moves the rows already held.
///
/// An array of hundreds of thousands of rows (each several hundred bytes) copied itself into a
/// fresh allocation every time it doubled, and faulted in every page of each copy: measured at
/// an eighth of `ledger verify` on 430,000 people. The number of rows is not known in advance
/// (a stretch of the ledger may create everyone or no one), so it cannot be reserved.
struct PagedRows: Sendable, RandomAccessCollection, MutableCollection {
    private static let pageBits = 12
    private static let pageSize = 1 << pageBits
    private var pages: [[PersonRow]] = []
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> PersonRow {
        // Lent in place, not copied out: a copy retained and released each of a row's dozen
        // strings and arrays, for every row the projection check compares.
        _read { yield pages[position >> Self.pageBits][position & (Self.pageSize - 1)] }
        _modify { yield &pages[position >> Self.pageBits][position & (Self.pageSize - 1)] }
    }

    /// Calls `body` with the row at `position`, lent from its page (a row passed on from the
    /// subscript into a protocol's method was copied first, every string retained).
    func withRow<R>(at position: Int, _ body: (PersonRow) throws -> R) rethrows -> R {
        try pages[position >> Self.pageBits].withUnsafeBufferPointer { try body($0[position & (Self.pageSize - 1)]) }
    }

    /// Takes `row` over (`consuming`): a copy retained each of its strings and arrays.
    mutating func append(_ row: consuming PersonRow) {
        if count & (Self.pageSize - 1) == 0 {
            pages.append([])
            pages[pages.count - 1].reserveCapacity(Self.pageSize)
        }
        pages[pages.count - 1].append(row)
        count += 1
    }
}
