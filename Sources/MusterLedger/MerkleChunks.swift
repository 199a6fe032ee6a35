/// The Merkle tree of a ledger built in *chunks* of 2^`height` leaves, so that separate threads
/// can hash separate stretches of the ledger and the results still make the one RFC 6962 tree.
///
/// A stretch that starts on a chunk boundary (``MerkleStretch``) builds each of its chunks with
/// an appender of its own: every perfect subtree inside a chunk is also aligned in the whole
/// tree, so its nodes are the tree's nodes, at the chunk's offset. What is left are the nodes
/// above the chunks, which ``MerkleChunkJoin`` makes from the chunk roots in order, and the roots
/// of the tree at sizes inside a stretch: RFC 6962's root folds the border subtrees right to
/// left, so the root at any size is the joined chunks' border followed by the root of the chunk
/// the size ends in (see ``MerkleChunkJoin/root(endingWith:)``).
///
/// ```swift
/// var stretch = MerkleStretch(start: 0, chunkHeight: 16)
/// for hash in leafHashes { stretch.append(leafHash: hash) { store($0) } }
/// var join = MerkleChunkJoin(chunkHeight: 16)
/// for root in stretch.chunkRoots { join.join(chunkRoot: root) { store($0) } }
/// let root = join.root(endingWith: stretch.lastChunkRoot)   // if the last chunk is not full
/// ```
public struct MerkleStretch: Sendable {
    /// Leaves per chunk: 2^`chunkHeight`.
    public let chunkHeight: Int
    /// The index (from 0) of the next leaf in the whole tree.
    public private(set) var next: UInt64
    /// The roots of the chunks this stretch completed, in order.
    public private(set) var chunkRoots: [EntryHash] = []
    /// The leaves of the chunk under way, as a tree of their own.
    private var chunk = MerkleAppender()

    /// A stretch whose first leaf is leaf `start` of the tree, which must be a chunk boundary.
    public init(start: UInt64, chunkHeight: Int) {
        precondition((0..<63).contains(chunkHeight), "a chunk is 2^0 to 2^62 leaves")
        precondition(start % (UInt64(1) << chunkHeight) == 0, "a stretch starts on a chunk boundary")
        self.chunkHeight = chunkHeight
        self.next = start
    }

    /// Adds the next leaf and hands `body` every node of the tree it completes inside its chunk
    /// (the leaf itself, then each parent up to the chunk's root), in the tree's numbering.
    public mutating func append(leafHash: EntryHash, _ body: (MerkleNode) -> Void) {
        let chunkStart = next - chunk.size
        chunk.append(leafHash: leafHash) { node in
            body(MerkleNode(level: node.level, index: node.index + (chunkStart >> node.level), hash: node.hash))
        }
        next += 1
        if chunk.size == UInt64(1) << chunkHeight {
            chunkRoots.append(chunk.root)
            chunk = MerkleAppender()
        }
    }

    /// The root of the chunk the last leaf is in, over the leaves of it so far: what
    /// ``MerkleChunkJoin/root(endingWith:)`` needs for the tree that ends at that leaf.
    public var lastChunkRoot: EntryHash {
        chunk.size == 0 ? (chunkRoots.last ?? MerkleHash.emptyRoot) : chunk.root
    }
}

/// Joins chunk roots, in order, into the tree above the chunks (see ``MerkleStretch``).
public struct MerkleChunkJoin: Sendable {
    public let chunkHeight: Int
    /// The tree whose leaves are the chunk roots joined so far.
    private var top = MerkleAppender()

    public init(chunkHeight: Int) {
        self.chunkHeight = chunkHeight
    }

    /// How many chunks are joined.
    public var chunks: UInt64 { top.size }

    /// Joins the next chunk, whose root is `chunkRoot`, and hands `body` every node above the
    /// chunks that it completes, in the tree's numbering (the chunk's own root is a node its
    /// stretch already gave).
    public mutating func join(chunkRoot: EntryHash, _ body: (MerkleNode) -> Void) {
        top.append(leafHash: chunkRoot) { node in
            guard node.level > 0 else { return }
            body(MerkleNode(level: node.level + chunkHeight, index: node.index, hash: node.hash))
        }
    }

    /// The root of the tree made of the chunks joined so far followed by one more chunk, full or
    /// not, whose root is `last` (``MerkleStretch/lastChunkRoot``). Folding right to left over the
    /// border subtrees gives the same hash whether or not the last two have been merged.
    public func root(endingWith last: EntryHash) -> EntryHash {
        MerkleTreeMath.foldRightToLeft(top.frontier + [last])
    }
}
