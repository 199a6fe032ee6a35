/// A stored node of the tree: the root of a *perfect* subtree.
///
/// Node (level `L`, index `i`) is the hash of the complete subtree over leaves
/// `[i·2^L, (i+1)·2^L)`; level 0 holds the leaf hashes. Only perfect subtrees are stored because
/// they never change once complete: the tree is append-only, so a stored node is written once
/// and is valid for every later tree size. The root of any size is computed from O(log n) of them.
public struct MerkleNode: Sendable, Equatable {
    /// Height above the leaves (0 for a leaf hash).
    public var level: Int
    /// Position among the nodes of its level, from 0.
    public var index: UInt64
    /// The subtree's hash (``MerkleHash``).
    public var hash: EntryHash

    /// A node at (`level`, `index`) with `hash`.
    public init(level: Int, index: UInt64, hash: EntryHash) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}

/// Read access to stored perfect-subtree nodes (see ``MerkleNode``).
///
/// The store implements it over a table inside a transaction; ``InMemoryMerkleNodes`` implements
/// it in memory. Not `Sendable` on purpose: a transaction's reader belongs to that transaction.
///
/// ```swift
/// let proof = try MerkleProofs.inclusionProof(index: 41, size: head.size, reader: tx)
/// ```
public protocol MerkleNodeReader {
    /// The hash of the perfect subtree at (`level`, `index`); throws ``MerkleError`` with
    /// ``MerkleError/Code/missingNode`` (or the store's own error) when it is not stored.
    func node(level: Int, index: UInt64) throws -> EntryHash
}
