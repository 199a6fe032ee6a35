import MusterCore
import MusterDemo
import MusterTesting
import Testing

/// Every record is valid and is exactly what parsing its own CSV text gives.
@Suite(.fixturesBuilt) struct ValidityTests {
    @Test func everyRecordValidates() {
        var failures: [String] = []
        for (index, person) in Fixture.people.enumerated() {
            do throws(DomainError) { try person.validate() } catch { failures.append("\(index): \(error)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func everyFieldSurvivesItsOwnText() async {
        // 20,000 people times 31 fields: seconds, so on a thread of its own (see `offThePool`).
        let failures = await offThePool {
            var failures: [String] = []
            for (index, person) in Fixture.people.enumerated() {
                for field in Field.allCases {
                    var copy = person
                    do throws(DomainError) {
                        try copy.set(field, text: person.text(of: field))
                        if copy != person { failures.append("\(index) \(field.rawValue): changed") }
                    } catch {
                        failures.append("\(index) \(field.rawValue): \(error)")
                    }
                }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func parsingItsCSVTextGivesTheRecord() {
        var failures: [Int] = []
        for (index, person) in Fixture.people.enumerated() {
            var parsed = PersonRecord.blank
            do throws(DomainError) {
                for field in Field.csvOrder { try parsed.set(field, text: person.text(of: field)) }
                if parsed != person { failures.append(index) }
            } catch {
                failures.append(index)
            }
        }
        #expect(failures.isEmpty, "first failing indices: \(failures.prefix(5))")
    }

    /// Reference days far in the past still give valid, consistent registers (the floors for
    /// join dates give way rather than produce dates after "today").
    @Test(arguments: [
        Day(year: 2025, month: 6, day: 1)!, Day(year: 2010, month: 2, day: 28)!, Day(year: 1980, month: 12, day: 31)!,
    ])
    func validOnAnyReferenceDay(day: Day) throws {
        let register = DemoRegister(seed: 99, referenceDay: day)
        for person in register.people(count: 3_000) {
            try person.validate()
            #expect(DatesTests.dates(of: person).allSatisfy { $0 < day })
        }
    }
}
