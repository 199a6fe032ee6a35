import Testing
@testable import MusterCore

struct MembershipTests {
    func record(_ status: Status, joined: String? = nil, updated: String? = nil) -> PersonRecord {
        record(.member, status, joined: joined, updated: updated)
    }

    func record(_ category: Category, _ status: Status, joined: String? = nil, updated: String? = nil)
        -> PersonRecord
    {
        var identity = Identity()
        identity.lastName = "King"
        return PersonRecord(
            category: category, status: status, identity: identity, joinDate: joined.map { day($0) },
            updatedAt: updated.map { stamp($0) })
    }

    @Test func initialStatusBeganAtUpdatedAt() {
        let m = Membership.initial(for: record(.active, joined: "2018-03-28", updated: "2022-10-12T23:59:59Z"), on: day("2024-06-07"))
        #expect(m.statusSince == day("2022-10-12"))
        #expect(m.continuousSince == day("2018-03-28"))
    }

    @Test func initialWithoutUpdatedAtUsesTheDay() {
        let m = Membership.initial(for: record(.inArrears, joined: "2018-03-28"), on: day("2024-06-07"))
        #expect(m.statusSince == day("2024-06-07"))
        #expect(m.continuousSince == day("2018-03-28"))
    }

    @Test func initialUpdatedAtBeforeNineteenSeventy() {
        let m = Membership.initial(for: record(.active, joined: "1960-01-01", updated: "1969-12-31T23:59:59Z"), on: day("2024-06-07"))
        #expect(m.statusSince == day("1969-12-31"))
        #expect(m.continuousSince == day("1960-01-01"))
    }

    @Test func initialInGoodStandingWithoutJoinDateCountsFromTheStatus() {
        let withUpdate = Membership.initial(for: record(.contact, .active, updated: "2022-10-12T10:22:54Z"), on: day("2024-06-07"))
        #expect(withUpdate.continuousSince == day("2022-10-12"))
        let withoutUpdate = Membership.initial(for: record(.contact, .active), on: day("2024-06-07"))
        #expect(withoutUpdate.continuousSince == day("2024-06-07"))
    }

    @Test(arguments: [Status.pending, .lapsed, .suspended, .resigned, .expelled, .deceased])
    func initialOutOfGoodStandingHasNoContinuousMembership(status: Status) {
        let m = Membership.initial(for: record(status, joined: "2018-03-28", updated: "2022-10-12T10:22:54Z"), on: day("2024-06-07"))
        #expect(m.statusSince == day("2022-10-12"))
        #expect(m.continuousSince == nil)
    }

    @Test func afterFollowsALifeInTheParty() {
        var m = Membership(statusSince: day("2020-01-01"), continuousSince: day("2020-01-01"))
        m = m.after(StatusChange(from: .active, to: .inArrears, reason: nil), on: day("2023-01-01"))
        #expect(m == Membership(statusSince: day("2023-01-01"), continuousSince: day("2020-01-01")))
        m = m.after(StatusChange(from: .inArrears, to: .active, reason: nil), on: day("2023-02-01"))
        #expect(m == Membership(statusSince: day("2023-02-01"), continuousSince: day("2020-01-01")))
        m = m.after(StatusChange(from: .active, to: .lapsed, reason: nil), on: day("2023-06-01"))
        #expect(m == Membership(statusSince: day("2023-06-01"), continuousSince: nil))
        m = m.after(StatusChange(from: .lapsed, to: .active, reason: nil), on: day("2023-09-01"))
        #expect(m == Membership(statusSince: day("2023-09-01"), continuousSince: day("2023-09-01")))
        m = m.after(StatusChange(from: .active, to: .suspended, reason: "investigation"), on: day("2024-01-10"))
        #expect(m == Membership(statusSince: day("2024-01-10"), continuousSince: nil))
        m = m.after(StatusChange(from: .suspended, to: .active, reason: "cleared"), on: day("2024-03-10"))
        #expect(m == Membership(statusSince: day("2024-03-10"), continuousSince: day("2024-03-10")))
    }

    @Test func factsCarryTheClearColumns() {
        let r = record(.registeredSupporter, .active, joined: "2021-04-04")
        let m = Membership(statusSince: day("2022-01-01"), continuousSince: day("2021-04-04"))
        #expect(m.facts(for: r) == EligibilityFacts(
            category: .registeredSupporter, status: .active, statusSince: day("2022-01-01"),
            joinDate: day("2021-04-04"), continuousSince: day("2021-04-04")))
    }

    @Test func importedThenChangedThenDecided() {
        let rule = EligibilityRule(freezeDate: day("2024-09-01"))
        var r = record(.active, joined: "2024-03-01", updated: "2024-03-01T09:00:00Z")
        var m = Membership.initial(for: r, on: day("2024-06-07"))
        #expect(rule.decide(m.facts(for: r)) == .eligible)

        let change = StatusChange(from: .active, to: .lapsed, reason: nil)
        m = m.after(change, on: day("2024-07-01"))
        r.status = .lapsed
        #expect(rule.decide(m.facts(for: r)) == .ineligible(.notInGoodStanding))

        m = m.after(StatusChange(from: .lapsed, to: .active, reason: nil), on: day("2024-07-02"))
        r.status = .active
        #expect(rule.decide(m.facts(for: r)) == .ineligible(.membershipTooShort))
    }
}
