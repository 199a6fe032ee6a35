/// Membership numbers like the sample's `M1012345`: "M" and seven digits, unique per index.
///
/// Uniqueness comes from construction, not from checking: the index is sent through a keyed
/// permutation of `0..<9_000_000` (a 24-bit Feistel network with cycle walking, the standard
/// format-preserving trick), then offset into `1_000_000...9_999_999`. A permutation cannot
/// collide, and the seed-dependent key keeps consecutive people from getting consecutive numbers.
struct MembershipNumbers: Sendable {
    /// How many people fit in "M" plus seven digits.
    static let capacity = 9_000_000

    private let key: UInt64

    init(seedKey: UInt64) {
        self.key = SplitMix64.mix(seedKey ^ 0x4D45_4D42_4552_5321)  // "MEMBERS!"
    }

    /// The number for person `index`. Beyond ``capacity`` (never reached by any real register)
    /// the number grows to eight or more digits, which stays unique because it is longer.
    func number(for index: Int) -> String {
        precondition(index >= 0, "indices start at 0")
        guard index < Self.capacity else { return "M" + String(10_000_000 + index) }
        return "M" + String(1_000_000 + permute(index))
    }

    /// A bijection of `0..<capacity`: encrypting with a permutation of `0..<2^24` and
    /// re-encrypting until the value lands back inside the domain visits each value once.
    func permute(_ index: Int) -> Int {
        var value = UInt32(index)
        repeat {
            value = feistel(value)
        } while value >= UInt32(Self.capacity)
        return Int(value)
    }

    /// Four balanced Feistel rounds over two 12-bit halves: a permutation of `0..<2^24`.
    private func feistel(_ value: UInt32) -> UInt32 {
        var left = value >> 12
        var right = value & 0xFFF
        for round in UInt64(0)..<4 {
            let f = UInt32(truncatingIfNeeded: SplitMix64.mix(key &+ (round << 32) &+ UInt64(right))) & 0xFFF
            (left, right) = (right, left ^ f)
        }
        return (left << 12) | right
    }
}
