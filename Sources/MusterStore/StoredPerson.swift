public import MusterCore
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
    /// Whether the column of the clear field `field` holds `value`, as ``PersonRecord/holds(_:_:)``
    /// says of this row decoded (and for the membership number, of its number too). With the
    /// next method, what `ledger verify` compares a row with when a create alone gives it: the
    /// create's fields, without making the row they give.
    func holds(_ field: Field, _ value: ClearValue) -> Bool
    /// Whether the row's columns beside its clear fields hold these: its id (as ``idWords``),
    /// membership dates, sealed identity (`nil`: none), erasure time and version.
    func holds(id: (UInt64, UInt64), membership: Membership, sealedIdentity: UnsafeRawBufferPointer?, erasedAt: Timestamp?, version: UInt64) -> Bool
    /// The row, decoded (without its blind indexes).
    func decoded() throws -> PersonRow
}

extension StoredPerson {
    /// ``isSame(as:)`` column by column, through the two `holds` methods: a stored row compared
    /// where it lies needs to know its columns only there.
    func holdsEveryColumn(of e: PersonRow) -> Bool {
        // The membership number is a clear field and the row's own number; they are one column.
        guard (e.record.membershipNumber ?? "") == e.number else { return false }
        for field in RecordCodec.clearFields where !holds(field, of: e.record) { return false }
        return e.sealedIdentity.withOptionalBytes {
            holds(id: e.id.words, membership: e.membership, sealedIdentity: $0, erasedAt: e.erasedAt, version: e.version)
        }
    }

    /// Whether the column of the clear field `field` holds `record`'s value of it.
    public func holds(_ field: Field, of record: PersonRecord) -> Bool {
        record.withClearValue(of: field) { $0.map { holds(field, $0) } ?? false }
    }
}

extension Optional<[UInt8]> {
    /// Calls `body` with the bytes, or `nil` when there are none.
    func withOptionalBytes<R>(_ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let self else { return try body(nil) }
        return try self.withUnsafeBytes { try body($0) }
    }
}

/// A decoded row stands for itself (the PostgreSQL backend decodes as it reads).
extension PersonRow: StoredPerson {
    public var idWords: (UInt64, UInt64)? { id.words }

    public func isSame(as expected: PersonRow) -> Bool { expected.sameColumns(as: self) }

    public func holds(_ field: Field, _ value: ClearValue) -> Bool {
        guard record.holds(field, value) else { return false }
        guard field == .membershipNumber, case .text(let bytes) = value else { return true }
        return number.utf8.elementsEqual(bytes)
    }

    public func holds(id: (UInt64, UInt64), membership: Membership, sealedIdentity: UnsafeRawBufferPointer?, erasedAt: Timestamp?, version: UInt64) -> Bool {
        guard self.id.words == id, self.membership == membership, self.erasedAt == erasedAt, self.version == version else { return false }
        guard let sealedIdentity else { return self.sealedIdentity == nil }
        return self.sealedIdentity?.elementsEqual(sealedIdentity) ?? false
    }

    public func decoded() -> PersonRow { self }
}
