import Crypto
import MusterCore
import MusterLedger
import MusterStore

/// The checks behind `muster ledger verify`, each over one read snapshot.
///
/// `checkStretches` reads the ledger in stretches: every entry's hash and link, the Merkle tree
/// recomputed from the entries (compared with every stored node, level by level), and every
/// signed checkpoint's signature and root. The projection checks replay each person's entries
/// and compare the result with their row, and check the key store against it. Neither needs
/// the master key: ciphertext columns are compared as bytes.
enum LedgerAudit {
    /// Progress: entries checked so far.
    typealias Progress = @Sendable (UInt64) -> Void

    /// Checks the stored Merkle nodes against the tree of `leafHashes`, hashes already known
    /// to be those of the stored entries (a restore has them from verifying the segments, and
    /// compared them with the ledger's: they are level 0, which is not stored apart).
    static func merkleNodes(_ tx: any StoreReading, leafHashes: ArraySlice<EntryHash>) throws {
        var tree = MerkleAppender()
        var digests = LevelDigests()
        for hash in leafHashes { tree.append(leafHash: hash) { digests.add(computed: $0) } }
        try compareNodes(tx, with: digests)
    }

    /// Whether the stored nodes, level by level, are the ones `digests` summed.
    private static func compareNodes(_ tx: any StoreReading, with digests: LevelDigests) throws {
        var stored = digests.sibling()
        try tx.forEachMerkleNode { stored.add($0) }
        if let level = digests.firstDifference(from: stored) {
            throw VerificationFailure(sequence: nil, "the stored Merkle nodes at level \(level) differ from the tree the entries give")
        }
    }

    /// Checks each checkpoint the entries reached: its signature, and that it signs the size
    /// and root the entries give there (`roots[i]` at `sizes[i]`, for checkpoint `i`).
    static func compare(_ verdicts: [CheckpointSignatures.Verdict], sizes: [UInt64], roots: [EntryHash]) throws {
        for (index, root) in roots.enumerated() {
            let size = sizes[index]
            switch verdicts[index] {
            case .refused(let code):
                throw VerificationFailure(sequence: size, "the checkpoint at size \(size) has no valid signature (\(code))")
            case .signed(let signedSize, let signedRoot):
                guard signedSize == size, signedRoot == root else {
                    throw VerificationFailure(sequence: size, "the checkpoint at size \(size) signs a root the entries do not give")
                }
            }
        }
    }

    /// The slow path: every person looked up and compared, naming the first difference.
    static func projectionPersonByPerson(_ tx: any StoreReading) throws -> Int {
        var people = 0
        var keys = 0
        try Projection.replay(tx) { id, expected, last in
            people += 1
            guard let stored = try tx.person(id: id) else {
                throw VerificationFailure(sequence: last, "person \(expected.number) is on the ledger but missing from the tables")
            }
            if let column = difference(expected, stored) {
                throw VerificationFailure(sequence: last, "person \(stored.number): \(column) in the tables differs from the ledger")
            }
            let hasKey = try tx.wrappedKey(for: id) != nil
            if hasKey { keys += 1 }
            if hasKey != (stored.erasedAt == nil) {
                throw VerificationFailure(
                    sequence: last, "person \(stored.number): " + (hasKey ? "erased, but their data key still exists" : "their data key is missing"))
            }
        }
        let rows = try tx.personCount()
        guard rows == people else {
            throw VerificationFailure(sequence: nil, "the tables hold \(rows) people but the ledger gives \(people)")
        }
        guard try tx.wrappedKeyCount() == keys else {
            throw VerificationFailure(sequence: nil, "the key store holds keys for people the ledger does not have")
        }
        return people
    }

    /// The first column (by name) where a stored row differs from the replayed one; blind
    /// indexes are not compared (they need the master key; `ledger rebuild` recomputes them).
    static func difference(_ expected: PersonRow, _ stored: PersonRow) -> String? {
        for field in RecordCodec.clearFields where expected.record.text(of: field) != stored.record.text(of: field) {
            return field.rawValue
        }
        if expected.number != stored.number { return "membership_number" }
        if expected.membership != stored.membership { return "status_since or continuous_since" }
        if expected.sealedIdentity != stored.sealedIdentity { return "the sealed identity" }
        if expected.erasedAt != stored.erasedAt { return "erased_at" }
        if expected.version != stored.version { return "version" }
        return nil
    }
}

/// What `ledger verify` found wrong, naming the first bad entry where there is one.
public struct VerificationFailure: Error, Sendable, CustomStringConvertible {
    public var sequence: UInt64?
    public var message: String

    init(sequence: UInt64?, _ message: String) {
        self.sequence = sequence
        self.message = message
    }

    public var description: String { sequence.map { "entry \($0): \(message)" } ?? message }
}
