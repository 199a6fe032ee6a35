/// One entry of the append-only ledger.
///
/// An entry holds no plaintext personal data: people are named by ``SubjectID`` and anything
/// identifying inside ``payload`` is ciphertext under the person's data key. The entry's bytes
/// (``encoded``) are canonical and include the previous entry's hash, chaining the ledger. The
/// entry's own hash is its RFC 6962 Merkle leaf hash, SHA-256(0x00 || bytes), so one hash
/// serves both the chain and the tree.
public struct LedgerEntry: Sendable, Equatable {
    /// Position in the ledger, from 1. Entry N is Merkle leaf N−1; the tree after it has size N.
    public var sequence: UInt64
    /// Milliseconds since 1970-01-01T00:00:00Z when the entry was appended.
    public var time: Int64
    /// Who made the change or saw the data (a staff account or `cli:<user>`); never a member.
    public var actor: String
    public var kind: EntryKind
    /// The person the entry is about, if any.
    public var subject: SubjectID?
    /// Kind-specific content (clear non-identifying fields, ciphertext for identifying ones).
    public var payload: [UInt8]
    /// Hash of the entry before this one; all zeros for the first.
    public var previousHash: EntryHash

    public init(
        sequence: UInt64, time: Int64, actor: String, kind: EntryKind, subject: SubjectID?, payload: [UInt8],
        previousHash: EntryHash
    ) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.kind = kind
        self.subject = subject
        self.payload = payload
        self.previousHash = previousHash
    }
}

/// An entry not yet placed in the ledger: the store gives it a sequence number and chain hash
/// inside the transaction that appends it.
public struct EntryDraft: Sendable, Equatable {
    public var time: Int64
    public var actor: String
    public var kind: EntryKind
    public var subject: SubjectID?
    public var payload: [UInt8]

    public init(time: Int64, actor: String, kind: EntryKind, subject: SubjectID?, payload: [UInt8]) {
        self.time = time
        self.actor = actor
        self.kind = kind
        self.subject = subject
        self.payload = payload
    }
}
