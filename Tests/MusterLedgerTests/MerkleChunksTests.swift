import Testing

@testable import MusterLedger

/// A tree built in chunks, stretch by stretch (as `ledger verify` builds it on several threads),
/// is the tree the appender builds leaf by leaf: the same nodes and the same root at every size.
struct MerkleChunksTests {
    /// The nodes and the root after every leaf, of a tree of `size` leaves built in stretches of
    /// `chunksPerStretch` chunks of 2^`height` leaves, each stretch on its own and joined after.
    static func chunked(size: Int, height: Int, chunksPerStretch: Int) -> (nodes: [MerkleNode], roots: [EntryHash]) {
        let leaves = MerkleTestTree.shared.leafHashes
        let stretchLength = chunksPerStretch << height
        var nodes: [MerkleNode] = []
        // For each size: the chunk it ends in and that chunk's root so far.
        var lastChunks: [(chunk: Int, root: EntryHash)] = []
        var chunkRoots: [EntryHash] = []
        for start in stride(from: 0, to: size, by: stretchLength) {
            var stretch = MerkleStretch(start: UInt64(start), chunkHeight: height)
            for i in start..<min(size, start + stretchLength) {
                stretch.append(leafHash: leaves[i]) { nodes.append($0) }
                lastChunks.append((i >> height, stretch.lastChunkRoot))
            }
            chunkRoots += stretch.chunkRoots
        }
        var join = MerkleChunkJoin(chunkHeight: height)
        var roots = [MerkleHash.emptyRoot]
        for (chunk, root) in lastChunks {
            while join.chunks < UInt64(chunk) { join.join(chunkRoot: chunkRoots[Int(join.chunks)]) { nodes.append($0) } }
            roots.append(join.root(endingWith: root))
        }
        while join.chunks < UInt64(chunkRoots.count) { join.join(chunkRoot: chunkRoots[Int(join.chunks)]) { nodes.append($0) } }
        return (nodes, roots)
    }

    static func key(_ node: MerkleNode) -> String { "\(node.level)/\(node.index)" }

    @Test(arguments: 0...4, 1...3)
    func chunkedIsTheSameTree(height: Int, chunksPerStretch: Int) {
        let tree = MerkleTestTree.shared
        for size in Array(0...70) + [255, 256, 257, 1_025] {
            let (nodes, roots) = Self.chunked(size: size, height: height, chunksPerStretch: chunksPerStretch)
            #expect(roots == Array(tree.roots[0...size]), "size \(size)")
            let expected = tree.appended[..<size].flatMap { $0 }
            #expect(nodes.count == expected.count, "size \(size)")
            let byPlace = Dictionary(uniqueKeysWithValues: nodes.map { (Self.key($0), $0.hash) })
            #expect(expected.allSatisfy { byPlace[Self.key($0)] == $0.hash }, "size \(size)")
        }
    }

    /// Each level's nodes come out in index order when the stretches' nodes are taken in
    /// stretch order and the join's last: the order `ledger verify` digests them in.
    @Test func eachLevelComesOutInIndexOrder() {
        let (nodes, _) = Self.chunked(size: 1_025, height: 3, chunksPerStretch: 2)
        for level in 0...11 {
            let indexes = nodes.filter { $0.level == level }.map(\.index)
            #expect(indexes == Array(0..<UInt64(indexes.count)), "level \(level)")
        }
    }

    @Test func aStretchReportsTheRootOfItsLastChunk() {
        let leaves = MerkleTestTree.shared.leafHashes
        var stretch = MerkleStretch(start: 8, chunkHeight: 2)
        #expect(stretch.lastChunkRoot == MerkleHash.emptyRoot)
        for i in 8..<14 { stretch.append(leafHash: leaves[i]) { _ in } }
        #expect(stretch.chunkRoots == [NaiveMerkle.root(leaves[8..<12])])
        #expect(stretch.lastChunkRoot == NaiveMerkle.root(leaves[12..<14]))
        #expect(stretch.next == 14)
    }
}
