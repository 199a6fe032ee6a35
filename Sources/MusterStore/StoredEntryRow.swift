public import MusterLedger

/// One row of the ledger table, lent in place by ``StoreReading/forEachEntryInPlace(from:through:_:)``:
/// the buffers are valid only during the call.
public struct StoredEntryRow {
    public var sequence: UInt64
    /// The entry's canonical bytes (what is hashed).
    public var bytes: UnsafeRawBufferPointer
    /// The hash stored beside them.
    public var hash: UnsafeRawBufferPointer
    /// The columns kept beside the entry for lookups, which the hash does not cover.
    public var kind: Int64
    public var time: Int64
    /// `nil` when the column is NULL.
    public var subject: UnsafeRawBufferPointer?

    public init(sequence: UInt64, bytes: UnsafeRawBufferPointer, hash: UnsafeRawBufferPointer, kind: Int64, time: Int64, subject: UnsafeRawBufferPointer?) {
        (self.sequence, self.bytes, self.hash, self.kind, self.time, self.subject) = (sequence, bytes, hash, kind, time, subject)
    }
}

extension StoredEntryRow {
    /// Throws if the columns kept for lookups say other than the entry's bytes (which must have
    /// passed ``ChainVerifier``): names the first that differs.
    public func checkColumns() throws(LedgerError) {
        if let column = LedgerEntry.disagreeingColumn(in: bytes, kind: kind, time: time, subject: subject) {
            throw LedgerError(.columnMismatch, "the \(column) stored beside the entry differs from the entry's own", sequence: sequence)
        }
    }
}
