import MusterTesting
import Testing

@testable import MusterLedger

/// Tampered inclusion proofs: each way of lying is refused with the code that names it.
struct MerkleVerifierTests {
    static let tree = MerkleTestTree.shared

    static func proof(_ index: Int, _ size: Int) -> [EntryHash] {
        try! MerkleProofs.inclusionProof(index: UInt64(index), size: UInt64(size), reader: tree.nodes)
    }

    static func verify(
        leaf: EntryHash? = nil, _ index: Int, _ size: Int, _ proof: [EntryHash], root: EntryHash? = nil
    ) -> MerkleError.Code? {
        merkleErrorCode {
            try MerkleVerifier.verifyInclusion(
                leafHash: leaf ?? tree.leafHashes[index], index: UInt64(index), size: UInt64(size), proof: proof,
                root: root ?? tree.roots[size])
        }
    }

    static func flipped(_ hash: EntryHash, byte: Int, bit: Int) -> EntryHash {
        var raw = hash.bytes
        raw[byte] ^= UInt8(1) << bit
        return EntryHash(bytes: raw)!
    }

    /// The immudb lesson: every element counts, not only the ends. Any one bit flipped in any
    /// byte of any element is caught.
    @Test(arguments: [2, 3, 5, 7, 8, 13, 31, 32, 33, 70])
    func flippingAnyBitOfAnyElementIsARootMismatch(size: Int) {
        for index in 0..<size {
            let proof = Self.proof(index, size)
            for element in proof.indices {
                for byte in 0..<32 {
                    var forged = proof
                    forged[element] = Self.flipped(proof[element], byte: byte, bit: (byte + element) % 8)
                    #expect(
                        Self.verify(index, size, forged) == .rootMismatch,
                        "leaf \(index)/\(size) [\(element)] byte \(byte)")
                }
            }
        }
    }

    /// A forged middle element of a long proof, swapped for a real node hash from elsewhere in
    /// the same tree (the form an attacker would pick).
    @Test func aForgedMiddleElementIsCaught() {
        let size = 1_025
        for index in [0, 300, 777, 1_022] {
            let proof = Self.proof(index, size)
            #expect(proof.count >= 10)
            for element in 1..<(proof.count - 1) {
                var forged = proof
                forged[element] = Self.tree.leafHashes[(index + 500) % size]
                #expect(Self.verify(index, size, forged) == .rootMismatch, "leaf \(index) element \(element)")
                forged[element] = Self.tree.roots[element + 1]
                #expect(Self.verify(index, size, forged) == .rootMismatch, "leaf \(index) element \(element)")
            }
        }
    }

    @Test(arguments: [1, 2, 3, 6, 8, 9, 70, 1_025])
    func truncatedOrExtendedProofsAreTheWrongSize(size: Int) {
        for index in Set([0, size / 2, size - 1]) {
            let proof = Self.proof(index, size)
            let extra = Self.tree.leafHashes[0]
            let variants: [[EntryHash]] =
                [proof + [extra], [extra] + proof, proof + proof]
                + (proof.isEmpty ? [] : [Array(proof.dropLast()), Array(proof.dropFirst()), []])
            for variant in variants where variant != proof {
                #expect(
                    Self.verify(index, size, variant) == .wrongProofSize,
                    "leaf \(index) of \(size), \(variant.count) hashes")
            }
        }
    }

    /// Size and length are checked before any hashing, so the code says what is wrong even
    /// when everything else is wrong too.
    @Test func boundsAndLengthComeBeforeTheRoot() {
        let garbage = EntryHash.of([9])
        #expect(Self.verify(leaf: garbage, 8, 8, [], root: garbage) == .indexOutOfRange)
        #expect(Self.verify(leaf: garbage, 0, 0, [], root: MerkleHash.emptyRoot) == .indexOutOfRange)
        #expect(Self.verify(leaf: garbage, 3, 8, [garbage], root: garbage) == .wrongProofSize)
        #expect(Self.verify(leaf: garbage, 3, 8, [garbage, garbage, garbage], root: garbage) == .rootMismatch)
    }

    @Test(arguments: [5, 8, 21, 64, 65])
    func wrongIndexSizeLeafOrRootIsRefused(size: Int) {
        for index in 0..<size {
            let proof = Self.proof(index, size)
            for other in 0..<size where other != index {
                // The same proof presented for another leaf position.
                let code = Self.verify(leaf: Self.tree.leafHashes[index], other, size, proof)
                #expect(code == .rootMismatch || code == .wrongProofSize, "leaf \(index) as \(other) of \(size)")
                // Another leaf presented at this position.
                #expect(Self.verify(leaf: Self.tree.leafHashes[other], index, size, proof) == .rootMismatch)
            }
            // The proof presented for a tree of another size, against that tree's real root.
            for otherSize in [size - 1, size + 1, 2 * size, size / 2] where otherSize != size {
                let code = Self.verify(index, otherSize, proof)
                #expect(code != nil, "leaf \(index) of \(size) claimed for size \(otherSize)")
                if index >= otherSize { #expect(code == .indexOutOfRange) }
            }
            for otherRoot in [Self.tree.roots[size - 1], Self.tree.roots[size + 1], MerkleHash.emptyRoot] {
                #expect(Self.verify(index, size, proof, root: otherRoot) == .rootMismatch)
            }
        }
    }

    @Test(arguments: [4, 7, 8, 70, 1_025])
    func swappedElementsAreARootMismatch(size: Int) {
        for index in Set([0, 1, size / 2, size - 1]) {
            let proof = Self.proof(index, size)
            for i in proof.indices.dropLast() {
                var swapped = proof
                swapped.swapAt(i, i + 1)
                guard swapped != proof else { continue }
                #expect(Self.verify(index, size, swapped) == .rootMismatch, "leaf \(index) of \(size) swap \(i)")
            }
            if proof.count > 1 {
                #expect(Self.verify(index, size, proof.reversed()) == .rootMismatch)
            }
        }
    }

    /// What a proof does not prove: a proof checks the *shape* of a tree of `size` leaves, and
    /// trees of other sizes can share that shape (leaf 0's proof in 5 leaves, [b, h(c,d), e],
    /// also fits 6 leaves if e is read as the node over two leaves). So a size and a root must
    /// come from the same signed checkpoint; the verifier cannot catch a size paired with the
    /// root of another size.
    @Test func sizeIsBoundOnlyThroughItsRoot() {
        let proof = Self.proof(0, 5)
        #expect(Self.verify(0, 6, proof, root: Self.tree.roots[5]) == nil)
        #expect(Self.verify(0, 6, proof, root: Self.tree.roots[6]) == .rootMismatch)
    }

    /// Sizes near 2^64 are arithmetic, not allocation: the length rules hold and nothing traps.
    @Test func hugeSizesNeitherTrapNorPass() {
        let filler = EntryHash.of([7])
        let cases: [(index: UInt64, size: UInt64, length: Int)] = [
            (0, .max, 64), (.max - 1, .max, 63), (1 << 63, .max, 64), (0, 1 << 63, 63), ((1 << 63) - 1, 1 << 63, 63),
        ]
        for c in cases {
            #expect(MerkleVerifier.inclusionProofSize(index: c.index, size: c.size) == c.length)
            for (count, code) in [(c.length, MerkleError.Code.rootMismatch), (c.length + 1, .wrongProofSize)] {
                let got = merkleErrorCode {
                    try MerkleVerifier.verifyInclusion(
                        leafHash: filler, index: c.index, size: c.size,
                        proof: Array(repeating: filler, count: count), root: filler)
                }
                #expect(got == code, "leaf \(c.index) of \(c.size), \(count) hashes")
            }
        }
        for (size1, size2) in [(UInt64.max - 1, UInt64.max), (1, .max), (1 << 63, .max), ((1 << 63) - 1, 1 << 63)] {
            let length = MerkleVerifier.consistencyProofSize(size1: size1, size2: size2)
            #expect(length > 0 && length <= 128)
            for (count, code) in [(length, MerkleError.Code.rootMismatch), (length + 1, .wrongProofSize)] {
                let got = merkleErrorCode {
                    try MerkleVerifier.verifyConsistency(
                        size1: size1, size2: size2, proof: Array(repeating: filler, count: count), root1: filler,
                        root2: filler)
                }
                #expect(got == code, "\(size1) → \(size2), \(count) hashes")
            }
        }
    }

    @Test func rootFromInclusionProofIsTheRootItVerifiesAgainst() throws {
        for size in [1, 6, 1_025] {
            for index in [0, size - 1] {
                let root = try MerkleVerifier.rootFromInclusionProof(
                    leafHash: Self.tree.leafHashes[index], index: UInt64(index), size: UInt64(size),
                    proof: Self.proof(index, size))
                #expect(root == Self.tree.roots[size])
            }
        }
    }

    @Test func errorMessagesNameSizesNotHashes() {
        let error = merkleError {
            try MerkleVerifier.verifyInclusion(
                leafHash: Self.tree.leafHashes[0], index: 0, size: 8, proof: Self.proof(0, 7), root: Self.tree.roots[8])
        }
        #expect(error?.code == .wrongProofSize || error?.code == .rootMismatch)
        #expect(error.map { !$0.message.contains(hexString(Self.tree.roots[8].bytes)) } == true)
        #expect(
            merkleError {
                try MerkleVerifier.verifyInclusion(
                    leafHash: Self.tree.leafHashes[0], index: 9, size: 8, proof: [], root: Self.tree.roots[8])
            }?.message
                == "leaf 9 is not in a tree of 8")
    }
}
