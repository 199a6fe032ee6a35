import Crypto
import MusterCore
import MusterLedger
import MusterStore

/// The checks behind `muster ledger verify`, each over one read snapshot.
///
/// `chainAndTree` walks the ledger in order: every entry's hash and link, the Merkle tree
/// recomputed from the entries (compared with every stored node, level by level), and every
/// signed checkpoint's signature and root. `projection` replays each person's entries and
/// compares the result with their row, and checks the key store against it. Neither needs the
/// master key: ciphertext columns are compared as bytes.
enum LedgerAudit {
    /// Progress: entries checked so far.
    typealias Progress = @Sendable (UInt64) -> Void

    static func chainAndTree(_ tx: any StoreReading, verifier: NoteVerifier, progress: Progress?) throws -> (entries: UInt64, bytes: Int, checkpoints: Int) {
        var checkpoints: [(size: UInt64, text: String)] = []
        try tx.forEachCheckpoint { checkpoints.append(($0, $1)) }
        let signatures = CheckpointSignatures(checkpoints.map(\.text), verifier: verifier)
        let sizes = checkpoints.map(\.size)
        var chain = ChainVerifier()
        var tree = MerkleAppender()
        var digests = LevelDigests()
        // The root the entries give at each checkpoint's size, in checkpoint order.
        var roots: [EntryHash] = []
        roots.reserveCapacity(checkpoints.count)
        var bytesSeen = 0
        do {
            try tx.forEachEntryInPlace(from: 1, through: .max) { sequence, bytes, storedHash in
                let leaf = try chain.check(sequence: sequence, bytes: bytes, storedHash: storedHash)
                bytesSeen += bytes.count
                tree.append(leafHash: leaf) { digests.add($0) }
                while roots.count < checkpoints.count && checkpoints[roots.count].size == sequence {
                    roots.append(tree.root)
                }
                if sequence % 8192 == 0 { progress?(sequence) }
            }
        } catch let error as LedgerError {
            // A checkpoint before the bad entry was checked before it, and is reported first.
            try compare(signatures.wait(), sizes: sizes, roots: roots)
            throw error
        }
        try compare(signatures.wait(), sizes: sizes, roots: roots)
        if roots.count < checkpoints.count {
            let size = checkpoints[roots.count].size
            throw VerificationFailure(
                sequence: chain.head.size + 1,
                "the checkpoint at size \(size) covers entries the ledger no longer has (it ends at entry \(chain.head.size))")
        }
        try compareNodes(tx, with: digests)
        progress?(chain.head.size)
        return (chain.head.size, bytesSeen, checkpoints.count)
    }

    /// Checks the stored Merkle nodes against the tree of `leafHashes`, hashes already known
    /// to be those of the stored entries (a restore has them from verifying the segments).
    static func merkleNodes(_ tx: any StoreReading, leafHashes: ArraySlice<EntryHash>) throws {
        var tree = MerkleAppender()
        var digests = LevelDigests()
        for hash in leafHashes { tree.append(leafHash: hash) { digests.add($0) } }
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
    private static func compare(_ verdicts: [CheckpointSignatures.Verdict], sizes: [UInt64], roots: [EntryHash]) throws {
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

/// A running digest of the Merkle nodes of each level, in index order (the order in which both
/// the appender produces them and the store returns them).
///
/// A polynomial hash modulo the prime 2^61 − 1 at a point drawn at random for each verification
/// (a universal hash): whoever edited the stored nodes cannot know the point, so two different
/// sequences collide with probability about n / 2^61. It costs a few multiplications per node,
/// where a SHA-256 per node cost as much as hashing the entries themselves.
struct LevelDigests {
    private static let prime: UInt64 = (1 << 61) - 1
    private let point: UInt64
    private var digests: [UInt64] = []
    private var counts: [UInt64] = []

    /// Two sides compared must share the point: make one, then ``sibling()``.
    init() {
        point = UInt64.random(in: 2..<Self.prime)
    }

    private init(point: UInt64) {
        self.point = point
    }

    /// An empty digest at the same point, for the other side of the comparison.
    func sibling() -> LevelDigests { LevelDigests(point: point) }

    mutating func add(_ node: MerkleNode) {
        while digests.count <= node.level {
            digests.append(0)
            counts.append(0)
        }
        var value = digests[node.level]
        node.hash.withUnsafeBytes { raw in
            for word in 0..<4 {
                // 64-bit words reduced below the prime keep every step exact.
                let chunk = raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) % Self.prime
                value = Self.add(Self.multiply(value, point), chunk)
            }
        }
        digests[node.level] = value
        counts[node.level] += 1
    }

    func firstDifference(from other: LevelDigests) -> Int? {
        for level in 0..<max(digests.count, other.digests.count) {
            let mine = level < digests.count ? (digests[level], counts[level]) : (0, 0)
            let theirs = level < other.digests.count ? (other.digests[level], other.counts[level]) : (0, 0)
            if mine != theirs { return level }
        }
        return nil
    }

    private static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // a·b = high·2^64 + low, and 2^64 ≡ 2^3 (mod 2^61 − 1).
        let folded = (low & prime) + (low >> 61) + (UInt64(high) << 3)
        return reduce(folded)
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64 { reduce(a + b) }

    private static func reduce(_ x: UInt64) -> UInt64 {
        var value = (x & prime) + (x >> 61)
        if value >= prime { value -= prime }
        return value
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
