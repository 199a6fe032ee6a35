import Foundation
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

/// The fast projection check, cut into ranges of subject id checked on several threads: the
/// verdict, the count and the error reported never depend on how it is cut or how many threads
/// check it.
@Suite struct ProjectionCheckTests {
    /// (threads, ranges): one scan on one thread, and cuts finer and coarser than the threads.
    static let layouts = [(1, 1), (1, 64), (2, 3), (3, 64), (8, 1000)]

    static func check(_ test: TestRegister) async throws -> [String] {
        var verdicts: [String] = []
        for (threads, ranges) in layouts {
            do {
                let (people, matches) = try await LedgerAudit.checkProjection(
                    test.register.store, ranges: SubjectRange.partition(into: ranges), threads: threads)
                verdicts.append("\(people) people, \(matches ? "matching" : "differing")")
            } catch {
                verdicts.append("error: \(error)")
            }
        }
        return verdicts
    }

    @Test func anHonestRegisterMatchesHoweverItIsCut() async throws {
        let test = try await VerifyTests.busy()
        #expect(try await Self.check(test) == Array(repeating: "13 people, matching", count: Self.layouts.count))
    }

    @Test func anEditedRowDiffersHoweverItIsCut() async throws {
        let test = try await VerifyTests.busy()
        try VerifyTests.tamper(test, "UPDATE people SET branch = 'Elsewhere branch' WHERE number = 'M1036102'")
        #expect(try await Self.check(test) == Array(repeating: "13 people, differing", count: Self.layouts.count))
    }

    @Test func aMissingKeyDiffersAndIsNamed() async throws {
        let test = try await VerifyTests.busy()
        let row = try #require(try await test.row("M1036102"))
        try VerifyTests.tamper(test, "DELETE FROM data_keys WHERE id = x'\(Hex.encode(row.id.bytes))'")
        #expect(try await Self.check(test) == Array(repeating: "13 people, differing", count: Self.layouts.count))
        let error = await #expect(throws: VerificationFailure.self) { try await test.register.verify() }
        #expect(error?.message == "person M1036102: their data key is missing")
    }

    @Test func anEmptyRegisterMatches() async throws {
        let test = try await TestRegister()
        #expect(try await Self.check(test) == Array(repeating: "0 people, matching", count: Self.layouts.count))
        #expect(try await test.register.verify().people == 0)
    }

    @Test func aRegisterOfOnePersonMatches() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith"))
        #expect(try await Self.check(test) == Array(repeating: "1 people, matching", count: Self.layouts.count))
        try await test.register.erase(number: number, reason: nil)
        #expect(try await Self.check(test) == Array(repeating: "1 people, matching", count: Self.layouts.count))
        #expect(try await test.register.verify().people == 1)
    }

    /// The ledger's `subject` column is not hashed: moved to ids of no one, two changes replay
    /// onto nobody, in ranges far apart. The one a single scan meets first is reported.
    @Test func theFirstReplayErrorInIDOrderIsReported() async throws {
        let test = try await VerifyTests.busy()
        let changes = try await test.changes().filter { $0.kind == .update || $0.kind == .statusChange }
        try #require(changes.count == 2)
        try VerifyTests.tamper(test, """
            UPDATE ledger SET subject = x'\(String(repeating: "ff", count: 15))fe' WHERE seq = \(changes[0].sequence);
            UPDATE ledger SET subject = x'\(String(repeating: "00", count: 15))01' WHERE seq = \(changes[1].sequence);
            """)
        let expected = "error: entry \(changes[1].sequence) changes a person who does not exist"
        #expect(try await Self.check(test) == Array(repeating: expected, count: Self.layouts.count))
        await #expect(throws: RegisterError.self) { try await test.register.verify() }
    }
}
