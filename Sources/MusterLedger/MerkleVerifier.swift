/// Pure verification of RFC 9162 inclusion and consistency proofs.
///
/// Follows RFC 9162 §2.1.3.2 and §2.1.4.2 step by step. Before any hashing it checks the sizes,
/// the index and the exact number of proof hashes the sizes call for, so a proof that is too
/// short, too long or about another tree is refused as such. Every proof hash then enters the
/// computed root: a proof with any element forged (not only its first or last) fails.
///
/// Take a size and its root from the same signed checkpoint. A proof fixes the *shape* of the
/// tree, and trees of different sizes can share a shape (a leaf hash in one is a node hash in
/// the other), so a size paired with the root of another size is not something a proof can
/// refuse.
public enum MerkleVerifier {
    /// Checks that the leaf with `leafHash` is leaf `index` of the tree of `size` leaves whose
    /// root is `root`, given the audit path `proof` (lowest sibling first).
    public static func verifyInclusion(
        leafHash: EntryHash, index: UInt64, size: UInt64, proof: [EntryHash], root: EntryHash
    ) throws(MerkleError) {
        let computed = try rootFromInclusionProof(leafHash: leafHash, index: index, size: size, proof: proof)
        guard computed == root else {
            throw MerkleError(
                .rootMismatch, "inclusion proof for leaf \(index) does not lead to the root of size \(size)")
        }
    }

    /// The root that `proof` leads to from leaf `index` with `leafHash` in a tree of `size`
    /// leaves (RFC 9162 §2.1.3.2 steps 1–4). Compare it with a trusted root to verify.
    public static func rootFromInclusionProof(
        leafHash: EntryHash, index: UInt64, size: UInt64, proof: [EntryHash]
    ) throws(MerkleError) -> EntryHash {
        // 1. The index must be inside the tree.
        guard index < size else {
            throw MerkleError(.indexOutOfRange, "leaf \(index) is not in a tree of \(size)")
        }
        let expected = inclusionProofSize(index: index, size: size)
        guard proof.count == expected else {
            throw MerkleError(
                .wrongProofSize,
                "inclusion proof for leaf \(index) of \(size) has \(proof.count) hashes, not \(expected)")
        }
        // 2–3. fn walks up from the leaf, sn from the last leaf; r is the running hash.
        var fn = index
        var sn = size - 1
        var r = leafHash
        // 4. Each proof hash is a sibling: on the left when fn is a right child or on the right
        //    border (fn == sn), else on the right. Border levels with no sibling are skipped.
        for p in proof {
            // 4a. Unreachable after the size check above; kept because it is the RFC's own guard.
            guard sn != 0 else { throw MerkleError(.wrongProofSize, "inclusion proof is too long") }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        // 5. (first half) The path must have reached the root level.
        guard sn == 0 else { throw MerkleError(.wrongProofSize, "inclusion proof is too short") }
        return r
    }

    /// The number of hashes in the audit path of leaf `index` (< `size`) of a tree of `size`.
    ///
    /// Below the level where the paths to `index` and to the last leaf `size - 1` meet, every
    /// node on the path has a sibling. Above it the path runs along the right border, where a
    /// node has a (left) sibling exactly at the levels where `index` has a 1 bit.
    static func inclusionProofSize(index: UInt64, size: UInt64) -> Int {
        let inner = MerkleTreeMath.bitLength(index ^ (size - 1))
        return inner + (index >> inner).nonzeroBitCount
    }
}
