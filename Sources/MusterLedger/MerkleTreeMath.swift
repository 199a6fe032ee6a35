/// Arithmetic on tree sizes shared by the appender, the prover and the verifier.
enum MerkleTreeMath {
    /// RFC 6962's split point for a tree of `n ≥ 2` leaves: the largest power of two strictly
    /// less than `n`. The left subtree `[0, k)` is then always perfect.
    static func split(_ n: UInt64) -> UInt64 {
        precondition(n >= 2, "a tree of fewer than two leaves has no split")
        return UInt64(1) << (bitLength(n - 1) - 1)
    }

    /// The number of bits needed to write `x` (0 for 0).
    static func bitLength(_ x: UInt64) -> Int {
        UInt64.bitWidth - x.leadingZeroBitCount
    }

    /// The perfect subtrees that make up the leaves `[start, end)`, largest first, as
    /// (level, index) of their stored nodes.
    ///
    /// Only for the ranges RFC 6962 recursion produces (the whole tree `[0, n)` and every
    /// `D[k:n]` below it): there `start` is a multiple of a power of two at least `end - start`,
    /// so taking the set bits of `end - start` from the highest down lands every subtree on an
    /// aligned position, and the range's hash is these roots combined right to left.
    static func perfectSubtrees(start: UInt64, end: UInt64) -> [(level: Int, index: UInt64)] {
        precondition(start <= end, "range ends before it starts")
        var out: [(level: Int, index: UInt64)] = []
        var position = start
        var remaining = end - start
        while remaining > 0 {
            let level = bitLength(remaining) - 1
            let width = UInt64(1) << level
            precondition(position & (width - 1) == 0, "range [\(start), \(end)) is not an RFC 6962 subtree")
            out.append((level, position >> level))
            position += width
            remaining -= width
        }
        return out
    }

    /// RFC 6962 MTH of adjacent perfect subtrees given largest (leftmost) first: the rightmost
    /// two combine first, because MTH splits off the largest left subtree at every step and
    /// recurses into the remainder on the right.
    static func foldRightToLeft(_ hashes: [EntryHash]) -> EntryHash {
        guard var root = hashes.last else { return MerkleHash.emptyRoot }
        for left in hashes.dropLast().reversed() {
            root = MerkleHash.node(left, root)
        }
        return root
    }
}
