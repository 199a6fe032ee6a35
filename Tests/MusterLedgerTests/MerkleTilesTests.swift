import MusterTesting
import Testing

@testable import MusterLedger

/// Nodes kept as the stores keep them (every ``MerkleTiles/height``-th level, leaves included),
/// every other node recomputed from the kept level below it.
final class TiledMerkleNodes: MerkleNodeReader {
    /// By level, then index: a range read returns the kept ones of the range, in order, as a
    /// table would.
    private var kept: [Int: [UInt64: EntryHash]] = [:]
    /// Range reads made, and the kept nodes they returned.
    private(set) var reads = 0
    private(set) var rows = 0

    init(_ tree: MerkleTestTree) {
        for node in tree.appended.joined() where MerkleTiles.isKept(level: node.level) {
            kept[node.level, default: [:]][node.index] = node.hash
        }
    }

    /// Drops kept node (`level`, `index`), as lost storage would.
    func remove(level: Int, index: UInt64) {
        kept[level]?[index] = nil
    }

    func node(level: Int, index: UInt64) throws -> EntryHash {
        try MerkleTiles.node(level: level, index: index) { level, first, count in
            #expect(MerkleTiles.isKept(level: level))
            reads += 1
            let hashes = (first..<first + UInt64(count)).compactMap { kept[level]?[$0] }
            rows += hashes.count
            return hashes
        }
    }
}

struct MerkleTilesTests {
    @Test func everyFourthLevelIsKeptAndTheLeavesAreNotRows() {
        #expect((0...17).filter(MerkleTiles.isKept(level:)) == [0, 4, 8, 12, 16])
        #expect((0...17).filter(MerkleTiles.isNodeRow(level:)) == [4, 8, 12, 16])
    }

    /// Every node of a tree of 1,030 leaves (levels 0 to 10), read back from the kept levels
    /// alone, is the node the appender made; one range read each, of at most 8 kept nodes.
    @Test func everyNodeIsRecomputedFromTheKeptLevelBelow() throws {
        let tree = MerkleTestTree.shared
        let tiles = TiledMerkleNodes(tree)
        let nodes = Array(tree.appended.joined())
        #expect(Set(nodes.map(\.level)) == Set(0...10))
        for node in nodes {
            #expect(try tiles.node(level: node.level, index: node.index) == node.hash, "node \(node.level)/\(node.index)")
        }
        #expect(tiles.reads == nodes.count)
        #expect(tiles.rows == nodes.reduce(0) { $0 + 1 << ($1.level % MerkleTiles.height) })
    }

    /// Roots and proofs from the kept levels equal those from every node, at sizes around
    /// every tile edge; they cost one range read per node the proof names.
    @Test(arguments: [1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 255, 256, 257, 511, 640, 1_000, 1_023, 1_024, 1_025])
    func proofsFromTheKeptLevelsAreTheProofsFromEveryNode(size: Int) throws {
        let tree = MerkleTestTree.shared
        let tiles = TiledMerkleNodes(tree)
        #expect(try MerkleProofs.root(size: UInt64(size), reader: tiles) == tree.roots[size])
        for index in Set([0, 1, size / 3, size / 2, size - 2, size - 1]) where (0..<size).contains(index) {
            let expected = try MerkleProofs.inclusionProof(index: UInt64(index), size: UInt64(size), reader: tree.nodes)
            #expect(try MerkleProofs.inclusionProof(index: UInt64(index), size: UInt64(size), reader: tiles) == expected)
        }
        for size1 in Set([1, 2, 3, size / 2, size - 1, size]) where (1...size).contains(size1) {
            let expected = try MerkleProofs.consistencyProof(from: UInt64(size1), to: UInt64(size), reader: tree.nodes)
            #expect(try MerkleProofs.consistencyProof(from: UInt64(size1), to: UInt64(size), reader: tiles) == expected)
        }
        let bound = 2 * (UInt64(size).bitWidth - UInt64(size).leadingZeroBitCount)
        let reads = tiles.reads
        _ = try MerkleProofs.inclusionProof(index: UInt64(size / 2), size: UInt64(size), reader: tiles)
        #expect(tiles.reads - reads <= bound)
    }

    /// A kept node that is gone, at either end of a run or inside it, is a missing node: never
    /// a hash made of the nodes that are left.
    @Test(arguments: [(0, 0), (0, 5), (0, 7), (4, 2), (8, 1)] as [(Int, UInt64)])
    func aLostKeptNodeIsMissingNotGuessed(level: Int, index: UInt64) {
        let tiles = TiledMerkleNodes(MerkleTestTree.shared)
        tiles.remove(level: level, index: index)
        // The node three levels up that covers it is computed from a run that includes it.
        #expect(merkleErrorCode { try tiles.node(level: level + 3, index: index >> 3) } == .missingNode)
        #expect(merkleErrorCode { try tiles.node(level: level, index: index) } == .missingNode)
        // The root of 1,024 leaves is node 10/0, from the four kept nodes of level 8 alone.
        #expect(merkleErrorCode { try MerkleProofs.root(size: 1_024, reader: tiles) } == (level == 8 ? .missingNode : nil))
    }
}
