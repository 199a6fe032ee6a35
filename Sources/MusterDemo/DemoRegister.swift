public import MusterCore

/// A deterministic generator of synthetic, realistic people for demos, tests and benchmarks.
///
/// Person `i` is a pure function of `(seed, referenceDay, i)`: any index can be generated on its
/// own, in any order or in parallel, and the same seed always gives the same register, on any
/// machine. `referenceDay` plays "today", so nothing depends on the wall clock: every date and
/// timestamp in the output falls before it.
///
/// Every record passes ``PersonRecord/validate()`` and is exactly what parsing its own CSV text
/// gives (lower-case emails, upper-case postcodes, no stray spaces), so it survives an export and
/// re-import unchanged. Membership numbers ("M" and seven digits) are unique for up to 9,000,000
/// people, and emails are unique except where two people of one household share an address on
/// purpose (about 2% of people, always the person just before them).
///
/// ```swift
/// let demo = DemoRegister(seed: 42, referenceDay: Day(year: 2025, month: 6, day: 1)!)
/// for person in demo.people(count: 430_000) { ... }  // streamed, one person at a time
/// let again = demo.person(at: 12_345)                // any index on its own, same result
/// ```
///
/// Phone numbers come from the ranges Ofcom keeps for TV drama, so none can reach a real person.
/// Email domains are real ones (gmail.com, hotmail.co.uk, ...), as the register brief asks: never
/// send mail to a demo register through a real mail server.
public struct DemoRegister: Sendable {
    /// The seed this register was made from.
    public let seed: UInt64
    /// "Today" for the generated data: every date and timestamp is before it.
    public let referenceDay: Day
    /// Whether some household members share one email address (turn off for a register whose
    /// emails must all be unique).
    public let sharesHouseholdEmails: Bool

    /// The seed, avalanched once, from which every per-person stream and key is derived.
    let seedKey: UInt64
    /// The last day anything may happen on: the day before ``referenceDay``.
    let lastDay: Day
    let membershipNumbers: MembershipNumbers
    let emailAddresses: EmailAddresses

    /// A register made from `seed`, as it stands on `referenceDay`.
    ///
    /// - Parameter sharesHouseholdEmails: when true (the default), about 2% of people share an
    ///   email address with the person just before them, as couples and families do.
    public init(seed: UInt64, referenceDay: Day, sharesHouseholdEmails: Bool = true) {
        self.seed = seed
        self.referenceDay = referenceDay
        self.sharesHouseholdEmails = sharesHouseholdEmails
        self.seedKey = SplitMix64.mix(seed ^ 0x4D55_5354_4552_2121)  // "MUSTER!!"
        self.lastDay = referenceDay.adding(days: -1)
        self.membershipNumbers = MembershipNumbers(seedKey: seedKey)
        self.emailAddresses = EmailAddresses(seedKey: seedKey)
    }

    /// Person number `index` (from 0) of this register.
    public func person(at index: Int) -> PersonRecord {
        precondition(index >= 0, "person indices start at 0")
        return person(at: index, previous: nil)
    }

    /// The first `count` people, generated one at a time as the sequence is iterated: nothing
    /// is held in memory beyond the person being built, so 600,000 people cost no more memory
    /// than one.
    public func people(count: Int) -> some Sequence<PersonRecord> {
        people(in: 0..<count)
    }

    /// People `indices.lowerBound` up to (not including) `indices.upperBound`, streamed like
    /// ``people(count:)``; for splitting a large register into chunks generated independently.
    public func people(in indices: Range<Int>) -> some Sequence<PersonRecord> {
        precondition(indices.lowerBound >= 0, "person indices start at 0")
        return DemoPeople(register: self, indices: indices)
    }
}
