/// Entries' bytes copied into a few large pages, one after another: what a replay holds of
/// each person until their row is wanted (see ``ReplayedGroup``). Appending never moves the
/// bytes already held, and costs no allocation of its own but a page now and then.
struct HeldEntries: Sendable {
    /// Where one entry's bytes are held.
    struct Place: Sendable {
        fileprivate let page: Int32
        fileprivate let offset: Int32
        fileprivate let count: Int32
    }

    private static let pageSize = 1 << 20
    private var pages: [[UInt8]] = []

    /// Copies `bytes` in; returns where they are.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Place {
        if pages.isEmpty || pages[pages.count - 1].count + bytes.count > pages[pages.count - 1].capacity {
            pages.append([])
            pages[pages.count - 1].reserveCapacity(max(Self.pageSize, bytes.count))
        }
        let page = pages.count - 1
        let offset = pages[page].count
        pages[page].append(contentsOf: bytes)
        return Place(page: Int32(page), offset: Int32(offset), count: Int32(bytes.count))
    }

    /// Calls `body` with the bytes held at `place`.
    func withBytes<R>(at place: Place, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try pages[Int(place.page)].withUnsafeBytes { page in
            try body(UnsafeRawBufferPointer(rebasing: page[Int(place.offset)..<Int(place.offset + place.count)]))
        }
    }
}
