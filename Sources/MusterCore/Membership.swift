/// The lifecycle facts the register keeps beside a record: when the status began and since when
/// the person has been continuously in good standing. They are derived, never typed in.
public struct Membership: Sendable, Equatable {
    public var statusSince: Day?
    public var continuousSince: Day?

    public init(statusSince: Day?, continuousSince: Day?) {
        self.statusSince = statusSince
        self.continuousSince = continuousSince
    }

    /// For a person entering the register with `record`, on `day`.
    ///
    /// An imported file carries no history, so the best evidence is used: the status is taken to
    /// have begun at the record's `updated_at` (or today), and a person in good standing is taken
    /// to have been continuously so since their join date.
    public static func initial(for record: PersonRecord, on day: Day) -> Membership {
        let since = record.updatedAt?.day ?? day
        let continuous = record.status.isGoodStanding ? (record.joinDate ?? since) : nil
        return Membership(statusSince: since, continuousSince: continuous)
    }

    /// After a status change on `day`.
    public func after(_ change: StatusChange, on day: Day) -> Membership {
        Membership(statusSince: day, continuousSince: change.continuousSince(before: continuousSince, on: day))
    }

    /// The facts eligibility needs.
    public func facts(for record: PersonRecord) -> EligibilityFacts {
        EligibilityFacts(
            category: record.category, status: record.status, statusSince: statusSince,
            joinDate: record.joinDate, continuousSince: continuousSince)
    }
}
