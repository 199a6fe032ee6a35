import MusterCore

/// Dates of birth, join dates and the two timestamps. Everything falls on or before
/// `register.lastDay`, the day before the reference day.
extension PersonBuilder {
    /// Nobody joins before this: the oldest records in a register that went digital in the 1970s.
    static let earliestJoin = Day(year: 1975, month: 1, day: 1)!
    /// Registered supporters date from the party reforms of 2014.
    static let earliestRegisteredSupporter = Day(year: 2014, month: 3, day: 1)!
    /// Registered supporters who signed up before the 2016 fee rise paid £3.
    static let supporterFeeRise = Day(year: 2016, month: 1, day: 1)!
    /// The weeks before GDPR took effect on 25 May 2018, when registers re-asked for consent.
    static let gdprRecontact = Day(year: 2018, month: 4, day: 1)!

    /// A birthday that makes the person exactly `age` on the reference day.
    mutating func dateOfBirth(age: Int) -> Day {
        register.referenceDay.adding(months: -12 * age).adding(days: -rng.int(in: 1...364))
    }

    /// When the person first joined: never before they were 14, more often in recent years,
    /// with the membership surges real registers show (2015-16, early 2020) and the registered
    /// supporter sign-up windows of 2015 and 2016; within weeks for pending applications. Some
    /// contacts have no join date at all.
    mutating func joinDate(category: MusterCore.Category, status: Status, born: Day) -> Day? {
        if category == .contact && rng.chance(perMille: 150) { return nil }
        let last = register.lastDay
        let youngest = born.adding(months: 14 * 12)
        let floor = category == .registeredSupporter ? Self.earliestRegisteredSupporter : Self.earliestJoin
        // A reference day before the floor (a register "as of 1990") keeps only the age rule.
        let first = max(youngest, floor) <= last ? max(youngest, floor) : youngest
        let span = last.daysSinceEpoch - first.daysSinceEpoch
        if status == .pending { return last.adding(days: -rng.below(min(span, 90) + 1)) }

        let roll = rng.below(100)
        let surge: ClosedRange<Day>?
        switch category {
        case .member, .affiliatedSupporter: surge = roll < 18 ? Self.surge2015 : roll < 24 ? Self.surge2020 : nil
        case .registeredSupporter: surge = roll < 15 ? Self.supporters2015 : roll < 25 ? Self.supporters2016 : nil
        case .contact: surge = nil
        }
        if let surge, let day = self.day(in: surge, within: first...last) { return day }
        // Only *, - and squareRoot touch these doubles; IEEE 754 rounds each exactly, so the
        // day is the same on every platform.
        let u = rng.unit()
        if category == .contact { return last.adding(days: -Int(Double(min(span, 3650)) * u)) }
        // A triangular density, highest today and falling to nothing at the earliest possible
        // day: recent joiners are commonest without an implausible spike in the last weeks.
        return last.adding(days: -Int(Double(span) * (1 - (1 - u).squareRoot())))
    }

    /// A uniform day in both ranges, or nil when they do not overlap.
    private mutating func day(in window: ClosedRange<Day>, within allowed: ClosedRange<Day>) -> Day? {
        let low = max(window.lowerBound, allowed.lowerBound)
        let high = min(window.upperBound, allowed.upperBound)
        guard low <= high else { return nil }
        return low.adding(days: rng.below(high.daysSinceEpoch - low.daysSinceEpoch + 1))
    }

    /// The 2015-16 leadership elections, when party membership more than doubled.
    static let surge2015 = Day(year: 2015, month: 6, day: 1)!...Day(year: 2016, month: 12, day: 31)!
    /// The 2020 leadership election.
    static let surge2020 = Day(year: 2020, month: 1, day: 1)!...Day(year: 2020, month: 4, day: 4)!
    /// The £3 registered supporter sign-up of summer 2015.
    static let supporters2015 = Day(year: 2015, month: 6, day: 15)!...Day(year: 2015, month: 8, day: 12)!
    /// The 48-hour £25 registered supporter window of July 2016.
    static let supporters2016 = Day(year: 2016, month: 7, day: 18)!...Day(year: 2016, month: 7, day: 20)!

    /// Consents changed at some point after joining; the record was last touched after that.
    /// A few legacy records never had their consents stamped.
    mutating func setConsents(_ record: inout PersonRecord, mobile: Bool, born: Day) {
        record.consents.email = !record.identity.email.isEmpty && rng.chance(perMille: 700)
        record.consents.phone = !record.identity.phone.isEmpty && rng.chance(perMille: 450)
        record.consents.post = rng.chance(perMille: 800)
        record.consents.sms = mobile && rng.chance(perMille: 400)

        let last = register.lastDay
        let start = record.joinDate ?? max(born.adding(months: 14 * 12), last.adding(days: -3650))
        var consentDay = start.adding(days: rng.below(last.daysSinceEpoch - start.daysSinceEpoch + 1))
        // Many organisations asked everyone to confirm consents just before GDPR took effect.
        let gdprDay = Self.gdprRecontact.adding(days: rng.below(56))
        if start <= gdprDay, gdprDay <= last, rng.chance(perMille: 300) { consentDay = gdprDay }
        let consentSecond = rng.int(in: 8 * 3600...(23 * 3600 - 1))
        // Records are touched often (renewals, address changes), so updated_at leans recent.
        let u = rng.unit()
        let sinceConsent = last.daysSinceEpoch - consentDay.daysSinceEpoch
        let updatedDay = last.adding(days: -Int(Double(sinceConsent) * u * u))
        let updatedSecond = updatedDay == consentDay
            ? rng.int(in: consentSecond...(86_399)) : rng.int(in: 8 * 3600...(23 * 3600 - 1))
        if rng.chance(perMille: 980) {
            record.consents.updatedAt = Self.timestamp(consentDay, consentSecond)
        }
        record.updatedAt = Self.timestamp(updatedDay, updatedSecond)
    }

    static func timestamp(_ day: Day, _ secondOfDay: Int) -> Timestamp {
        Timestamp(secondsSinceEpoch: Int64(day.daysSinceEpoch) * 86_400 + Int64(secondOfDay))
    }
}
