import Synchronization

/// Perfect-subtree nodes kept in memory: for tests, tools and small trees.
///
/// ```swift
/// let nodes = InMemoryMerkleNodes()
/// var appender = MerkleAppender()
/// nodes.store(appender.append(leafHash: MerkleHash.leaf(bytes)))
/// let root = try MerkleProofs.root(size: appender.size, reader: nodes)
/// ```
public final class InMemoryMerkleNodes: MerkleNodeReader, Sendable {
    private struct Key: Hashable {
        var level: Int
        var index: UInt64
    }

    private let table = Mutex<[Key: EntryHash]>([:])

    /// An empty set of nodes.
    public init() {}

    /// Keeps `nodes`, as returned by ``MerkleAppender/append(leafHash:)``.
    public func store(_ nodes: [MerkleNode]) {
        table.withLock { table in
            for node in nodes { table[Key(level: node.level, index: node.index)] = node.hash }
        }
    }

    /// Removes the node at (`level`, `index`), if kept (to simulate lost storage in tests).
    public func remove(level: Int, index: UInt64) {
        _ = table.withLock { $0.removeValue(forKey: Key(level: level, index: index)) }
    }

    /// How many nodes are kept.
    public var count: Int { table.withLock { $0.count } }

    /// The kept node at (`level`, `index`), or ``MerkleError/Code/missingNode``.
    public func node(level: Int, index: UInt64) throws -> EntryHash {
        guard let hash = table.withLock({ $0[Key(level: level, index: index)] }) else {
            throw MerkleError(.missingNode, "no stored node at level \(level), index \(index)")
        }
        return hash
    }
}
