import Hummingbird
import MusterCore
import MusterRegister
import MusterStore

/// `GET /api/v1/stats` answer: counts only, no one in particular.
struct StatsJSON: Encodable, Sendable {
    struct Cell: Encodable, Sendable {
        var category: String
        var status: String
        var count: Int
    }
    var total: Int
    var erased: Int
    var byCategoryAndStatus: [Cell]
    var byRegion: [String: Int]

    init(_ counts: RegisterCounts) {
        total = counts.total
        erased = counts.erased
        byCategoryAndStatus = counts.byCategoryAndStatus
            .map { Cell(category: $0.key.category.rawValue, status: $0.key.status.rawValue, count: $0.value) }
            .sorted { ($0.category, $0.status) < ($1.category, $1.status) }
        byRegion = counts.byRegion
    }
}

/// `GET /api/v1/eligibility` answer: how many may vote under the rule, and why the others may not.
struct EligibilityJSON: Encodable, Sendable {
    var freezeDate: String
    var minimumMonths: Int
    var arrearsGraceDays: Int
    var affiliatedSupporters: String
    var eligible: Int
    var ineligible: [String: Int]
}

extension API {
    /// Aggregate figures: statistics and the size of an electorate. Counts, not people.
    func addReportRoutes() {
        guarded(.stats) { _, _, access in
            try API.json(StatsJSON(try await access.register.statistics()))
        }
        guarded(.eligibility) { request, _, access in
            let rule = try API.eligibilityRule(request)
            let report = try await access.register.eligibility(rule)
            var ineligible: [String: Int] = [:]
            for (reason, count) in report.ineligible { ineligible[reason.rawValue] = count }
            return try API.json(
                EligibilityJSON(
                    freezeDate: rule.freezeDate.description, minimumMonths: rule.minimumMonths,
                    arrearsGraceDays: rule.arrearsGraceDays, affiliatedSupporters: rule.affiliatedSupporters.rawValue,
                    eligible: report.eligible.count, ineligible: ineligible))
        }
    }

    /// `?freeze=YYYY-MM-DD` (required) with optional `minMonths`, `graceDays` and `affiliated`.
    static func eligibilityRule(_ request: Request) throws -> EligibilityRule {
        guard let freeze = request.query("freeze"), let day = Day(iso: freeze) else {
            throw APIError(.badRequest, "invalid_value", "give ?freeze=YYYY-MM-DD, a real date")
        }
        var rule = EligibilityRule(freezeDate: day)
        if let text = request.query("minMonths") {
            guard let months = Int(text) else { throw APIError(.badRequest, "invalid_value", "minMonths must be a whole number") }
            rule.minimumMonths = months
        }
        if let text = request.query("graceDays") {
            guard let days = Int(text) else { throw APIError(.badRequest, "invalid_value", "graceDays must be a whole number") }
            rule.arrearsGraceDays = days
        }
        if let text = request.query("affiliated") {
            guard let policy = EligibilityRule.AffiliatedPolicy(rawValue: text) else {
                throw APIError(.badRequest, "invalid_value", "affiliated must be excluded, registered_before_freeze or like_members")
            }
            rule.affiliatedSupporters = policy
        }
        try rule.validate()
        return rule
    }
}
