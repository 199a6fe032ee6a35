import MusterTesting
import Testing

@testable import MusterLedger

struct MerkleAppenderTests {
    @Test func rootsMatchTheVectors() {
        let tree = MerkleVectors.tree
        #expect(tree.roots.map { hexString($0.bytes) } == MerkleVectors.roots)
        #expect(MerkleAppender().root == MerkleHash.emptyRoot)
        #expect(MerkleAppender().size == 0)
    }

    @Test func storedNodesAreExactlyTheVectorNodes() throws {
        let tree = MerkleVectors.tree
        let stored = tree.appended.flatMap { $0 }
        #expect(stored.count == 15)
        #expect(tree.nodes.count == 15)
        for node in stored {
            #expect(hexString(node.hash.bytes) == MerkleVectors.nodeHashes[node.level][Int(node.index)])
        }
        for (level, hashes) in MerkleVectors.nodeHashes.enumerated() {
            for (index, hash) in hashes.enumerated() {
                #expect(hexString(try tree.nodes.node(level: level, index: UInt64(index)).bytes) == hash)
            }
        }
    }

    @Test func frontierIsTheCompactRangeOfEachSize() {
        var appender = MerkleAppender()
        for size in 0...8 {
            let expected = MerkleVectors.frontiers[size].map { MerkleVectors.nodeHashes[$0.level][$0.index] }
            #expect(appender.frontier.map { hexString($0.bytes) } == expected, "size \(size)")
            #expect(appender.size == UInt64(size))
            if size < 8 { _ = appender.append(leafHash: MerkleVectors.tree.leafHashes[size]) }
        }
    }

    /// Leaf `i` is node (0, i); each completed parent follows, lowest first.
    @Test func appendReturnsTheLeafThenEachCompletedParent() {
        for (i, nodes) in MerkleTestTree.shared.appended.enumerated() {
            let completed = (~UInt64(i)).trailingZeroBitCount
            #expect(nodes.map(\.level) == Array(0...completed), "leaf \(i)")
            #expect(nodes.map(\.index) == (0...completed).map { UInt64(i) >> $0 }, "leaf \(i)")
            #expect(nodes[0].hash == MerkleTestTree.shared.leafHashes[i])
        }
    }

    static let sizes = Array(1...300) + [1_000, 1_023, 1_024, 1_025]

    @Test func appenderRootEqualsStoredRootEqualsNaiveRoot() throws {
        let tree = MerkleTestTree.shared
        for size in Self.sizes {
            let naive = NaiveMerkle.root(tree.leafHashes[..<size])
            #expect(tree.roots[size] == naive, "size \(size)")
            #expect(try MerkleProofs.root(size: UInt64(size), reader: tree.nodes) == naive, "size \(size)")
        }
        #expect(try MerkleProofs.root(size: 0, reader: tree.nodes) == MerkleHash.emptyRoot)
    }

    /// Stopping at any size, restoring from storage and carrying on gives the same nodes and
    /// roots as never stopping.
    @Test(arguments: Array(0...130) + [255, 256, 257, 511, 512, 640, 1_000])
    func restoringAndContinuingChangesNothing(stopAt k: Int) throws {
        let tree = MerkleTestTree.shared
        let end = min(tree.leafHashes.count, max(k + 200, 300))
        let nodes = InMemoryMerkleNodes()
        for appended in tree.appended[..<k] { nodes.store(appended) }
        var appender = try MerkleAppender.restoring(size: UInt64(k), from: nodes)
        #expect(appender.size == UInt64(k))
        #expect(appender.root == tree.roots[k])
        for i in k..<end {
            #expect(appender.append(leafHash: tree.leafHashes[i]) == tree.appended[i], "leaf \(i)")
            #expect(appender.root == tree.roots[i + 1], "size \(i + 1)")
        }
        #expect(appender.frontier == tree.frontier(size: end))
    }

    @Test func restoringReadsOneNodePerBorderSubtree() throws {
        let tree = MerkleTestTree.shared
        for size in [0, 1, 2, 3, 7, 8, 100, 1_023, 1_024, 1_025] {
            let reader = CountingMerkleReader(tree.nodes)
            let appender = try MerkleAppender.restoring(size: UInt64(size), from: reader)
            #expect(reader.reads == size.nonzeroBitCount)
            #expect(appender.frontier == tree.frontier(size: size))
        }
    }

    @Test func restoringWithoutABorderNodeFails() {
        let nodes = InMemoryMerkleNodes()
        for appended in MerkleTestTree.shared.appended[..<6] { nodes.store(appended) }
        nodes.remove(level: 1, index: 2)  // the border subtree over leaves 4 and 5
        let error = merkleError { try MerkleAppender.restoring(size: 6, from: nodes) }
        #expect(error?.code == .missingNode)
        #expect(error?.message == "no stored node at level 1, index 2")
    }

    @Test func initFromAFrontierContinuesTheTree() {
        let tree = MerkleTestTree.shared
        var appender = MerkleAppender(size: 77, frontier: tree.frontier(size: 77))
        #expect(appender.root == tree.roots[77])
        _ = appender.append(leafHash: tree.leafHashes[77])
        #expect(appender.root == tree.roots[78])
    }

    @Test func aFrontierOfTheWrongLengthIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            _ = MerkleAppender(size: 3, frontier: [MerkleHash.emptyRoot])
        }
    }

    /// Cost of appending, counted (not timed): the nodes each append stores, and the node hashes
    /// it computes (one per stored parent: every node but the leaf).
    @Test func appendingCostsAmortisedLessThanTwoNodesPerLeaf() {
        var appender = MerkleAppender()
        var stored = 0
        var hashes = 0
        for i in 0..<4_096 {
            let nodes = appender.append(leafHash: EntryHash.of([UInt8(i & 0xFF), UInt8(i >> 8)]))
            let n = i + 1
            #expect(nodes.count <= 1 + (UInt64(n).bitWidth - UInt64(n).leadingZeroBitCount))
            stored += nodes.count
            hashes += nodes.count - 1
            // Exactly 2n - popcount(n) nodes: every perfect subtree of a tree of n leaves.
            #expect(stored == 2 * n - n.nonzeroBitCount)
            #expect(hashes == n - n.nonzeroBitCount)
            #expect(appender.frontier.count == n.nonzeroBitCount)
        }
        #expect(stored < 2 * 4_096)
        // In the shared tree the worst append (leaf 1,023) completes 1,024 leaves: the leaf plus 10 parents.
        #expect(MerkleTestTree.shared.appended.map(\.count).max() == 11)
    }
}

extension MerkleTestTree {
    /// The frontier of the first `size` leaves, read from the nodes each append stored.
    func frontier(size: Int) -> [EntryHash] {
        var out: [EntryHash] = []
        var start = 0
        for level in stride(from: 62, through: 0, by: -1) where size & (1 << level) != 0 {
            out.append(try! nodes.node(level: level, index: UInt64(start >> level)))
            start += 1 << level
        }
        return out
    }
}
