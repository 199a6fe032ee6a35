import MusterCore

/// Households: about 7% of people live with the person generated just before them, sharing
/// their address (and often their surname and email).
///
/// The rule must stay a pure function of the index, so person `i` joins person `i - 1`'s
/// household only if `i - 1` did not itself join `i - 2`'s. Chains are impossible, and building
/// a household member never needs more than one extra person.
extension DemoRegister {
    /// Chance, out of 1000, that a person rolls to join the previous person's household.
    static let householdPerMille = 70

    /// Person `index`; `previous`, when given, must be person `index - 1` (the streaming
    /// sequence passes it in so that household members cost nothing extra).
    func person(at index: Int, previous: PersonRecord?) -> PersonRecord {
        var builder = PersonBuilder(register: self, index: index)
        guard isHouseholdMember(index) else { return builder.build(household: nil) }
        if let previous { return builder.build(household: previous) }
        var neighbour = PersonBuilder(register: self, index: index - 1)
        return builder.build(household: neighbour.build(household: nil))
    }

    /// Whether person `index` lives with person `index - 1`.
    func isHouseholdMember(_ index: Int) -> Bool {
        index > 0 && householdRoll(index) < Self.householdPerMille
            && householdRoll(index - 1) >= Self.householdPerMille
    }

    /// The first draw of a person's stream decides whether they join a household, so it can be
    /// read for a neighbour without building the neighbour.
    func householdRoll(_ index: Int) -> Int {
        var rng = stream(for: index)
        return rng.below(1000)
    }

    /// The random stream that person `index` is built from.
    func stream(for index: Int) -> SplitMix64 {
        // Mixing the index before combining keeps nearby indices (and nearby seeds) from
        // producing overlapping SplitMix64 streams.
        SplitMix64(state: SplitMix64.mix(seedKey ^ SplitMix64.mix(UInt64(truncatingIfNeeded: index) &+ 0x632B_E59B_D9B4_E019)))
    }
}
