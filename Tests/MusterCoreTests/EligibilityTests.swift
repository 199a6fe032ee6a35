import Foundation
import Testing
@testable import MusterCore

struct EligibilityTests {
    /// Freeze on 1 September 2024 with six months: good standing must have begun by 1 March 2024.
    let rule = EligibilityRule(freezeDate: day("2024-09-01"))
    let freeze = day("2024-09-01")

    func member(
        _ status: Status = .active, since: String? = nil, continuous: String?, category: Category = .member
    ) -> EligibilityFacts {
        EligibilityFacts(
            category: category, status: status, statusSince: since.map { day($0) }, joinDate: day("2001-01-01"),
            continuousSince: continuous.map { day($0) })
    }

    func supporter(_ status: Status = .active, joined: String?, category: Category = .registeredSupporter)
        -> EligibilityFacts
    {
        EligibilityFacts(category: category, status: status, statusSince: nil, joinDate: joined.map { day($0) })
    }

    @Test func defaults() {
        #expect(rule.minimumMonths == 6)
        #expect(rule.arrearsGraceDays == 90)
        #expect(rule.affiliatedSupporters == .registeredBeforeFreeze)
        #expect(rule.latestQualifyingStart == day("2024-03-01"))
    }

    @Test func reasonsAreStable() {
        #expect(EligibilityDecision.Reason.categoryHasNoVote.rawValue == "category_has_no_vote")
        #expect(EligibilityDecision.Reason.notInGoodStanding.rawValue == "not_in_good_standing")
        #expect(EligibilityDecision.Reason.arrearsBeyondGrace.rawValue == "arrears_beyond_grace")
        #expect(EligibilityDecision.Reason.membershipTooShort.rawValue == "membership_too_short")
        #expect(EligibilityDecision.Reason.registeredAfterFreeze.rawValue == "registered_after_freeze")
        #expect(EligibilityDecision.eligible.isEligible)
        #expect(!EligibilityDecision.ineligible(.membershipTooShort).isEligible)
        #expect(EligibilityRule.AffiliatedPolicy.allCases.map(\.rawValue) == [
            "excluded", "registered_before_freeze", "like_members",
        ])
    }

    // MARK: Members

    @Test func activeMemberOnTheLatestQualifyingStartIsEligible() {
        #expect(rule.decide(member(continuous: "2024-03-01")) == .eligible)
        #expect(rule.decide(member(continuous: "2024-02-29")) == .eligible)
        #expect(rule.decide(member(continuous: "1980-01-01")) == .eligible)
    }

    @Test func activeMemberOneDayLateIsTooShort() {
        #expect(rule.decide(member(continuous: "2024-03-02")) == .ineligible(.membershipTooShort))
        #expect(rule.decide(member(continuous: "2024-09-01")) == .ineligible(.membershipTooShort))
        #expect(rule.decide(member(continuous: "2024-12-01")) == .ineligible(.membershipTooShort))
    }

    @Test func activeMemberWithoutContinuousStartIsTooShort() {
        #expect(rule.decide(member(continuous: nil)) == .ineligible(.membershipTooShort))
    }

    @Test func arrearsGraceIsStrict() {
        // 2024-06-03 + 90 days = 2024-09-01, the freeze date itself: the grace has run out.
        #expect(day("2024-06-03").adding(days: 90) == freeze)
        #expect(rule.decide(member(.inArrears, since: "2024-06-03", continuous: "2020-01-01"))
            == .ineligible(.arrearsBeyondGrace))
        // One day less in arrears keeps the vote.
        #expect(rule.decide(member(.inArrears, since: "2024-06-04", continuous: "2020-01-01")) == .eligible)
        #expect(rule.decide(member(.inArrears, since: "2024-01-01", continuous: "2020-01-01"))
            == .ineligible(.arrearsBeyondGrace))
        #expect(rule.decide(member(.inArrears, since: "2024-08-31", continuous: "2020-01-01")) == .eligible)
    }

    @Test func arrearsWithUnknownStartIsBeyondGrace() {
        #expect(rule.decide(member(.inArrears, since: nil, continuous: "2020-01-01")) == .ineligible(.arrearsBeyondGrace))
    }

    @Test func arrearsWithinGraceStillNeedsTheMinimumPeriod() {
        #expect(rule.decide(member(.inArrears, since: "2024-08-01", continuous: "2024-03-02"))
            == .ineligible(.membershipTooShort))
        #expect(rule.decide(member(.inArrears, since: "2024-08-01", continuous: "2024-03-01")) == .eligible)
    }

    @Test func zeroGraceDays() {
        let strict = EligibilityRule(freezeDate: freeze, arrearsGraceDays: 0)
        #expect(strict.decide(member(.inArrears, since: "2024-08-31", continuous: "2020-01-01"))
            == .ineligible(.arrearsBeyondGrace))
        #expect(strict.decide(member(.inArrears, since: "2024-09-01", continuous: "2020-01-01"))
            == .ineligible(.arrearsBeyondGrace))
        #expect(strict.decide(member(continuous: "2020-01-01")) == .eligible)
    }

    @Test(arguments: [Status.pending, .lapsed, .suspended, .resigned, .expelled, .deceased])
    func membersOutOfGoodStandingHaveNoVote(status: Status) {
        // Even with a long continuous record and a recent status change.
        #expect(rule.decide(member(status, since: "2024-08-31", continuous: "2000-01-01"))
            == .ineligible(.notInGoodStanding))
        #expect(rule.decide(member(status, since: nil, continuous: nil)) == .ineligible(.notInGoodStanding))
    }

    // MARK: Registered supporters

    @Test func registeredSupporterMustJoinBeforeTheFreeze() {
        #expect(rule.decide(supporter(joined: "2024-08-31")) == .eligible)
        #expect(rule.decide(supporter(joined: "2001-01-01")) == .eligible)
        #expect(rule.decide(supporter(joined: "2024-09-01")) == .ineligible(.registeredAfterFreeze))
        #expect(rule.decide(supporter(joined: "2024-09-02")) == .ineligible(.registeredAfterFreeze))
        #expect(rule.decide(supporter(joined: nil)) == .ineligible(.registeredAfterFreeze))
    }

    @Test func registeredSupporterIgnoresTheMinimumPeriod() {
        // No continuous-standing start at all, joined a week before: still a vote.
        #expect(rule.decide(supporter(joined: "2024-08-25")) == .eligible)
    }

    @Test(arguments: [Status.pending, .inArrears, .lapsed, .suspended, .resigned, .expelled, .deceased])
    func registeredSupporterMustBeActive(status: Status) {
        #expect(rule.decide(supporter(status, joined: "2020-01-01")) == .ineligible(.notInGoodStanding))
    }

    // MARK: Affiliated supporters

    @Test func affiliatedExcluded() {
        let excluded = EligibilityRule(freezeDate: freeze, affiliatedSupporters: .excluded)
        for status in Status.allCases {
            #expect(excluded.decide(supporter(status, joined: "2000-01-01", category: .affiliatedSupporter))
                == .ineligible(.categoryHasNoVote))
            #expect(excluded.decide(member(status, since: "2024-08-31", continuous: "2000-01-01", category: .affiliatedSupporter))
                == .ineligible(.categoryHasNoVote))
        }
        // Members are unaffected by the affiliated policy.
        #expect(excluded.decide(member(continuous: "2000-01-01")) == .eligible)
    }

    @Test func affiliatedRegisteredBeforeFreeze() {
        let r = EligibilityRule(freezeDate: freeze, affiliatedSupporters: .registeredBeforeFreeze)
        #expect(r.decide(supporter(joined: "2024-08-31", category: .affiliatedSupporter)) == .eligible)
        #expect(r.decide(supporter(joined: "2024-09-01", category: .affiliatedSupporter)) == .ineligible(.registeredAfterFreeze))
        #expect(r.decide(supporter(joined: nil, category: .affiliatedSupporter)) == .ineligible(.registeredAfterFreeze))
        #expect(r.decide(supporter(.inArrears, joined: "2020-01-01", category: .affiliatedSupporter))
            == .ineligible(.notInGoodStanding))
        #expect(r.decide(supporter(.pending, joined: "2020-01-01", category: .affiliatedSupporter))
            == .ineligible(.notInGoodStanding))
    }

    @Test func affiliatedLikeMembers() {
        let r = EligibilityRule(freezeDate: freeze, affiliatedSupporters: .likeMembers)
        let a = Category.affiliatedSupporter
        #expect(r.decide(member(continuous: "2024-03-01", category: a)) == .eligible)
        #expect(r.decide(member(continuous: "2024-03-02", category: a)) == .ineligible(.membershipTooShort))
        // Joined long ago but no continuous standing: the member rule, not the join date, decides.
        #expect(r.decide(supporter(joined: "2000-01-01", category: a)) == .ineligible(.membershipTooShort))
        #expect(r.decide(member(.inArrears, since: "2024-06-04", continuous: "2020-01-01", category: a)) == .eligible)
        #expect(r.decide(member(.inArrears, since: "2024-06-03", continuous: "2020-01-01", category: a))
            == .ineligible(.arrearsBeyondGrace))
        #expect(r.decide(member(.lapsed, continuous: nil, category: a)) == .ineligible(.notInGoodStanding))
    }

    // MARK: Contacts

    @Test(arguments: EligibilityRule.AffiliatedPolicy.allCases)
    func contactsNeverVote(policy: EligibilityRule.AffiliatedPolicy) {
        let r = EligibilityRule(freezeDate: freeze, minimumMonths: 0, arrearsGraceDays: 10_000, affiliatedSupporters: policy)
        for status in Status.allCases {
            let facts = EligibilityFacts(
                category: .contact, status: status, statusSince: day("2000-01-01"), joinDate: day("2000-01-01"),
                continuousSince: day("2000-01-01"))
            #expect(r.decide(facts) == .ineligible(.categoryHasNoVote))
        }
    }

    // MARK: The minimum period

    @Test func zeroMonths() {
        let r = EligibilityRule(freezeDate: freeze, minimumMonths: 0)
        #expect(r.latestQualifyingStart == freeze)
        #expect(r.decide(member(continuous: "2024-09-01")) == .eligible)
        #expect(r.decide(member(continuous: "2024-09-02")) == .ineligible(.membershipTooShort))
    }

    @Test(arguments: [
        ("2024-08-31", 6, "2024-02-29"), ("2023-08-31", 6, "2023-02-28"), ("2024-03-31", 1, "2024-02-29"),
        ("2024-02-29", 12, "2023-02-28"), ("2024-01-15", 6, "2023-07-15"), ("2024-09-01", 24, "2022-09-01"),
        ("2025-05-31", 3, "2025-02-28"),
    ])
    func latestQualifyingStartClampsToTheMonthEnd(freeze: String, months: Int, expected: String) {
        let r = EligibilityRule(freezeDate: day(freeze), minimumMonths: months)
        #expect(r.latestQualifyingStart == day(expected))
        #expect(r.decide(member(continuous: expected)) == .eligible)
        #expect(r.decide(member(continuous: day(expected).adding(days: 1).description)) == .ineligible(.membershipTooShort))
    }

    // MARK: Codable

    @Test func encodesToStableJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(rule), as: UTF8.self)
        #expect(json == #"{"affiliatedSupporters":"registered_before_freeze","arrearsGraceDays":90,"freezeDate":"2024-09-01","minimumMonths":6}"#)
        #expect(String(decoding: try encoder.encode(day("0001-02-03")), as: UTF8.self) == #""0001-02-03""#)
    }

    @Test(arguments: EligibilityRule.AffiliatedPolicy.allCases)
    func roundTripsThroughJSON(policy: EligibilityRule.AffiliatedPolicy) throws {
        for freeze in ["2024-02-29", "1969-12-31", "0001-01-01", "9999-12-31"] {
            let original = EligibilityRule(
                freezeDate: day(freeze), minimumMonths: 0, arrearsGraceDays: 30, affiliatedSupporters: policy)
            let decoded = try JSONDecoder().decode(EligibilityRule.self, from: JSONEncoder().encode(original))
            #expect(decoded == original)
        }
    }

    @Test func decodesHandWrittenJSON() throws {
        let json = #"{"freezeDate":"2024-08-31","minimumMonths":12,"arrearsGraceDays":30,"affiliatedSupporters":"like_members"}"#
        let decoded = try JSONDecoder().decode(EligibilityRule.self, from: Data(json.utf8))
        #expect(decoded == EligibilityRule(
            freezeDate: day("2024-08-31"), minimumMonths: 12, arrearsGraceDays: 30, affiliatedSupporters: .likeMembers))
    }

    @Test(arguments: [
        #"{"freezeDate":"2023-02-29","minimumMonths":6,"arrearsGraceDays":90,"affiliatedSupporters":"excluded"}"#,
        #"{"freezeDate":"2024-9-01","minimumMonths":6,"arrearsGraceDays":90,"affiliatedSupporters":"excluded"}"#,
        #"{"freezeDate":19967,"minimumMonths":6,"arrearsGraceDays":90,"affiliatedSupporters":"excluded"}"#,
        #"{"freezeDate":"2024-09-01","minimumMonths":6,"arrearsGraceDays":90,"affiliatedSupporters":"everyone"}"#,
        #"{"freezeDate":"2024-09-01","minimumMonths":6,"affiliatedSupporters":"excluded"}"#,
    ])
    func rejectsBadJSON(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EligibilityRule.self, from: Data(json.utf8))
        }
    }
}

@Suite struct EligibilityRuleLimitsTests {
    @Test(arguments: [-1, 1201, Int.max])
    func absurdMinimumPeriodsAreRefused(months: Int) {
        let rule = EligibilityRule(freezeDate: Day(iso: "2026-01-01")!, minimumMonths: months)
        #expect(throws: DomainError.self) { try rule.validate() }
    }

    @Test func monthArithmeticStopsAtTheCalendarsEnds() {
        #expect(Day(iso: "0001-03-15")!.adding(months: -5) == Day(iso: "0001-01-01"))
        #expect(Day(iso: "9999-10-15")!.adding(months: 5) == Day(iso: "9999-12-31"))
        #expect(Day(iso: "2026-01-01")!.adding(months: Int.min) == Day(iso: "0001-01-01"))
        #expect(Day(iso: "2026-01-01")!.adding(months: Int.max) == Day(iso: "9999-12-31"))
        // A rule that is valid at the edges still decides without trapping.
        let rule = EligibilityRule(freezeDate: Day(iso: "0001-02-01")!, minimumMonths: 1200)
        #expect(rule.decide(EligibilityFacts(category: .member, status: .active, continuousSince: Day(iso: "0001-01-01"))) == .eligible)
    }
}
