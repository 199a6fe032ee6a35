/// Roots and proofs for any past tree size, computed from stored perfect-subtree nodes.
///
/// Every function reads O(log n) nodes (at most `bitLength(size) + popcount(size)`) and never
/// recomputes from the leaves: the only ranges RFC 6962's recursion asks for are either perfect
/// (one stored node) or end at the tree's right border (its few border nodes).
public enum MerkleProofs {
    /// The RFC 6962 root (MTH) of the first `size` leaves; ``MerkleHash/emptyRoot`` for 0.
    public static func root(size: UInt64, reader: some MerkleNodeReader) throws -> EntryHash {
        try rangeHash(start: 0, end: size, reader: reader)
    }

    /// The audit path for leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1 PATH),
    /// lowest sibling first. Empty for a one-leaf tree.
    public static func inclusionProof(
        index: UInt64, size: UInt64, reader: some MerkleNodeReader
    ) throws -> [EntryHash] {
        guard index < size else {
            throw MerkleError(.indexOutOfRange, "leaf \(index) is not in a tree of \(size)")
        }
        // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])  when m < k
        //               = PATH(m - k, D[k:n]) : MTH(D[0:k])  otherwise;
        // walked from the top, so the siblings are collected highest first and reversed.
        var path: [EntryHash] = []
        var (start, end, m) = (UInt64(0), size, index)
        while end - start > 1 {
            let k = MerkleTreeMath.split(end - start)
            if m < k {
                path.append(try rangeHash(start: start + k, end: end, reader: reader))
                end = start + k
            } else {
                path.append(try rangeHash(start: start, end: start + k, reader: reader))
                start += k
                m -= k
            }
        }
        return path.reversed()
    }

    /// The proof that the tree of `size1` leaves is a prefix of the tree of `size2` leaves
    /// (RFC 9162 §2.1.4.1 PROOF / SUBPROOF), lowest node first. Empty when the sizes are equal.
    public static func consistencyProof(
        from size1: UInt64, to size2: UInt64, reader: some MerkleNodeReader
    ) throws -> [EntryHash] {
        guard size1 <= size2 else {
            throw MerkleError(.sizeDecrease, "no tree of \(size2) leaves extends one of \(size1)")
        }
        guard size1 > 0 else {
            throw MerkleError(.emptyTree, "a consistency proof from the empty tree proves nothing")
        }
        // SUBPROOF(m, D[n], b) = {} if m = n and b; {MTH(D[n])} if m = n and not b;
        //   SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          when m <= k
        //   SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  when m > k.
        // `known` is b: whether the verifier already holds the subtree's hash (it holds the
        // old root, but not the root of any right-hand piece of it).
        var proof: [EntryHash] = []
        var (start, end, m, known) = (UInt64(0), size2, size1, true)
        while true {
            if m == end - start {
                if !known { proof.append(try rangeHash(start: start, end: end, reader: reader)) }
                break
            }
            let k = MerkleTreeMath.split(end - start)
            if m <= k {
                proof.append(try rangeHash(start: start + k, end: end, reader: reader))
                end = start + k
            } else {
                proof.append(try rangeHash(start: start, end: start + k, reader: reader))
                start += k
                m -= k
                known = false
            }
        }
        return proof.reversed()
    }

    /// MTH of the leaves `[start, end)`, an RFC 6962 subtree range, from its perfect pieces.
    static func rangeHash(start: UInt64, end: UInt64, reader: some MerkleNodeReader) throws -> EntryHash {
        var hashes: [EntryHash] = []
        for (level, index) in MerkleTreeMath.perfectSubtrees(start: start, end: end) {
            hashes.append(try reader.node(level: level, index: index))
        }
        return MerkleTreeMath.foldRightToLeft(hashes)
    }
}
