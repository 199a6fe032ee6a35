public import MusterLedger

/// A people row as a store holds it, lent for one call by
/// ``StoreReading/forEachPersonAsStored(part:of:_:)``: a check compares it with the row it
/// expects without building a ``PersonRow`` from it (SQLite compares column by column where
/// the row lies). Decoding every row, a string or an array per column, cost most of the
/// projection check of `ledger verify` (measured on 430,000 people).
public protocol StoredPerson {
    /// The row's id as ``SubjectID/words`` gives it; `nil` when the stored id is not 16 bytes.
    var idWords: (UInt64, UInt64)? { get }
    /// Whether `expected.sameColumns(as: row)` holds for this row decoded; `false` for a row
    /// that does not decode.
    func isSame(as expected: PersonRow) -> Bool
    /// The row, decoded (without its blind indexes).
    func decoded() throws -> PersonRow
}

/// A decoded row stands for itself (the PostgreSQL backend decodes as it reads).
extension PersonRow: StoredPerson {
    public var idWords: (UInt64, UInt64)? { id.words }

    public func isSame(as expected: PersonRow) -> Bool { expected.sameColumns(as: self) }

    public func decoded() -> PersonRow { self }
}
