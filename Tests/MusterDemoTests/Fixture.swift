import MusterCore
import MusterDemo
import MusterTesting
import Testing

/// Registers shared by the suites, generated once (tests run in parallel; `static let` is
/// initialised exactly once). Suites that use them carry ``FixturesBuilt``.
enum Fixture {
    static let referenceDay = Day(year: 2025, month: 6, day: 1)!
    static let register = DemoRegister(seed: 20_251_031, referenceDay: referenceDay)

    /// The first 20,000 people: the sample most properties are checked on.
    static let people: [PersonRecord] = Array(register.people(count: 20_000))

    /// Membership number and email of the first 200,000 people (kept small: two strings each).
    static let numbersAndEmails: [(number: String, email: String)] = register.people(count: 200_000).map {
        ($0.membershipNumber ?? "", $0.identity.email)
    }

    /// The share of `people` for which `predicate` holds, in percent.
    static func percent(_ people: [PersonRecord], where predicate: (PersonRecord) -> Bool) -> Double {
        Double(people.count(where: predicate)) * 100 / Double(people.count)
    }

    /// Generates the shared people, if no one has yet, on a thread of its own. The first use of
    /// a `static let` runs its initialiser, and every other use waits until it is done: seconds,
    /// for 220,000 people, which on Swift concurrency's few shared threads would stop every
    /// other test of the run.
    static func build() async {
        await offThePool { _ = (people.count, numbersAndEmails.count) }
    }
}

/// Before each test of the suite, ``Fixture/build()``.
struct FixturesBuilt: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        await Fixture.build()
        try await function()
    }
}

extension Trait where Self == FixturesBuilt {
    static var fixturesBuilt: Self { Self() }
}
