import Foundation
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct DisclosureTests {
    /// The disclosure entries on the ledger, with the subject's membership number.
    static func disclosures(_ test: TestRegister) async throws -> [(number: String?, disclosure: Disclosure)] {
        let known = try await test.register.store.read { tx in
            var numbers: [SubjectID: String] = [:]
            try tx.forEachPerson(.everyone) { numbers[$0.id] = $0.number }
            return numbers
        }
        return try await test.entries().filter { $0.kind == .disclosure }.map { entry in
            (entry.subject.flatMap { known[$0] }, try Disclosure(payload: entry.payload))
        }
    }

    @Test func showAndFindRecordOneDisclosurePerPersonSeen() async throws {
        let test = try await TestRegister()
        let a = try await test.register.add(person("Ann", "Smith", email: "home@example.org"))
        let b = try await test.register.add(person("Bob", "Smith", email: "home@example.org"))
        _ = try await test.register.person(number: a, disclosure: Disclosure(channel: "cli show", reason: "phone call"))
        _ = try await test.register.find(.email("home@example.org"), disclosure: Disclosure(channel: "cli find"))
        _ = try await test.register.find(.email("nobody@example.org"), disclosure: Disclosure(channel: "cli find"))
        let recorded = try await Self.disclosures(test)
        #expect(recorded.map(\.number) == [a, a, b])
        #expect(recorded.map(\.disclosure) == [
            Disclosure(channel: "cli show", reason: "phone call"), Disclosure(channel: "cli find"), Disclosure(channel: "cli find"),
        ])
        _ = try await test.verifiedHead()
    }

    @Test func anErasedPersonDisclosesNothing() async throws {
        let test = try await TestRegister()
        let a = try await test.register.add(person("Ann", "Smith"))
        try await test.register.erase(number: a, reason: nil)
        _ = try await test.register.person(number: a, disclosure: .test)
        #expect(try await Self.disclosures(test).isEmpty)
    }

    @Test func anExportRecordsEveryoneItContainsAndACount() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        let out = test.directory.file("members.csv")
        let report = try await test.register.export(
            to: .file(out), filter: PersonFilter(category: .member), disclosure: Disclosure(channel: "cli export", reason: "ballot"))
        let recorded = try await Self.disclosures(test)
        #expect(recorded.count == report.people + 1)
        #expect(recorded.dropLast().allSatisfy { $0.number != nil && $0.disclosure.reason == "ballot" })
        let summary = try #require(try await test.entries().last)
        #expect(summary.subject == nil && summary.kind == .disclosure)
        #expect(try Disclosure(payload: summary.payload).channel == "cli export")
        var reader = TLVReader(summary.payload)
        var count: String?
        while let (tag, value) = try reader.next() {
            if tag == Disclosure.Tag.count { count = String(decoding: value, as: UTF8.self) }
        }
        #expect(count == String(report.people))
    }

    @Test func historyShowsChangesDisclosuresAndSealedReasonsUntilErasure() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith"))
        _ = try await test.register.update(number: number, changes: [(.branch, "Bath branch"), (.email, "ann@example.org")])
        try await test.register.changeStatus(number: number, to: .suspended, reason: "conduct panel 12")
        _ = try await test.register.person(number: number, disclosure: Disclosure(channel: "cli show", reason: "casework"))
        let history = try await test.register.history(number: number, disclosure: Disclosure(channel: "cli ledger history"))
        #expect(history.map(\.summary) == [
            "entered the register", "changed branch, identifying fields", "status changed to suspended", "disclosed through cli show",
        ])
        #expect(history.map(\.reason) == [nil, nil, "conduct panel 12", "casework"])
        #expect(history.allSatisfy { $0.actor == "test:alice" })

        try await test.register.erase(number: number, reason: "erasure request")
        let after = try await test.register.history(number: number, disclosure: Disclosure(channel: "cli ledger history"))
        #expect(after.count == 6)  // the first history look was recorded too
        #expect(after[2].reason == "(unreadable: the person was erased)")
        #expect(after.last?.summary == "erased (data key destroyed)")
    }

    /// While the first batch commits, every caller not in it arrives: they all wait, and the
    /// next batch takes them all. So 500 callers take at most 2 transactions (1 when all came
    /// before the first began), however they are scheduled.
    @Test func concurrentDisclosuresShareTransactions() async throws {
        let commits = Locked(0)
        let entries = Locked(0)
        let waitingRecorder = Locked<DisclosureRecorder?>(nil)
        let recorder = DisclosureRecorder(
            interval: .zero,
            append: { drafts in
                commits.mutate { $0 += 1 }
                entries.mutate { $0 += drafts.count }
                if commits.value == 1 {
                    let others = 500 - drafts.count
                    try await waitUntil("the other \(others) callers wait for the next batch") {
                        waitingRecorder.value?.waiting == others
                    }
                }
                return true
            }, seal: {})
        waitingRecorder.mutate { $0 = recorder }
        let draft = EntryDraft(time: 0, actor: "t", kind: .disclosure, subject: nil, payload: [])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<500 { group.addTask { try await recorder.record([draft]) } }
            try await group.waitForAll()
        }
        #expect(entries.value == 500)
        #expect(commits.value <= 2, "500 concurrent disclosures took \(commits.value) transactions")
    }

    /// Through the register's own store (its writer held for a series of batches): every read
    /// is on the ledger once, in fewer transactions than reads, and the ledger verifies.
    @Test func concurrentReadsAreRecordedInSeriesOfBatches() async throws {
        let test = try await TestRegister()
        let numbers = [try await test.register.add(person("Ann", "Smith")), try await test.register.add(person("Bo", "Jones"))]
        let batchesBefore = test.register.disclosures.batchesCommitted
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<300 {
                group.addTask { _ = try await test.register.person(number: numbers[index % 2], disclosure: .test) }
            }
            try await group.waitForAll()
        }
        let recorded = try await Self.disclosures(test).map(\.number)
        #expect(recorded.filter { $0 == numbers[0] }.count == 150 && recorded.filter { $0 == numbers[1] }.count == 150)
        let batches = test.register.disclosures.batchesCommitted - batchesBefore
        #expect(batches >= 1 && batches < 300, "300 reads took \(batches) transactions")
        try await test.register.sealUncoveredEntries()
        _ = try await test.register.verify()
    }

    @Test func aFailedRecordingFailsTheRead() async throws {
        struct Refused: Error {}
        let recorder = DisclosureRecorder(interval: .zero, append: { _ in throw Refused() }, seal: {})
        let draft = EntryDraft(time: 0, actor: "t", kind: .disclosure, subject: nil, payload: [])
        await #expect(throws: Refused.self) { try await recorder.record([draft]) }
    }
}

@Suite struct ExportDisclosureOrderTests {
    /// A store whose reads work and whose writes always fail, as a full disk would.
    struct WritesFail: Store {
        let inner: any Store
        struct DiskFull: Error {}

        func read<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T {
            try await inner.read(body)
        }

        func write<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T {
            throw DiskFull()
        }
    }

    /// An export whose disclosures cannot be recorded writes nothing at all, even to a stream
    /// that could not be taken back.
    @Test func anExportThatCannotBeRecordedWritesNothing() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        let broken = try Register(
            configuration: test.register.configuration, store: WritesFail(inner: test.register.store),
            keyring: test.register.keyring, origin: test.register.origin)
        let out = test.directory.file("never.csv")
        let rowsWritten = Locked(0)
        await #expect(throws: WritesFail.DiskFull.self) {
            try await broken.export(to: .file(out), disclosure: .test) { progress in rowsWritten.mutate { $0 += progress.people } }
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(rowsWritten.value == 0, "rows were decrypted and written before the disclosures were recorded")
        await #expect(throws: WritesFail.DiskFull.self) { try await broken.person(number: "M1036102", disclosure: .test) }
    }
}
