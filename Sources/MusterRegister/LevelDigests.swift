import MusterLedger

/// A running digest of the Merkle nodes of each level, in index order (the order in which both
/// the appender produces them and the store returns them). Digests of consecutive runs of nodes
/// join into the digest of the whole (``append(_:)``), so separate threads can digest separate
/// stretches of the tree.
///
/// A polynomial hash modulo the prime 2^61 − 1 at a point drawn at random for each verification
/// (a universal hash): whoever edited the stored nodes cannot know the point, so two different
/// sequences collide with probability about n / 2^61. It costs a few multiplications per node,
/// where a SHA-256 per node cost as much as hashing the entries themselves.
struct LevelDigests {
    private static let prime: UInt64 = (1 << 61) - 1
    private let point: UInt64
    private var digests: [UInt64] = []
    private var counts: [UInt64] = []

    /// Two sides compared must share the point: make one, then ``sibling()``.
    init() {
        point = UInt64.random(in: 2..<Self.prime)
    }

    private init(point: UInt64) {
        self.point = point
    }

    /// An empty digest at the same point, for the other side of the comparison.
    func sibling() -> LevelDigests { LevelDigests(point: point) }

    /// Adds a node of the tree the entries give, if the store keeps it as a row of its node
    /// table (``MerkleTiles/isNodeRow(level:)``): the side compared with the stored nodes.
    mutating func add(computed node: MerkleNode) {
        if MerkleTiles.isNodeRow(level: node.level) { add(node) }
    }

    /// Adds a node as it is: a stored one, whatever its level (a row at a level the store does
    /// not keep is a difference, not noise).
    mutating func add(_ node: MerkleNode) {
        while digests.count <= node.level {
            digests.append(0)
            counts.append(0)
        }
        var value = digests[node.level]
        node.hash.withUnsafeBytes { raw in
            for word in 0..<4 {
                // 64-bit words reduced below the prime keep every step exact (a fold, not a
                // division: 2^61 ≡ 1, and the division was a third of the digest's cost).
                let chunk = Self.reduce(raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
                value = Self.add(Self.multiply(value, point), chunk)
            }
        }
        digests[node.level] = value
        counts[node.level] += 1
    }

    /// Continues each level with the nodes `later` digested (the nodes that follow this digest's,
    /// level by level; made at the same point, by ``sibling()``). A digest is
    /// Σ wordᵢ·point^(n−1−i) over its n words, so appending m words multiplies it by point^m.
    mutating func append(_ later: LevelDigests) {
        precondition(later.point == point, "digests joined must share their point")
        for level in later.digests.indices {
            while digests.count <= level {
                digests.append(0)
                counts.append(0)
            }
            let shifted = Self.multiply(digests[level], Self.power(point, 4 * later.counts[level]))
            digests[level] = Self.add(shifted, later.digests[level])
            counts[level] += later.counts[level]
        }
    }

    func firstDifference(from other: LevelDigests) -> Int? {
        for level in 0..<max(digests.count, other.digests.count) {
            let mine = level < digests.count ? (digests[level], counts[level]) : (0, 0)
            let theirs = level < other.digests.count ? (other.digests[level], other.counts[level]) : (0, 0)
            if mine != theirs { return level }
        }
        return nil
    }

    private static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // a·b = high·2^64 + low, and 2^64 ≡ 2^3 (mod 2^61 − 1).
        let folded = (low & prime) + (low >> 61) + (UInt64(high) << 3)
        return reduce(folded)
    }

    private static func power(_ base: UInt64, _ exponent: UInt64) -> UInt64 {
        var (result, square, rest) = (UInt64(1), base, exponent)
        while rest > 0 {
            if rest & 1 == 1 { result = multiply(result, square) }
            square = multiply(square, square)
            rest >>= 1
        }
        return result
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64 { reduce(a + b) }

    private static func reduce(_ x: UInt64) -> UInt64 {
        var value = (x & prime) + (x >> 61)
        if value >= prime { value -= prime }
        return value
    }
}
