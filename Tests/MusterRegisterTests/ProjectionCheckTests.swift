import Foundation
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

/// The projection check, replayed stretch by stretch of the ledger (a person's entries may fall
/// in several) and compared in parts on several threads: the verdict, the count and the error
/// reported never depend on how it is cut or how many threads check it.
@Suite struct ProjectionCheckTests {
    /// One stretch on one thread, and cuts finer and coarser than the threads.
    static let layouts = VerifyTests.plans + [
        LedgerScanPlan(chunkHeight: 0, stretches: 1, threads: 1), LedgerScanPlan(chunkHeight: 0, stretches: 1_000, threads: 8),
    ]

    static func check(_ test: TestRegister) async throws -> [String] {
        var verdicts: [String] = []
        for plan in layouts {
            let ledger = try await test.register.store.read { tx in try tx.ledgerHead().size }
            do {
                let replayed = try await LedgerAudit.checkStretches(
                    test.register.store, size: ledger, checkpoints: [], verifier: NoteVerifier(verifierKey: test.register.verifierKey()),
                    plan: plan, progress: nil)
                let (people, matches) = try await LedgerAudit.checkProjection(test.register.store, replayed: replayed.people, threads: plan.threads)
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

    /// A person's entries spread over stretches: updated, their status changed and erased long
    /// after they were created, with other people's entries between.
    @Test func changesInLaterStretchesReplayOntoEarlierPeople() async throws {
        let test = try await VerifyTests.busy()
        let first = try await test.register.add(person("Bea", "Jones"))
        for i in 0..<6 { _ = try await test.register.add(person("Filler\(i)", "Person")) }
        _ = try await test.register.update(number: first, changes: [(.branch, "Leeds branch")])
        try await test.register.changeStatus(number: first, to: .lapsed, reason: "no payment")
        try await test.register.erase(number: first, reason: nil)
        #expect(try await Self.check(test) == Array(repeating: "20 people, matching", count: Self.layouts.count))
        // The same change dropped from the tables is found, however it is cut.
        try VerifyTests.tamper(test, "UPDATE people SET status = 'active' WHERE number = 'M1036102'")
        #expect(try await Self.check(test) == Array(repeating: "20 people, differing", count: Self.layouts.count))
    }

    /// An entry that changes someone no entry created (possible only with the signing key: the
    /// entry is hashed and signed) stops the replay, and is named, however the ledger is cut.
    @Test func aChangeToNoOneIsNamed() async throws {
        let test = try await VerifyTests.busy()
        let update = try #require(try await test.changes().first { $0.kind == .update })
        let stranger = LedgerEntry(
            sequence: update.sequence, time: update.time, actor: update.actor, kind: update.kind,
            subject: SubjectID(bytes: [UInt8](repeating: 7, count: 16)), payload: update.payload, previousHash: update.previousHash)
        try await VerifyTests.resign(test, replacingFrom: stranger)
        let expected = "error: entry \(update.sequence) changes a person who does not exist"
        #expect(try await Self.check(test) == Array(repeating: expected, count: Self.layouts.count))
    }
}
