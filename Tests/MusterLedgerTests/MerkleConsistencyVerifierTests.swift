import Testing

@testable import MusterLedger

/// Tampered consistency proofs: each way of lying is refused with the code that names it.
struct MerkleConsistencyVerifierTests {
    static let tree = MerkleTestTree.shared

    static func proof(_ size1: Int, _ size2: Int) -> [EntryHash] {
        try! MerkleProofs.consistencyProof(from: UInt64(size1), to: UInt64(size2), reader: tree.nodes)
    }

    static func verify(
        _ size1: Int, _ size2: Int, _ proof: [EntryHash], root1: EntryHash? = nil, root2: EntryHash? = nil
    ) -> MerkleError.Code? {
        merkleErrorCode {
            try MerkleVerifier.verifyConsistency(
                size1: UInt64(size1), size2: UInt64(size2), proof: proof, root1: root1 ?? tree.roots[size1],
                root2: root2 ?? tree.roots[size2])
        }
    }

    @Test(arguments: [2, 3, 4, 7, 8, 9, 31, 33, 70])
    func flippingAnyBitOfAnyElementIsARootMismatch(size2: Int) {
        for size1 in 1..<size2 {
            let proof = Self.proof(size1, size2)
            for element in proof.indices {
                for byte in 0..<32 {
                    var forged = proof
                    forged[element] = MerkleVerifierTests.flipped(proof[element], byte: byte, bit: byte % 8)
                    #expect(
                        Self.verify(size1, size2, forged) == .rootMismatch,
                        "\(size1) → \(size2) [\(element)] byte \(byte)")
                }
            }
        }
    }

    @Test func aForgedMiddleElementIsCaught() {
        for (size1, size2) in [(3, 1_025), (300, 1_025), (513, 1_024), (1_000, 1_023)] {
            let proof = Self.proof(size1, size2)
            #expect(proof.count >= 4)
            for element in 1..<(proof.count - 1) {
                var forged = proof
                forged[element] = Self.tree.leafHashes[element]
                #expect(Self.verify(size1, size2, forged) == .rootMismatch, "\(size1) → \(size2) element \(element)")
            }
        }
    }

    @Test(arguments: [2, 3, 8, 9, 70, 1_025])
    func truncatedOrExtendedProofsAreTheWrongSize(size2: Int) {
        for size1 in Set([1, 2, size2 / 2, size2 - 1]) where size1 < size2 {
            let proof = Self.proof(size1, size2)
            let extra = Self.tree.roots[size1]
            let variants = [
                proof + [extra], [extra] + proof, Array(proof.dropLast()), Array(proof.dropFirst()), [], proof + proof,
            ]
            for variant in variants {
                #expect(
                    Self.verify(size1, size2, variant) == .wrongProofSize,
                    "\(size1) → \(size2), \(variant.count) hashes")
            }
        }
    }

    @Test func aSmallerSecondTreeIsASizeDecrease() {
        #expect(Self.verify(8, 7, Self.proof(7, 8)) == .sizeDecrease)
        #expect(Self.verify(2, 1, []) == .sizeDecrease)
        #expect(Self.verify(1_025, 0, [], root2: MerkleHash.emptyRoot) == .sizeDecrease)
        #expect(
            merkleErrorCode {
                try MerkleVerifier.verifyConsistency(
                    size1: .max, size2: 1, proof: [], root1: MerkleHash.emptyRoot, root2: MerkleHash.emptyRoot)
            } == .sizeDecrease)
    }

    @Test func theEmptyTreeProvesNothing() {
        #expect(Self.verify(0, 0, []) == .emptyTree)
        #expect(Self.verify(0, 5, []) == .emptyTree)
        #expect(Self.verify(0, 5, Self.proof(1, 5)) == .emptyTree)
    }

    @Test func equalSizesNeedAnEmptyProofAndEqualRoots() {
        #expect(Self.verify(5, 5, []) == nil)
        #expect(Self.verify(5, 5, [Self.tree.roots[5]]) == .wrongProofSize)
        #expect(Self.verify(5, 5, [], root2: Self.tree.roots[6]) == .rootMismatch)
    }

    @Test(arguments: [5, 8, 21, 64, 65])
    func wrongRootsOrSizesAreRefused(size2: Int) {
        for size1 in 1..<size2 {
            let proof = Self.proof(size1, size2)
            // A root of another size, or the two roots swapped.
            for other in [size1 - 1, size1 + 1] where other != size1 {
                #expect(Self.verify(size1, size2, proof, root1: Self.tree.roots[other]) == .rootMismatch)
            }
            #expect(Self.verify(size1, size2, proof, root2: Self.tree.roots[size2 - 1]) == .rootMismatch)
            #expect(Self.verify(size1, size2, proof, root2: Self.tree.roots[size2 + 1]) == .rootMismatch)
            #expect(
                Self.verify(size1, size2, proof, root1: Self.tree.roots[size2], root2: Self.tree.roots[size1])
                    == .rootMismatch)
            // A fork: the same old tree, but a different leaf after it.
            var forked = MerkleAppender()
            for leaf in Self.tree.leafHashes[..<size1] { _ = forked.append(leafHash: leaf) }
            for i in size1..<size2 { _ = forked.append(leafHash: EntryHash.of([UInt8(i)])) }
            #expect(Self.verify(size1, size2, proof, root2: forked.root) == .rootMismatch)
            // The proof presented for other sizes, against those trees' real roots.
            for (s1, s2) in [(size1 + 1, size2), (size1 - 1, size2), (size1, size2 + 1), (size1, size2 - 1)]
            where 0 < s1 && s1 <= s2 {
                #expect(Self.verify(s1, s2, proof) != nil, "\(size1) → \(size2) presented as \(s1) → \(s2)")
            }
        }
    }

    @Test(arguments: [5, 7, 70, 1_025])
    func swappedElementsAreARootMismatch(size2: Int) {
        for size1 in Set([1, 2, 3, size2 / 2, size2 - 1]) where size1 < size2 {
            let proof = Self.proof(size1, size2)
            for i in proof.indices.dropLast() {
                var swapped = proof
                swapped.swapAt(i, i + 1)
                guard swapped != proof else { continue }
                #expect(Self.verify(size1, size2, swapped) == .rootMismatch, "\(size1) → \(size2) swap \(i)")
            }
        }
    }
}
