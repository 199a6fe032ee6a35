/// Which levels of the tree a store keeps, and how a node of any other level is computed from
/// them: the layout of C2SP tlog-tiles, with tiles of ``height`` levels.
///
/// A store keeps the nodes of levels 0, ``height``, 2·``height``, …: level 0 is each entry's
/// own hash, in its ledger row; the others are rows of a node table. A node between two kept
/// levels is the root of the perfect subtree over at most 2^(``height`` − 1) kept nodes just
/// below it, and is recomputed from them when a proof or a restart needs it.
///
/// Why not keep every level: verification reads every stored node to compare it with the tree
/// the entries give, and a row read costs as much as hashing a node. Keeping every level was
/// one row per entry (3.2 million rows for 3.2 million entries, a sixth of the verification's
/// time); every fourth level is one row per 15 entries. A node recomputed costs at most 8 rows
/// and 7 hashes, and a proof needs about 2·log2(n) of them: microseconds, where it is read.
///
/// ```swift
/// let hash = try MerkleTiles.node(level: 6, index: 3) { level, first, count in
///     try tx.keptNodes(level: level, first: first, count: count)
/// }
/// ```
public enum MerkleTiles {
    /// Levels from one kept level to the next.
    public static let height = 4

    /// Whether the store keeps the nodes of `level` (level 0: in the ledger's rows).
    public static func isKept(level: Int) -> Bool {
        level % height == 0
    }

    /// Whether the nodes of `level` are rows of the node table: the kept levels above the
    /// leaves (a leaf hash is kept beside its entry).
    public static func isNodeRow(level: Int) -> Bool {
        level > 0 && isKept(level: level)
    }

    /// The hash of node (`level`, `index`): read when `level` is kept, else the root of the kept
    /// nodes below it. `readKept(level, first, count)` returns the hashes of the kept nodes
    /// `first ..< first + count` of `level`, in order, as many as are stored; fewer than asked
    /// for is a ``MerkleError/Code/missingNode``.
    public static func node(
        level: Int, index: UInt64, readKept: (_ level: Int, _ first: UInt64, _ count: Int) throws -> [EntryHash]
    ) throws -> EntryHash {
        precondition(level >= 0, "a level is 0 or above")
        let kept = level - level % height
        let below = level - kept
        let count = 1 << below
        var hashes = try readKept(kept, index << below, count)
        guard hashes.count == count else {
            throw MerkleError(.missingNode, "Merkle node \(level)/\(index) is not stored (\(hashes.count) of \(count) nodes at level \(kept))")
        }
        // Pairs combine level by level into the one root (RFC 6962: node = H(0x01 ‖ left ‖ right)).
        var width = count
        while width > 1 {
            for pair in 0..<(width / 2) { hashes[pair] = MerkleHash.node(hashes[2 * pair], hashes[2 * pair + 1]) }
            width /= 2
        }
        return hashes[0]
    }
}
