/// The hash chain: placing drafts after the current head, and checking stored entries.
public struct ChainHead: Sendable, Equatable {
    /// The number of entries so far (also the last sequence number).
    public var size: UInt64
    /// The hash of the last entry (zero when empty).
    public var hash: EntryHash

    public static let empty = ChainHead(size: 0, hash: .zero)

    public init(size: UInt64, hash: EntryHash) {
        self.size = size
        self.hash = hash
    }
}

/// An entry in its final place, with its canonical bytes and hash.
///
/// The entry hash that chains the ledger is the RFC 6962 leaf hash, SHA-256(0x00 || bytes):
/// one hash both links the entry to the next and places it in the Merkle tree, so verifying
/// the ledger hashes each byte once.
public struct SealedEntry: Sendable, Equatable {
    public let entry: LedgerEntry
    public let bytes: [UInt8]
    public let hash: EntryHash

    public init(_ entry: LedgerEntry) {
        self.entry = entry
        self.bytes = entry.encoded
        self.hash = MerkleHash.leaf(bytes)
    }
}

extension ChainHead {
    /// Places `draft` after this head and moves the head to it.
    public mutating func append(_ draft: EntryDraft) -> SealedEntry {
        let sealed = SealedEntry(
            LedgerEntry(
                sequence: size + 1, time: draft.time, actor: draft.actor, kind: draft.kind, subject: draft.subject,
                payload: draft.payload, previousHash: hash))
        self = ChainHead(size: size + 1, hash: sealed.hash)
        return sealed
    }
}

/// Checks stored entries one after another: each must parse, carry the next sequence number,
/// name the previous entry's hash, and hash to the value stored beside it.
public struct ChainVerifier: Sendable {
    public private(set) var head: ChainHead
    /// For a verifier made with ``init(stretchFrom:)``: the first entry's previous-hash link,
    /// once that entry is checked.
    public private(set) var firstLink: EntryHash?
    /// Whether the next entry's link is taken as it is (the first of a stretch).
    private var linkUnknown = false

    public init(after head: ChainHead = .empty) {
        self.head = head
    }

    /// A verifier for a stretch of the ledger that starts at entry `sequence`, while another
    /// verifier checks the entries before it (`ledger verify` checks stretches on separate
    /// threads). Every rule holds as usual except one: the first entry's link is not compared
    /// but kept in ``firstLink``, for the caller to compare with the hash of the entry before.
    public init(stretchFrom sequence: UInt64) {
        precondition(sequence > 0, "entries are numbered from 1")
        self.head = ChainHead(size: sequence - 1, hash: .zero)
        self.linkUnknown = true
    }

    /// Verifies the next stored entry (`bytes` and the hash stored with it, at `sequence`), and
    /// returns its hash (which is also its Merkle leaf hash).
    @discardableResult
    public mutating func check(sequence: UInt64, bytes: [UInt8], storedHash: [UInt8]) throws(LedgerError) -> EntryHash {
        // `withUnsafeBytes` does not pass a typed error through: carry it out in a `Result`.
        let checked = bytes.withUnsafeBytes { raw in
            storedHash.withUnsafeBytes { stored in
                Result { () throws(LedgerError) in try check(sequence: sequence, bytes: raw, storedHash: stored) }
            }
        }
        return try checked.get()
    }

    /// ``check(sequence:bytes:storedHash:)`` over bytes in place (a row the store is still
    /// holding): nothing is copied or allocated.
    @discardableResult
    public mutating func check(sequence: UInt64, bytes: UnsafeRawBufferPointer, storedHash: UnsafeRawBufferPointer) throws(LedgerError) -> EntryHash {
        guard sequence == head.size + 1 else {
            throw LedgerError(.sequenceGap, "expected entry \(head.size + 1), found \(sequence)", sequence: head.size + 1)
        }
        let hash = MerkleHash.leaf(bytes)
        guard hash.equals(storedHash) else {
            throw LedgerError(.hashMismatch, "content does not match its stored hash", sequence: sequence)
        }
        let links = try Self.links(bytes, sequence: sequence)
        guard links.sequence == sequence else {
            throw LedgerError(.sequenceGap, "entry bytes say sequence \(links.sequence)", sequence: sequence)
        }
        if linkUnknown {
            firstLink = links.previousHash
            linkUnknown = false
        } else if links.previousHash != head.hash {
            throw LedgerError(.chainBroken, "previous-hash link does not match entry \(sequence - 1)", sequence: sequence)
        }
        head = ChainHead(size: sequence, hash: hash)
        return hash
    }

    private static func links(_ bytes: UnsafeRawBufferPointer, sequence: UInt64) throws(LedgerError) -> (sequence: UInt64, previousHash: EntryHash) {
        do {
            return try LedgerEntry.links(in: bytes)
        } catch {
            throw LedgerError(error.code, error.message, sequence: sequence)
        }
    }
}
