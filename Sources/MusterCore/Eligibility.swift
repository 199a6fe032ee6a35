/// Who may vote in a ballot, as data: a freeze date plus the organisation's settings.
///
/// The whole rule lives here and is evaluated over ``EligibilityFacts`` (clear, non-identifying
/// projection columns), so it never needs to decrypt anyone and is tested without a database.
public struct EligibilityRule: Sendable, Equatable, Codable {
    /// How affiliated supporters are treated; organisations differ.
    public enum AffiliatedPolicy: String, Sendable, Codable, CaseIterable {
        /// Affiliated supporters do not vote.
        case excluded
        /// Like registered supporters: active and registered before the freeze date.
        case registeredBeforeFreeze = "registered_before_freeze"
        /// Like members: continuous good standing for the minimum period.
        case likeMembers = "like_members"
    }

    /// The day the electorate is fixed.
    public var freezeDate: Day
    /// Members need this many months of continuous good standing on the freeze date.
    public var minimumMonths: Int
    /// Members in arrears for fewer than this many days on the freeze date keep their vote.
    public var arrearsGraceDays: Int
    public var affiliatedSupporters: AffiliatedPolicy

    public init(
        freezeDate: Day, minimumMonths: Int = 6, arrearsGraceDays: Int = 90,
        affiliatedSupporters: AffiliatedPolicy = .registeredBeforeFreeze
    ) {
        self.freezeDate = freezeDate
        self.minimumMonths = minimumMonths
        self.arrearsGraceDays = arrearsGraceDays
        self.affiliatedSupporters = affiliatedSupporters
    }

    /// Refuses settings no organisation means: negative periods, or periods beyond a century.
    public func validate() throws(DomainError) {
        guard (0...1200).contains(minimumMonths) else {
            throw DomainError(.invalidValue, "minimumMonths must be between 0 and 1200")
        }
        guard (0...36_500).contains(arrearsGraceDays) else {
            throw DomainError(.invalidValue, "arrearsGraceDays must be between 0 and 36500")
        }
    }

    /// Whether the person described by `facts` may vote, and if not, why.
    public func decide(_ facts: EligibilityFacts) -> EligibilityDecision {
        switch facts.category {
        case .contact:
            return .ineligible(.categoryHasNoVote)
        case .member:
            return decideAsMember(facts)
        case .registeredSupporter:
            return decideAsRegisteredSupporter(facts)
        case .affiliatedSupporter:
            switch affiliatedSupporters {
            case .excluded: return .ineligible(.categoryHasNoVote)
            case .registeredBeforeFreeze: return decideAsRegisteredSupporter(facts)
            case .likeMembers: return decideAsMember(facts)
            }
        }
    }

    /// The latest day continuous good standing may have started to count on the freeze date.
    public var latestQualifyingStart: Day { freezeDate.adding(months: -minimumMonths) }

    private func decideAsMember(_ facts: EligibilityFacts) -> EligibilityDecision {
        switch facts.status {
        case .active:
            break
        case .inArrears:
            // Without a known start of the arrears we cannot show the grace period holds.
            guard let since = facts.statusSince, since.adding(days: arrearsGraceDays) > freezeDate else {
                return .ineligible(.arrearsBeyondGrace)
            }
        default:
            return .ineligible(.notInGoodStanding)
        }
        guard let start = facts.continuousSince, start <= latestQualifyingStart else {
            return .ineligible(.membershipTooShort)
        }
        return .eligible
    }

    private func decideAsRegisteredSupporter(_ facts: EligibilityFacts) -> EligibilityDecision {
        guard facts.status == .active else { return .ineligible(.notInGoodStanding) }
        guard let joined = facts.joinDate, joined < freezeDate else {
            return .ineligible(.registeredAfterFreeze)
        }
        return .eligible
    }
}

/// The clear facts about one person that eligibility depends on.
public struct EligibilityFacts: Sendable, Equatable {
    public var category: Category
    public var status: Status
    /// The day the current status began, when known.
    public var statusSince: Day?
    public var joinDate: Day?
    /// The start of the current period of continuous good standing; `nil` when not in good standing.
    public var continuousSince: Day?

    public init(category: Category, status: Status, statusSince: Day? = nil, joinDate: Day? = nil, continuousSince: Day? = nil) {
        self.category = category
        self.status = status
        self.statusSince = statusSince
        self.joinDate = joinDate
        self.continuousSince = continuousSince
    }
}

/// The outcome of ``EligibilityRule/decide(_:)``.
public enum EligibilityDecision: Sendable, Equatable {
    case eligible
    case ineligible(Reason)

    public enum Reason: String, Sendable {
        case categoryHasNoVote = "category_has_no_vote"
        case notInGoodStanding = "not_in_good_standing"
        case arrearsBeyondGrace = "arrears_beyond_grace"
        case membershipTooShort = "membership_too_short"
        case registeredAfterFreeze = "registered_after_freeze"
    }

    public var isEligible: Bool { self == .eligible }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
