import MusterCore

/// Unions and dues, which depend on the category.
extension PersonBuilder {
    /// Affiliated supporters always carry their union (and pay through its levy); a quarter of
    /// members are in an affiliated union too. Members pay monthly or annually, registered
    /// supporters a one-off fee, contacts nothing.
    mutating func setUnionAndDues(_ record: inout PersonRecord) {
        switch record.category {
        case .affiliatedSupporter:
            joinUnion(&record)
            record.dues = Dues(amountPence: 0, frequency: .none, method: .unionLevy)
        case .member:
            if rng.chance(perMille: 250) { joinUnion(&record) }
            if rng.chance(perMille: 700) {
                record.dues = Dues(
                    amountPence: Shares.monthlyDues.pick(&rng), frequency: .monthly,
                    method: Shares.monthlyMethod.pick(&rng))
            } else {
                record.dues = Dues(
                    amountPence: Shares.annualDues.pick(&rng), frequency: .annual,
                    method: Shares.annualMethod.pick(&rng))
            }
        case .registeredSupporter:
            let early = record.joinDate.map { $0 < Self.supporterFeeRise } ?? false
            record.dues = Dues(amountPence: early ? 300 : 2500, frequency: .oneOff, method: .card)
        case .contact:
            record.dues = Dues(amountPence: 0, frequency: .none, method: nil)
        }
    }

    /// A union and a membership number in its style: two letters and eight digits.
    private mutating func joinUnion(_ record: inout PersonRecord) {
        let union = TradeUnion.affiliated.pick(&rng)
        record.unionName = union.name
        record.identity.unionMembershipNumber = union.numberPrefix + Digits.padded(rng.below(100_000_000), width: 8)
    }
}
