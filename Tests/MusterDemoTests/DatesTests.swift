import MusterCore
import MusterDemo
import Testing

/// Dates are plausible and never reach the reference day.
@Suite(.fixturesBuilt) struct DatesTests {
    /// Every date a record carries, timestamps as their UTC day.
    static func dates(of person: PersonRecord) -> [Day] {
        [person.identity.dateOfBirth, person.joinDate, person.consents.updatedAt?.day, person.updatedAt?.day]
            .compactMap { $0 }
    }

    @Test func nothingHappensOnOrAfterTheReferenceDay() {
        let late = Fixture.people.filter { Self.dates(of: $0).contains { $0 >= Fixture.referenceDay } }
        #expect(late.isEmpty)
    }

    @Test func peopleJoinAtFourteenOrOlder() throws {
        for person in Fixture.people {
            let born = try #require(person.identity.dateOfBirth)
            guard let joined = person.joinDate else {
                #expect(person.category == .contact)
                continue
            }
            #expect(joined >= born.adding(months: 14 * 12))
            #expect(joined >= Day(year: 1975, month: 1, day: 1)!)
        }
    }

    @Test func agesRunFromSixteenToNinetyFive() {
        let today = Fixture.referenceDay.parts
        let ages = Fixture.people.compactMap(\.identity.dateOfBirth).map { born in
            let birth = born.parts
            return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day) ? 1 : 0)
        }
        #expect(ages.count == Fixture.people.count)
        #expect(ages.min() == 16)
        #expect(ages.max() == 95)
        let median = ages.sorted()[ages.count / 2]
        #expect((45...60).contains(median))
    }

    @Test func timestampsFollowTheJoinDate() {
        for person in Fixture.people {
            guard let updated = person.updatedAt else {
                Issue.record("updated_at is always set")
                continue
            }
            if let consent = person.consents.updatedAt {
                #expect(consent <= updated)
                if let joined = person.joinDate { #expect(consent.day >= joined) }
            }
            if let joined = person.joinDate { #expect(updated.day >= joined) }
        }
        // A few legacy records have no consent timestamp, most do.
        let missing = Fixture.percent(Fixture.people) { $0.consents.updatedAt == nil }
        #expect(missing > 0.5 && missing < 5)
    }

    @Test func registeredSupportersAreRecentAndPendingApplicationsNew() {
        let supporters = Fixture.people.filter { $0.category == .registeredSupporter }
        #expect(supporters.allSatisfy { ($0.joinDate ?? .init(daysSinceEpoch: 0)) >= Day(year: 2014, month: 3, day: 1)! })
        let pending = Fixture.people.filter { $0.status == .pending && $0.joinDate != nil }
        #expect(!pending.isEmpty)
        #expect(pending.allSatisfy { $0.joinDate! >= Fixture.referenceDay.adding(days: -92) })
        // Members span the decades: some joined before 1990, most since 2000.
        let members = Fixture.people.filter { $0.category == .member }
        #expect(members.contains { $0.joinDate! < Day(year: 1990, month: 1, day: 1)! })
        let since2000 = Fixture.percent(members) { $0.joinDate! >= Day(year: 2000, month: 1, day: 1)! }
        #expect(since2000 > 60)
    }
}
