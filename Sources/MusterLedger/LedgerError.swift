/// A ledger that is malformed or fails verification. Names the entry where it can.
public struct LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case malformedEntry = "malformed_entry"
        case hashMismatch = "hash_mismatch"
        case chainBroken = "chain_broken"
        case sequenceGap = "sequence_gap"
        /// A column stored beside the entry for lookups (its kind, time or subject) says other
        /// than the entry's hashed bytes.
        case columnMismatch = "column_mismatch"
    }

    public var code: Code
    public var message: String
    /// The sequence number of the first bad entry, when known.
    public var sequence: UInt64?

    public init(_ code: Code, _ message: String, sequence: UInt64? = nil) {
        self.code = code
        self.message = message
        self.sequence = sequence
    }

    public var description: String {
        if let sequence { return "entry \(sequence): \(message)" }
        return message
    }
}
