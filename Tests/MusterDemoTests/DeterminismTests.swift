import MusterCore
import MusterDemo
import Testing

/// The register is a pure function of (seed, reference day, index).
@Suite(.fixturesBuilt) struct DeterminismTests {
    let day = Fixture.referenceDay

    @Test func sameSeedGivesTheSameRegister() {
        let first = Array(DemoRegister(seed: 7, referenceDay: day).people(count: 2_000))
        let second = Array(DemoRegister(seed: 7, referenceDay: day).people(count: 2_000))
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentRegisters() {
        let first = Array(DemoRegister(seed: 7, referenceDay: day).people(count: 2_000))
        let second = Array(DemoRegister(seed: 8, referenceDay: day).people(count: 2_000))
        #expect(zip(first, second).allSatisfy { $0 != $1 })
        let sameNumber = zip(first, second).count { $0.membershipNumber == $1.membershipNumber }
        let sameName = zip(first, second).count { $0.identity.firstName == $1.identity.firstName }
        #expect(sameNumber < 10)
        #expect(sameName < 200)
    }

    @Test func personAtIsTheSequencesElement() {
        let register = Fixture.register
        for (index, person) in Fixture.people.prefix(3_000).enumerated() {
            #expect(register.person(at: index) == person, "index \(index)")
        }
    }

    @Test func aSliceMatchesTheWholeSequence() {
        let slice = Array(Fixture.register.people(in: 4_990..<5_400))
        #expect(slice.count == 410)
        #expect(slice == Array(Fixture.people[4_990..<5_400]))
    }

    @Test func peopleIsLazyAndCounted() {
        let none = Array(Fixture.register.people(count: 0))
        #expect(none.isEmpty)
        // Making a 600,000-person sequence and taking three must be instant: nothing is built ahead.
        let three = Array(Fixture.register.people(count: 600_000).prefix(3))
        #expect(three == Array(Fixture.people.prefix(3)))
        #expect(Fixture.register.people(count: 600_000).underestimatedCount == 600_000)
    }

    @Test func farIndicesAreValidAndKeepTheirNumbers() throws {
        let register = Fixture.register
        let last = register.person(at: 8_999_999)
        try last.validate()
        #expect(last.membershipNumber?.count == 8)
        // Past the 7-digit range, numbers get longer rather than repeat.
        #expect(register.person(at: 9_000_000).membershipNumber == "M19000000")
    }
}
