extension MerkleVerifier {
    /// Checks that the tree of `size1` leaves with root `root1` is a prefix of the tree of
    /// `size2` leaves with root `root2`, given the consistency proof `proof` (RFC 9162 §2.1.4.2).
    ///
    /// Equal sizes need an empty proof and equal roots. A first size of 0 is refused
    /// (``MerkleError/Code/emptyTree``): every tree extends the empty one, so there is nothing
    /// to prove and a caller asking is confused about which checkpoint it holds.
    public static func verifyConsistency(
        size1: UInt64, size2: UInt64, proof: [EntryHash], root1: EntryHash, root2: EntryHash
    ) throws(MerkleError) {
        guard size1 <= size2 else {
            throw MerkleError(.sizeDecrease, "a tree of \(size2) leaves cannot extend one of \(size1)")
        }
        guard size1 > 0 else {
            throw MerkleError(.emptyTree, "a consistency proof from the empty tree proves nothing")
        }
        if size1 == size2 {
            guard proof.isEmpty else {
                throw MerkleError(
                    .wrongProofSize, "trees of equal size \(size1) need an empty proof, not \(proof.count) hashes")
            }
            guard root1 == root2 else {
                throw MerkleError(.rootMismatch, "two different roots for the same size \(size1)")
            }
            return
        }
        // 1. (An empty proof is caught here too: 0 < size1 < size2 always needs at least one hash.)
        let expected = consistencyProofSize(size1: size1, size2: size2)
        guard proof.count == expected else {
            throw MerkleError(
                .wrongProofSize, "consistency proof \(size1) → \(size2) has \(proof.count) hashes, not \(expected)")
        }
        // 2. A perfect first tree is itself a node of the second, so the proof leaves it out.
        var path = proof
        if size1 & (size1 - 1) == 0 { path.insert(root1, at: 0) }
        // 3–4. fn walks up from the old last leaf, sn from the new one; skip the levels where
        //      the old last leaf is inside a complete subtree the proof starts above.
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // 5. fr rebuilds the old root, sr the new one, from the same starting node.
        var fr = path[0]
        var sr = path[0]
        // 6. Left siblings enter both roots; right siblings only the new one.
        for c in path.dropFirst() {
            // 6a. Unreachable after the size check above; kept because it is the RFC's own guard.
            guard sn != 0 else { throw MerkleError(.wrongProofSize, "consistency proof is too long") }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        // 7. Both roots must match, and the walk must have reached the new root's level.
        guard sn == 0 else { throw MerkleError(.wrongProofSize, "consistency proof is too short") }
        guard fr == root1 else {
            throw MerkleError(.rootMismatch, "consistency proof does not lead to the root of size \(size1)")
        }
        guard sr == root2 else {
            throw MerkleError(.rootMismatch, "consistency proof does not lead to the root of size \(size2)")
        }
    }

    /// The number of hashes in the consistency proof between `0 < size1 < size2`.
    ///
    /// The proof starts at the highest complete subtree ending at the old last leaf (its hash
    /// comes from the proof unless that subtree is the whole old tree), climbs one sibling per
    /// level up to where the paths to the old and new last leaves meet, and above that only at
    /// the levels where the old last leaf's path has a left sibling (its 1 bits).
    static func consistencyProofSize(size1: UInt64, size2: UInt64) -> Int {
        let last1 = size1 - 1
        let meet = MerkleTreeMath.bitLength(last1 ^ (size2 - 1))
        let start = size1.trailingZeroBitCount
        let seed = size1 & (size1 - 1) == 0 ? 0 : 1
        return seed + (meet - start) + (last1 >> meet).nonzeroBitCount
    }
}
