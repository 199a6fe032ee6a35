/// A requested lifecycle change, checked against ``Status/allowedTransitions``.
public struct StatusChange: Sendable, Equatable {
    public var from: Status
    public var to: Status
    public var reason: String?

    public init(from: Status, to: Status, reason: String?) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Returns normally when the change is allowed, or throws the rule it breaks.
    public func validate() throws(DomainError) {
        if from == to { throw DomainError(.statusUnchanged, "status is already \(to.rawValue)") }
        if from.isFinal {
            throw DomainError(.transitionNotAllowed, "\(from.rawValue) is final: no status may follow it")
        }
        guard let requirement = from.allowedTransitions[to] else {
            throw DomainError(.transitionNotAllowed, "status cannot change from \(from.rawValue) to \(to.rawValue)")
        }
        let hasReason = !(reason ?? "").allSatisfy(\.isWhitespace)
        if requirement == .required && !hasReason {
            throw DomainError(.reasonRequired, "a change from \(from.rawValue) to \(to.rawValue) needs a reason")
        }
    }

    /// The start of continuous good standing after this change, given the one before it.
    ///
    /// Moving between active and in arrears keeps the membership continuous; leaving good standing
    /// breaks it; returning to good standing starts a new period on the day of the change.
    public func continuousSince(before: Day?, on day: Day) -> Day? {
        switch (from.isGoodStanding, to.isGoodStanding) {
        case (true, true): return before ?? day
        case (false, true): return day
        case (_, false): return nil
        }
    }
}
