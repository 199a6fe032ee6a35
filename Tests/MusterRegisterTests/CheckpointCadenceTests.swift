import Foundation
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// Disclosure batches queued back to back share checkpoints, and none is left uncovered.
///
/// Each test lines batches up deterministically: the first disclosure's transaction is held at
/// the store while the others queue behind it in the recorder, then all are let go. So there
/// are exactly two batches: one that decides with callers waiting, and the last.
@Suite struct CheckpointCadenceTests {
    /// A register over a ``ScriptedStore`` around `test`'s store, with `interval`, that has just
    /// signed a checkpoint (one person added, whose number it returns).
    static func register(_ test: TestRegister, interval: Duration) async throws -> (Register, ScriptedStore, String) {
        var configuration = test.register.configuration
        configuration.checkpointInterval = interval
        let store = ScriptedStore(inner: test.register.store)
        let register = try Register(configuration: configuration, store: store, keyring: test.register.keyring, origin: test.register.origin)
        let number = try await register.add(person("Ann", "Smith"))
        return (register, store, number)
    }

    /// Reads `number` `readers` times through the public read API: the first read's transaction
    /// is held until the other readers are queued (and `pause` has passed). Returns whether
    /// each read succeeded, the first read first.
    static func burst(_ register: Register, _ store: ScriptedStore, _ number: String, readers: Int, pause: Duration = .zero) async throws -> [Bool] {
        let writesBefore = store.writes.value
        store.held.mutate { $0 = true }
        let first = Task { (try? await register.person(number: number, disclosure: .test)) != nil }
        try await waitUntil { store.writes.value == writesBefore + 1 }
        let others = (1..<readers).map { _ in Task { (try? await register.person(number: number, disclosure: .test)) != nil } }
        try await waitUntil { register.disclosures.queued.count == readers - 1 }
        try await Task.sleep(for: pause)
        store.held.mutate { $0 = false }
        var succeeded = [await first.value]
        for other in others { succeeded.append(await other.value) }
        return succeeded
    }

    static func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// The ledger's size, the latest checkpoint's size and how many checkpoints there are.
    static func ledger(_ register: Register) async throws -> (size: UInt64, covered: UInt64, checkpoints: Int) {
        try await register.store.read { tx in
            var checkpoints = 0
            try tx.forEachCheckpoint { _, _ in checkpoints += 1 }
            return (try tx.ledgerHead().size, try tx.latestCheckpoint()?.size ?? 0, checkpoints)
        }
    }

    @Test func aBurstOfDisclosuresSignsOnceYetEndsFullyCovered() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .seconds(60))
        let before = try await Self.ledger(register)
        let writesBefore = store.writes.value
        let succeeded = try await Self.burst(register, store, number, readers: 200)
        #expect(succeeded.allSatisfy { $0 })
        let after = try await Self.ledger(register)
        #expect(after.size == before.size + 200)
        #expect(after.covered == after.size, "the last batch of the burst left entries uncovered")
        #expect(store.writes.value - writesBefore == 2)
        #expect(await register.disclosures.batchesCommitted == 2)
        #expect(after.checkpoints - before.checkpoints == 1, "the batch with another queued behind it signed too")
        _ = try await register.verify()
    }

    @Test func withNoIntervalEveryBatchSigns() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .zero)
        let before = try await Self.ledger(register)
        let writesBefore = store.writes.value
        _ = try await Self.burst(register, store, number, readers: 200)
        let after = try await Self.ledger(register)
        #expect(store.writes.value - writesBefore == 2)
        #expect(after.checkpoints - before.checkpoints == 2)
        #expect(after.covered == after.size)
        #expect(try await register.checkpoint(size: before.size + 1).contains("\n\(before.size + 1)\n"))
    }

    @Test func aBatchSignsOnceTheIntervalHasPassedEvenWithOthersQueued() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .milliseconds(50))
        let before = try await Self.ledger(register)
        _ = try await Self.burst(register, store, number, readers: 20, pause: .milliseconds(200))
        let after = try await Self.ledger(register)
        #expect(after.checkpoints - before.checkpoints == 2)
        #expect(after.covered == after.size)
    }

    @Test func aSingleDisclosureReturnsWithACheckpointCoveringIt() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .seconds(60))
        let writesBefore = store.writes.value
        _ = try await register.person(number: number, disclosure: .test)
        let after = try await Self.ledger(register)
        #expect(after.size == 2 && after.covered == 2)
        #expect(store.writes.value - writesBefore == 1, "its own transaction did not sign: a later one had to")
    }

    /// The batch that skipped its checkpoint counted on the next; when that one fails, the
    /// recorder signs before it goes idle.
    @Test func aFailedLastBatchLeavesNoEntryUncovered() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .seconds(60))
        let before = try await Self.ledger(register)
        store.failing.mutate { $0 = store.writes.value + 2 }
        let succeeded = try await Self.burst(register, store, number, readers: 50)
        #expect(succeeded.first == true && succeeded.dropFirst().allSatisfy { !$0 })
        let after = try await Self.ledger(register)
        #expect(after.size == before.size + 1)
        #expect(after.covered == after.size, "the first batch's entry is left without a checkpoint")
        _ = try await register.verify()
    }

    @Test func manyUnchoreographedDisclosuresEndFullyCovered() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .seconds(60))
        let before = try await Self.ledger(register)
        let writesBefore = store.writes.value
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(index % 20))
                    _ = try await register.person(number: number, disclosure: .test)
                }
            }
            try await group.waitForAll()
        }
        let after = try await Self.ledger(register)
        #expect(after.size == before.size + 200 && after.covered == after.size)
        #expect(after.checkpoints - before.checkpoints <= store.writes.value - writesBefore)
    }

    /// A concurrent `ledger verify` may see entries no checkpoint covers yet: they are checked
    /// (hashes, links, tree), just not against a signature.
    @Test func entriesAfterTheLatestCheckpointVerify() async throws {
        let test = try await TestRegister()
        _ = try await test.register.add(person("Ann", "Smith"))
        let draft = EntryDraft(time: TestRegister.now, actor: "test:alice", kind: .disclosure, subject: nil, payload: Disclosure.test.payload())
        try await test.register.store.write { tx in
            for _ in 0..<3 { _ = try tx.append(draft) }
        }
        let report = try await test.register.verify()
        #expect(report.entries == 4 && report.checkpoints == 1)
    }
}

/// A store whose write transactions are counted, can be held before they start, and one of
/// which (by number, counting from 1) can be made to fail.
struct ScriptedStore: Store {
    let inner: any Store
    let writes = Locked(0)
    let held = Locked(false)
    let failing = Locked<Int?>(nil)

    struct InjectedFailure: Error {}

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T {
        try await inner.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T {
        var number = 0
        writes.mutate {
            $0 += 1
            number = $0
        }
        while held.value { try await Task.sleep(for: .milliseconds(1)) }
        if failing.value == number { throw InjectedFailure() }
        return try await inner.write(body)
    }
}
