import MusterTesting
import Testing

@testable import MusterLedger

struct MerkleProofsTests {
    @Test func inclusionProofsMatchTheVectors() throws {
        let tree = MerkleVectors.tree
        for vector in MerkleVectors.inclusionProofs {
            let proof = try MerkleProofs.inclusionProof(index: vector.index, size: vector.size, reader: tree.nodes)
            #expect(proof.map { hexString($0.bytes) } == vector.proof, "leaf \(vector.index) of \(vector.size)")
            try MerkleVerifier.verifyInclusion(
                leafHash: tree.leafHashes[Int(vector.index)], index: vector.index, size: vector.size,
                proof: vector.proof.map { merkleHash(hex: $0) },
                root: merkleHash(hex: MerkleVectors.roots[Int(vector.size)]))
        }
    }

    @Test func consistencyProofsMatchTheVectors() throws {
        let tree = MerkleVectors.tree
        for vector in MerkleVectors.consistencyProofs {
            let proof = try MerkleProofs.consistencyProof(from: vector.size1, to: vector.size2, reader: tree.nodes)
            #expect(proof.map { hexString($0.bytes) } == vector.proof, "\(vector.size1) → \(vector.size2)")
            try MerkleVerifier.verifyConsistency(
                size1: vector.size1, size2: vector.size2, proof: vector.proof.map { merkleHash(hex: $0) },
                root1: merkleHash(hex: MerkleVectors.roots[Int(vector.size1)]),
                root2: merkleHash(hex: MerkleVectors.roots[Int(vector.size2)]))
        }
    }

    /// Every leaf of every tree up to 70 leaves: the proof is RFC 9162's PATH, has the length
    /// the verifier expects, and verifies.
    @Test(arguments: 1...70)
    func everyInclusionProofIsThePathAndVerifies(size: Int) throws {
        let tree = MerkleTestTree.shared
        for index in 0..<size {
            let proof = try MerkleProofs.inclusionProof(index: UInt64(index), size: UInt64(size), reader: tree.nodes)
            #expect(proof == NaiveMerkle.path(index, tree.leafHashes[..<size]), "leaf \(index) of \(size)")
            #expect(proof.count == MerkleVerifier.inclusionProofSize(index: UInt64(index), size: UInt64(size)))
            #expect(throws: Never.self) {
                try MerkleVerifier.verifyInclusion(
                    leafHash: tree.leafHashes[index], index: UInt64(index), size: UInt64(size), proof: proof,
                    root: tree.roots[size])
            }
        }
    }

    /// Every pair 1 ≤ m ≤ n ≤ 70: the proof is RFC 9162's PROOF, has the expected length, and
    /// verifies.
    @Test(arguments: 1...70)
    func everyConsistencyProofIsTheSubproofAndVerifies(size2: Int) throws {
        let tree = MerkleTestTree.shared
        for size1 in 1...size2 {
            let proof = try MerkleProofs.consistencyProof(from: UInt64(size1), to: UInt64(size2), reader: tree.nodes)
            #expect(proof == NaiveMerkle.subproof(size1, tree.leafHashes[..<size2], true), "\(size1) → \(size2)")
            if size1 < size2 {
                #expect(proof.count == MerkleVerifier.consistencyProofSize(size1: UInt64(size1), size2: UInt64(size2)))
            } else {
                #expect(proof.isEmpty)
            }
            #expect(throws: Never.self) {
                try MerkleVerifier.verifyConsistency(
                    size1: UInt64(size1), size2: UInt64(size2), proof: proof, root1: tree.roots[size1],
                    root2: tree.roots[size2])
            }
        }
    }

    @Test(arguments: [100, 255, 256, 257, 511, 640, 1_000, 1_023, 1_024, 1_025])
    func largeTreesProveAndVerify(size: Int) throws {
        let tree = MerkleTestTree.shared
        for index in Set([0, 1, size / 3, size / 2, size - 2, size - 1]) {
            let proof = try MerkleProofs.inclusionProof(index: UInt64(index), size: UInt64(size), reader: tree.nodes)
            try MerkleVerifier.verifyInclusion(
                leafHash: tree.leafHashes[index], index: UInt64(index), size: UInt64(size), proof: proof,
                root: tree.roots[size])
        }
        for size1 in Set([1, 2, 3, size / 2, size - 1, size]) {
            let proof = try MerkleProofs.consistencyProof(from: UInt64(size1), to: UInt64(size), reader: tree.nodes)
            try MerkleVerifier.verifyConsistency(
                size1: UInt64(size1), size2: UInt64(size), proof: proof, root1: tree.roots[size1],
                root2: tree.roots[size])
        }
    }

    /// Node reads, counted: a root reads one node per border subtree; a proof reads at most one
    /// node per level plus the border, never anything proportional to the tree size.
    @Test func proofsReadLogarithmicallyManyNodes() throws {
        let tree = MerkleTestTree.shared
        for size in [1, 2, 3, 5, 8, 63, 64, 65, 100, 511, 1_000, 1_023, 1_024, 1_025] {
            let bound = (UInt64(size).bitWidth - UInt64(size).leadingZeroBitCount) + size.nonzeroBitCount
            let rootReader = CountingMerkleReader(tree.nodes)
            _ = try MerkleProofs.root(size: UInt64(size), reader: rootReader)
            #expect(rootReader.reads == size.nonzeroBitCount, "root of \(size)")
            for index in 0..<size where index % max(1, size / 40) == 0 || index == size - 1 {
                let reader = CountingMerkleReader(tree.nodes)
                _ = try MerkleProofs.inclusionProof(index: UInt64(index), size: UInt64(size), reader: reader)
                #expect(reader.reads <= bound, "leaf \(index) of \(size): \(reader.reads) reads")
            }
            for size1 in 1...size where size1 % max(1, size / 40) == 0 || size1 == size - 1 {
                let reader = CountingMerkleReader(tree.nodes)
                _ = try MerkleProofs.consistencyProof(from: UInt64(size1), to: UInt64(size), reader: reader)
                #expect(reader.reads <= bound, "\(size1) → \(size): \(reader.reads) reads")
            }
        }
    }

    @Test func proofsOfImpossibleTreesAreRefused() {
        let nodes = MerkleTestTree.shared.nodes
        #expect(
            merkleErrorCode { try MerkleProofs.inclusionProof(index: 0, size: 0, reader: nodes) } == .indexOutOfRange)
        #expect(
            merkleErrorCode { try MerkleProofs.inclusionProof(index: 8, size: 8, reader: nodes) } == .indexOutOfRange)
        #expect(
            merkleErrorCode { try MerkleProofs.inclusionProof(index: .max, size: 8, reader: nodes) } == .indexOutOfRange
        )
        #expect(merkleErrorCode { try MerkleProofs.consistencyProof(from: 9, to: 8, reader: nodes) } == .sizeDecrease)
        #expect(merkleErrorCode { try MerkleProofs.consistencyProof(from: 0, to: 8, reader: nodes) } == .emptyTree)
        #expect(merkleErrorCode { try MerkleProofs.consistencyProof(from: 0, to: 0, reader: nodes) } == .emptyTree)
    }

    /// Asking about a tree larger than what is stored fails on the missing node, never with a
    /// made-up hash.
    @Test func proofsBeyondTheStoredTreeFailOnAMissingNode() {
        let nodes = MerkleTestTree.shared.nodes
        #expect(merkleErrorCode { try MerkleProofs.root(size: 1_026, reader: nodes) } == .missingNode)
        #expect(
            merkleErrorCode { try MerkleProofs.inclusionProof(index: 3, size: 1_030, reader: nodes) } == .missingNode)
        #expect(
            merkleErrorCode { try MerkleProofs.consistencyProof(from: 10, to: 2_048, reader: nodes) } == .missingNode)
        #expect(merkleErrorCode { try MerkleProofs.root(size: 1, reader: InMemoryMerkleNodes()) } == .missingNode)
    }
}
