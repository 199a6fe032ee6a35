/// Grows the tree one leaf at a time in O(log n), keeping only the right border.
///
/// The *frontier* is the roots of the perfect subtrees that make up the current tree, largest
/// (leftmost) first: one per set bit of ``size``. Appending a leaf merges it with the equal-sized
/// subtrees at the end of the frontier, like carrying in binary addition; every subtree that
/// becomes complete is returned so the store can write it once and never again.
///
/// ```swift
/// var appender = try MerkleAppender.restoring(size: head.size, from: tx)
/// let nodes = appender.append(leafHash: MerkleHash.leaf(sealed.bytes))
/// try tx.store(nodes)                     // same transaction as the entry
/// let root = appender.root                // for the next checkpoint
/// ```
public struct MerkleAppender: Sendable {
    /// The number of leaves so far.
    public private(set) var size: UInt64
    /// The roots of the perfect subtrees along the right border, largest first
    /// (`size.nonzeroBitCount` of them).
    public private(set) var frontier: [EntryHash]

    /// The empty tree.
    public init() {
        self.init(size: 0, frontier: [])
    }

    /// Continues a tree of `size` leaves whose perfect border subtrees are `frontier`, largest
    /// first. A frontier of the wrong length is a programming error (it cannot describe any tree).
    public init(size: UInt64, frontier: [EntryHash]) {
        precondition(
            frontier.count == size.nonzeroBitCount,
            "a tree of \(size) leaves has \(size.nonzeroBitCount) border subtrees, not \(frontier.count)")
        self.size = size
        self.frontier = frontier
    }

    /// Adds the leaf with `leafHash` (``MerkleHash/leaf(_:)`` of the entry's bytes) and returns
    /// every node that is new and complete: the leaf itself at level 0, then each parent it
    /// completes. Amortised fewer than two nodes per leaf; at most `1 + log2(size + 1)`.
    public mutating func append(leafHash: EntryHash) -> [MerkleNode] {
        var nodes: [MerkleNode] = []
        append(leafHash: leafHash) { nodes.append($0) }
        return nodes
    }

    /// ``append(leafHash:)`` handing each new node to `body` instead of collecting them in an
    /// array: verification appends millions of leaves and needs no array for any of them.
    public mutating func append(leafHash: EntryHash, _ body: (MerkleNode) -> Void) {
        precondition(size < UInt64.max, "the tree is full")
        var hash = leafHash
        var level = 0
        var index = size
        body(MerkleNode(level: 0, index: index, hash: hash))
        // Each low set bit of the old size is a complete subtree of the same height just left of
        // the new one: merge them (the frontier's last element is the smallest subtree).
        while (size >> level) & 1 == 1 {
            hash = MerkleHash.node(frontier.removeLast(), hash)
            level += 1
            index >>= 1
            body(MerkleNode(level: level, index: index, hash: hash))
        }
        frontier.append(hash)
        size += 1
    }

    /// The RFC 6962 root (MTH) of the current tree: the border subtrees combined right to left;
    /// ``MerkleHash/emptyRoot`` when empty. Costs `size.nonzeroBitCount - 1` hashes.
    public var root: EntryHash {
        MerkleTreeMath.foldRightToLeft(frontier)
    }
}

extension MerkleAppender {
    /// Rebuilds the appender for a tree of `size` leaves from stored nodes, so appending survives
    /// restarts: reads `size.nonzeroBitCount` nodes (at most 64).
    public static func restoring(size: UInt64, from reader: some MerkleNodeReader) throws -> MerkleAppender {
        var frontier: [EntryHash] = []
        for (level, index) in MerkleTreeMath.perfectSubtrees(start: 0, end: size) {
            frontier.append(try reader.node(level: level, index: index))
        }
        return MerkleAppender(size: size, frontier: frontier)
    }
}
