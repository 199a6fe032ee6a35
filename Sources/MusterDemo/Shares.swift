import MusterCore

/// How the generated register is made up: every share the generator draws from, out of 1000.
///
/// Category shares follow `design.md` (member ~55%, affiliated ~25%, registered ~20%) with 4% of
/// contacts taken proportionally from the three. Statuses make about 70% of people active.
enum Shares {
    static let category = Weighted<MusterCore.Category>([
        (.member, 528), (.affiliatedSupporter, 240), (.registeredSupporter, 192), (.contact, 40),
    ])

    static let memberStatus = Weighted<Status>([
        (.active, 690), (.inArrears, 80), (.lapsed, 100), (.pending, 40), (.resigned, 60),
        (.suspended, 10), (.expelled, 5), (.deceased, 15),
    ])
    static let affiliatedStatus = Weighted<Status>([
        (.active, 740), (.inArrears, 10), (.lapsed, 100), (.pending, 40), (.resigned, 90),
        (.suspended, 5), (.expelled, 3), (.deceased, 12),
    ])
    static let registeredStatus = Weighted<Status>([
        (.active, 640), (.lapsed, 200), (.pending, 50), (.resigned, 90), (.suspended, 5), (.expelled, 3),
        (.deceased, 12),
    ])
    static let contactStatus = Weighted<Status>([
        (.active, 850), (.pending, 50), (.lapsed, 40), (.resigned, 50), (.deceased, 10),
    ])

    static func status(for category: MusterCore.Category) -> Weighted<Status> {
        switch category {
        case .member: return memberStatus
        case .affiliatedSupporter: return affiliatedStatus
        case .registeredSupporter: return registeredStatus
        case .contact: return contactStatus
        }
    }

    enum Gender: Sendable { case female, male, nonBinary }

    static let gender = Weighted<Gender>([(.female, 505), (.male, 480), (.nonBinary, 15)])

    /// Ages 16-95 in bands: party and union registers skew older than the population.
    static let ageBand = Weighted<ClosedRange<Int>>([
        (16...24, 100), (25...34, 140), (35...44, 150), (45...54, 170), (55...64, 190), (65...74, 160),
        (75...84, 70), (85...95, 20),
    ])

    static let femaleTitle = Weighted<String>([
        ("", 280), ("Ms", 250), ("Mrs", 250), ("Miss", 130), ("Dr", 55), ("Cllr", 20), ("Rev", 15),
    ])
    static let maleTitle = Weighted<String>([("", 300), ("Mr", 615), ("Dr", 55), ("Cllr", 18), ("Rev", 12)])
    static let nonBinaryTitle = Weighted<String>([("", 400), ("Mx", 550), ("Dr", 50)])

    /// Members' monthly dues in pence: standard, reduced, youth/unwaged, and a few generous rounds.
    static let monthlyDues = Weighted<Int>([(528, 550), (264, 250), (132, 80), (100, 40), (1000, 50), (600, 30)])
    /// Members' annual dues in pence (twelve times the monthly rates, and round sums).
    static let annualDues = Weighted<Int>([(6336, 500), (3168, 250), (1200, 120), (1584, 80), (10000, 50)])

    static let monthlyMethod = Weighted<PaymentMethod>([(.directDebit, 800), (.card, 120), (.standingOrder, 80)])
    static let annualMethod = Weighted<PaymentMethod>([
        (.directDebit, 400), (.card, 350), (.cheque, 150), (.standingOrder, 100),
    ])
}
