import Foundation
import MusterCore
import MusterLedger
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct PeopleTests {
    @Test func addThenShowDecryptsTheSameRecord() async throws {
        let test = try await TestRegister()
        var record = person("Siân", "O'Brien-Ndlovu", email: "sian@example.org")
        record.identity.notes = "Prefers \"Sia\",\nnot Siân."
        let number = try await test.register.add(record)
        #expect(number == "M1000000")
        guard case .present(let shown) = try await test.register.person(number: number, disclosure: .test) else {
            Issue.record("expected a present person")
            return
        }
        record.membershipNumber = number
        #expect(shown.record == record)
        #expect(shown.membership.continuousSince == Day(iso: "2010-01-01"))
    }

    @Test func numbersAreAssignedUniquelyAndAGivenNumberMustBeFree() async throws {
        let test = try await TestRegister()
        let taken = try await test.register.add(person("A", "One", number: "M1000001"))
        #expect(taken == "M1000001")
        #expect(try await test.register.add(person("B", "Two")) == "M1000000")
        #expect(try await test.register.add(person("C", "Three")) == "M1000002")
        let error = await #expect(throws: RegisterError.self) { try await test.register.add(person("D", "Four", number: "M1000001")) }
        #expect(error?.code == .duplicate)
    }

    @Test func findMatchesExactValuesIgnoringCaseAndSpacing() async throws {
        let test = try await TestRegister()
        let a = try await test.register.add(person("Ann", "Smith", email: "home@example.org"))
        let b = try await test.register.add(person("Bob", "Smith", email: "home@example.org"))
        _ = try await test.register.add(person("Cy", "Jones", email: "cy@example.org"))
        #expect(try await test.register.find(.email("  HOME@Example.org "), disclosure: .test).map(\.number) == [a, b])
        #expect(try await test.register.find(.phone("+44 117 496 0000"), disclosure: .test).count == 3)
        #expect(try await test.register.find(.postcodeAndLastName(postcode: "bs16ua", lastName: "SMITH"), disclosure: .test).map(\.number) == [a, b])
        #expect(try await test.register.find(.email("nobody@example.org"), disclosure: .test).isEmpty)
        await #expect(throws: RegisterError.self) { try await test.register.find(.email("  "), disclosure: .test) }
    }

    @Test func updateRecordsOneEntryWithOnlyWhatChanged() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith", email: "ann@example.org"))
        let before = try await test.changes().count
        let changed = try await test.register.update(number: number, changes: [(.email, "ANN.SMITH@example.org"), (.town, "Bath"), (.branch, "Bath branch")])
        #expect(changed == [.email, .town, .branch])
        #expect(try await test.changes().count == before + 1)
        #expect(try await test.register.find(.email("ann@example.org"), disclosure: .test).isEmpty)
        #expect(try await test.register.find(.email("ann.smith@example.org"), disclosure: .test).map(\.number) == [number])
        #expect(try await test.register.update(number: number, changes: [(.town, "Bath")]) == [])
        #expect(try await test.changes().count == before + 1)
        await #expect(throws: RegisterError.self) { try await test.register.update(number: number, changes: [(.status, "lapsed")]) }
        await #expect(throws: DomainError.self) { try await test.register.update(number: number, changes: [(.email, "not-an-email")]) }
        await #expect(throws: RegisterError.self) { try await test.register.update(number: "M9", changes: [(.town, "X")]) }
    }

    @Test func statusChangesFollowTheLifecycle() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith"))
        let expel = await #expect(throws: DomainError.self) { try await test.register.changeStatus(number: number, to: .expelled, reason: nil) }
        #expect(expel?.code == .reasonRequired)
        try await test.register.changeStatus(number: number, to: .lapsed, reason: nil)
        let row = try #require(try await test.row(number))
        #expect(row.record.status == .lapsed)
        #expect(row.membership.continuousSince == nil)
        #expect(row.membership.statusSince == Day(iso: "2026-06-01"))
        try await test.register.changeStatus(number: number, to: .active, reason: nil)
        #expect(try await test.row(number)?.membership.continuousSince == Day(iso: "2026-06-01"))
        try await test.register.changeStatus(number: number, to: .deceased, reason: "notified by family")
        let final = await #expect(throws: DomainError.self) { try await test.register.changeStatus(number: number, to: .active, reason: "x") }
        #expect(final?.code == .transitionNotAllowed)
        let kinds = try await test.entries().map(\.kind)
        #expect(kinds == [.create, .statusChange, .statusChange, .statusChange])
    }

    @Test func eraseShredsTheKeyAndKeepsTheLedger() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith", email: "ann@example.org"))
        let id = try #require(try await test.row(number)).id
        try await test.register.erase(number: number, reason: "erasure request")
        guard case .erased(let erasedNumber, _) = try await test.register.person(number: number, disclosure: .test) else {
            Issue.record("expected erased")
            return
        }
        #expect(erasedNumber == number)
        #expect(try await test.register.store.read { try $0.wrappedKey(for: id) } == nil)
        let row = try #require(try await test.row(number))
        #expect(row.sealedIdentity == nil && row.indexes == .none)
        #expect(try await test.register.find(.email("ann@example.org"), disclosure: .test).isEmpty)
        #expect(try await test.entries().map(\.kind) == [.create, .erase])
        _ = try await test.verifiedHead()
        await #expect(throws: RegisterError.self) { try await test.register.erase(number: number, reason: nil) }
        await #expect(throws: RegisterError.self) { try await test.register.update(number: number, changes: [(.town, "X")]) }
        #expect(try await test.register.statistics().erased == 1)
    }

    @Test func everyChangeIsOneChainedEntryWithNoPlaintext() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Zebedee", "Quixotic", email: "zq@example.org"))
        _ = try await test.register.update(number: number, changes: [(.firstName, "Zeb")])
        try await test.register.changeStatus(number: number, to: .suspended, reason: "Quixotic conduct")
        let entries = try await test.entries()
        #expect(entries.map(\.sequence) == [1, 2, 3])
        #expect(entries.allSatisfy { $0.actor == "test:alice" && $0.time == TestRegister.now })
        #expect(try await test.verifiedHead().size == 3)
        for entry in entries {
            let bytes = entry.encoded
            for canary in ["Zebedee", "Zeb", "Quixotic", "zq@example.org"] {
                #expect(CanaryScan.occurrences(of: Array(canary.utf8), in: bytes).isEmpty)
            }
        }
    }

    @Test func aFailedTransactionLeavesNeitherEntryNorRow() async throws {
        let test = try await TestRegister()
        let record = person("Ann", "Smith")
        await #expect(throws: RegisterError.self) {
            try await test.register.writing { writer in
                var numbered = record
                numbered.membershipNumber = "M42"
                try writer.create(numbered)
                throw RegisterError(.invalid, "injected failure after the entry and row were written")
            }
        }
        #expect(try await test.entries().isEmpty)
        #expect(try await test.row("M42") == nil)
    }

    @Test func eligibilityUsesTheRuleOverClearColumns() async throws {
        let test = try await TestRegister()
        let old = try await test.register.add(person("Old", "Member"))
        var recent = person("New", "Member")
        recent.joinDate = Day(iso: "2026-05-01")
        _ = try await test.register.add(recent)
        var supporter = person("Reg", "Supporter")
        supporter.category = .registeredSupporter
        supporter.joinDate = Day(iso: "2026-01-01")
        let registered = try await test.register.add(supporter)
        let report = try await test.register.eligibility(EligibilityRule(freezeDate: Day(iso: "2026-03-01")!))
        #expect(report.eligible == [old, registered].sorted())
        #expect(report.ineligible == [.membershipTooShort: 1])
    }
}
