import MusterTesting
import Testing

@testable import MusterLedger

/// RFC 6962 hashing against the published vectors (MerkleVectors).
struct MerkleHashTests {
    @Test func leafHashesMatchTheVectors() {
        for (i, input) in MerkleVectors.leafInputs.enumerated() {
            #expect(hexString(MerkleHash.leaf(bytes(hex: input)).bytes) == MerkleVectors.nodeHashes[0][i], "leaf \(i)")
        }
    }

    @Test func nodeHashesMatchTheVectors() {
        for level in 1..<MerkleVectors.nodeHashes.count {
            for (i, expected) in MerkleVectors.nodeHashes[level].enumerated() {
                let left = merkleHash(hex: MerkleVectors.nodeHashes[level - 1][2 * i])
                let right = merkleHash(hex: MerkleVectors.nodeHashes[level - 1][2 * i + 1])
                #expect(hexString(MerkleHash.node(left, right).bytes) == expected, "level \(level) index \(i)")
            }
        }
    }

    @Test func emptyRootIsSHA256OfNothing() {
        #expect(hexString(MerkleHash.emptyRoot.bytes) == MerkleVectors.roots[0])
        #expect(MerkleHash.emptyRoot == EntryHash.of([]))
    }

    /// The prefixes keep leaves and nodes apart: neither is the plain SHA-256 of its input, and
    /// a leaf whose bytes spell two hashes does not hash like the node over them.
    @Test func prefixesSeparateLeavesFromNodes() {
        let a = EntryHash.of([1])
        let b = EntryHash.of([2])
        #expect(MerkleHash.leaf([1, 2, 3]) == EntryHash.of([0x00, 1, 2, 3]))
        #expect(MerkleHash.leaf([1, 2, 3]) != EntryHash.of([1, 2, 3]))
        #expect(MerkleHash.node(a, b) == EntryHash.of([0x01] + a.bytes + b.bytes))
        #expect(MerkleHash.node(a, b) != MerkleHash.leaf(a.bytes + b.bytes))
        #expect(MerkleHash.node(a, b) != MerkleHash.node(b, a))
    }

    /// The ledger's hashes (OpenSSL on Linux) agree with swift-crypto's SHA-256 (what
    /// `EntryHash.of` uses) at every length across several blocks, padding edges included.
    @Test func hashesAgreeWithSwiftCryptoAtEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<300 {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(MerkleHash.leaf(message) == EntryHash.of([0x00] + message), "length \(length)")
        }
        for _ in 0..<100 {
            let (a, b) = (EntryHash.of([UInt8.random(in: 0...255)]), EntryHash.of([UInt8.random(in: 0...255), 1]))
            #expect(MerkleHash.node(a, b) == EntryHash.of([0x01] + a.bytes + b.bytes))
        }
    }

    @Test func errorCodesAreStable() {
        #expect(
            MerkleError.Code.allCases.map(\.rawValue) == [
                "index_out_of_range", "wrong_proof_size", "root_mismatch", "size_decrease", "empty_tree",
                "missing_node",
            ])
        let error = MerkleError(.rootMismatch, "proof does not lead to the root of size 8")
        #expect(error.description == "root_mismatch: proof does not lead to the root of size 8")
    }
}
