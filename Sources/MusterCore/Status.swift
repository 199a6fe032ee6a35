/// Where a person is in the membership lifecycle.
public enum Status: String, Sendable, CaseIterable, Hashable {
    case pending
    case active
    case inArrears = "in_arrears"
    case lapsed
    case suspended
    case resigned
    case expelled
    case deceased

    /// Statuses that keep a person's membership continuous (the clock for voting rights keeps running).
    public var isGoodStanding: Bool { self == .active || self == .inArrears }

    /// Statuses from which nothing may follow.
    public var isFinal: Bool { self == .deceased }

    /// The statuses this one may change to, and whether that change needs a recorded reason.
    ///
    /// The table is the whole rule: anything not listed is refused.
    public var allowedTransitions: [Status: ReasonRequirement] {
        switch self {
        case .pending:
            return [.active: .optional, .lapsed: .optional, .resigned: .optional, .deceased: .optional]
        case .active:
            return [
                .inArrears: .optional, .lapsed: .optional, .suspended: .required, .resigned: .optional,
                .expelled: .required, .deceased: .optional,
            ]
        case .inArrears:
            return [
                .active: .optional, .lapsed: .optional, .suspended: .required, .resigned: .optional,
                .expelled: .required, .deceased: .optional,
            ]
        case .lapsed:
            return [.active: .optional, .pending: .optional, .resigned: .optional, .deceased: .optional]
        case .suspended:
            return [
                .active: .required, .lapsed: .optional, .resigned: .optional, .expelled: .required,
                .deceased: .optional,
            ]
        case .resigned:
            return [.pending: .optional, .active: .optional, .deceased: .optional]
        case .expelled:
            // Readmission after expulsion is a decision that must be recorded.
            return [.pending: .required, .deceased: .optional]
        case .deceased:
            return [:]
        }
    }

    /// Whether a status change needs a reason.
    public enum ReasonRequirement: Sendable {
        case optional
        case required
    }
}
