/// A fixed table of choices with integer weights, picked with a ``SplitMix64``.
///
/// Integer weights (not probabilities) keep the tables readable as "out of 1000" shares and
/// make every pick exact and platform-independent.
struct Weighted<Element: Sendable>: Sendable {
    let elements: [Element]
    private let cumulative: [Int]
    let total: Int

    init(_ pairs: [(Element, Int)]) {
        var running = 0
        var cumulative: [Int] = []
        cumulative.reserveCapacity(pairs.count)
        for (_, weight) in pairs {
            precondition(weight >= 0, "weights are never negative")
            running += weight
            cumulative.append(running)
        }
        precondition(running > 0, "a weighted table needs a positive total")
        self.elements = pairs.map(\.0)
        self.cumulative = cumulative
        self.total = running
    }

    /// One element, chosen with probability weight / total. Tables are small (at most a few
    /// dozen entries), so a linear scan beats anything cleverer.
    func pick(_ rng: inout SplitMix64) -> Element {
        let roll = rng.below(total)
        var index = 0
        while cumulative[index] <= roll { index += 1 }
        return elements[index]
    }
}
