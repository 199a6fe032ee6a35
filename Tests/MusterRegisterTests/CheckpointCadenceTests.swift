import Foundation
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

/// Disclosure batches committed within the checkpoint interval share one checkpoint, signed
/// when the interval is over, and none is left uncovered.
///
/// The burst tests line batches up deterministically: the first disclosure's transaction is
/// held at the store while the others queue behind it in the recorder, then all are let go. So
/// there are exactly two batches. And the interval is measured on a ``ManualCadenceClock``: it
/// ends when a test advances the clock, however long the batches took.
@Suite struct CheckpointCadenceTests {
    /// A register over a ``ScriptedStore`` around `test`'s store, with `interval` on `clock`,
    /// that has just signed a checkpoint (one person added, whose number it returns).
    static func register(
        _ test: TestRegister, interval: Duration, clock: any CadenceClock = ManualCadenceClock()
    ) async throws -> (Register, ScriptedStore, String) {
        var configuration = test.register.configuration
        configuration.checkpointInterval = interval
        configuration.cadenceClock = clock
        let store = ScriptedStore(inner: test.register.store)
        let register = try Register(configuration: configuration, store: store, keyring: test.register.keyring, origin: test.register.origin)
        let number = try await register.add(person("Ann", "Smith"))
        return (register, store, number)
    }

    /// Reads `number` `readers` times through the public read API: the first read's transaction
    /// is held until the other readers are queued (and `whileHeld` has run). Returns whether
    /// each read succeeded, the first read first.
    static func burst(
        _ register: Register, _ store: ScriptedStore, _ number: String, readers: Int, whileHeld: () -> Void = {}
    ) async throws -> [Bool] {
        let writesBefore = store.writes.value
        store.held.mutate { $0 = true }
        let first = Task { (try? await register.person(number: number, disclosure: .test)) != nil }
        try await waitUntil("the first read's write", interval: .milliseconds(1)) { store.writes.value == writesBefore + 1 }
        let others = (1..<readers).map { _ in Task { (try? await register.person(number: number, disclosure: .test)) != nil } }
        try await waitUntil("the other readers to queue", interval: .milliseconds(1)) { register.disclosures.waiting == readers - 1 }
        whileHeld()
        store.held.mutate { $0 = false }
        var succeeded = [await first.value]
        for other in others { succeeded.append(await other.value) }
        return succeeded
    }

    /// The ledger's size, the latest checkpoint's size and how many checkpoints there are.
    static func ledger(_ register: Register) async throws -> (size: UInt64, covered: UInt64, checkpoints: Int) {
        try await register.store.read { tx in
            var checkpoints = 0
            try tx.forEachCheckpoint { _, _ in checkpoints += 1 }
            return (try tx.ledgerHead().size, try tx.latestCheckpoint()?.size ?? 0, checkpoints)
        }
    }

    /// Within the interval of the add's signature, both batches commit unsigned; one
    /// checkpoint then covers them both, here signed by the call the shipper makes before the
    /// interval is over.
    @Test func batchesWithinTheIntervalShareOneCheckpoint() async throws {
        let test = try await TestRegister()
        let clock = ManualCadenceClock()
        let (register, store, number) = try await Self.register(test, interval: .milliseconds(100), clock: clock)
        let before = try await Self.ledger(register)
        let writesBefore = store.writes.value
        let succeeded = try await Self.burst(register, store, number, readers: 50)
        #expect(succeeded.allSatisfy { $0 })
        #expect(register.disclosures.batchesCommitted == 2 && store.writes.value - writesBefore == 2)
        let during = try await Self.ledger(register)
        #expect(during.size == before.size + 50)
        #expect(during.checkpoints == before.checkpoints, "a batch within the interval signed")
        try await register.sealUncoveredEntries()
        let after = try await Self.ledger(register)
        #expect(after.covered == during.size && after.checkpoints == before.checkpoints + 1)
        _ = try await register.verify()
        clock.advance(by: .milliseconds(100))  // lets the deferred checkpoint end: nothing is left for it
    }

    /// When the interval is over, the checkpoint comes by itself: not before.
    @Test func theIntervalEndsWithACheckpoint() async throws {
        let test = try await TestRegister()
        let clock = ManualCadenceClock()
        let (register, store, number) = try await Self.register(test, interval: .milliseconds(300), clock: clock)
        let before = try await Self.ledger(register)
        _ = try await Self.burst(register, store, number, readers: 20)
        try await waitUntil("the deferred checkpoint to wait for its time") { clock.sleeping == 1 }
        clock.advance(by: .milliseconds(299))
        #expect(clock.sleeping == 1)
        #expect(try await Self.ledger(register) == (before.size + 20, before.covered, before.checkpoints), "signed within the interval")
        clock.advance(by: .milliseconds(1))
        try await waitUntil("a checkpoint covering 20 more") { try await Self.ledger(register).covered == before.size + 20 }
        #expect(try await Self.ledger(register).checkpoints == before.checkpoints + 1)
    }

    @Test func withNoIntervalEveryBatchSigns() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .zero)
        let before = try await Self.ledger(register)
        let writesBefore = store.writes.value
        _ = try await Self.burst(register, store, number, readers: 50)
        let after = try await Self.ledger(register)
        #expect(store.writes.value - writesBefore == 2)
        #expect(after.checkpoints - before.checkpoints == 2)
        #expect(after.covered == after.size)
        #expect(try await register.checkpoint(size: before.size + 1).contains("\n\(before.size + 1)\n"))
    }

    /// Past the interval a batch signs in its own transaction; the one right behind it does not,
    /// and its checkpoint comes an interval after the first one's.
    @Test func aBatchAfterTheIntervalSignsAtOnce() async throws {
        let test = try await TestRegister()
        let clock = ManualCadenceClock()
        let (register, store, number) = try await Self.register(test, interval: .milliseconds(100), clock: clock)
        let before = try await Self.ledger(register)
        _ = try await Self.burst(register, store, number, readers: 20) { clock.advance(by: .milliseconds(200)) }
        #expect(try await register.checkpoint(size: before.size + 1).contains("\n\(before.size + 1)\n"))
        try await waitUntil("the deferred checkpoint to wait for its time") { clock.sleeping == 1 }
        #expect(try await Self.ledger(register) == (before.size + 20, before.size + 1, before.checkpoints + 1))
        clock.advance(by: .milliseconds(100))
        try await waitUntil("a checkpoint covering 20 more") { try await Self.ledger(register).covered == before.size + 20 }
        #expect(try await Self.ledger(register).checkpoints == before.checkpoints + 2)
    }

    /// A process that has not signed yet (a command-line run) signs its first disclosure at once.
    @Test func aFirstDisclosureReturnsWithACheckpointCoveringIt() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith"))
        var configuration = test.register.configuration
        configuration.checkpointInterval = .seconds(60)
        let fresh = try Register(configuration: configuration, store: test.register.store, keyring: test.register.keyring, origin: test.register.origin)
        _ = try await fresh.person(number: number, disclosure: .test)
        let after = try await Self.ledger(fresh)
        #expect(after.size == 2 && after.covered == 2)
    }

    /// An unsigned batch followed by a failing one: the deferred checkpoint still covers it.
    @Test func aFailedBatchLeavesNoEntryUncovered() async throws {
        let test = try await TestRegister()
        let clock = ManualCadenceClock()
        let (register, store, number) = try await Self.register(test, interval: .milliseconds(300), clock: clock)
        let before = try await Self.ledger(register)
        store.failing.mutate { $0 = store.writes.value + 2 }
        let succeeded = try await Self.burst(register, store, number, readers: 50)
        #expect(succeeded.first == true && succeeded.dropFirst().allSatisfy { !$0 })
        try await waitUntil("the deferred checkpoint to wait for its time") { clock.sleeping == 1 }
        #expect(try await Self.ledger(register).covered == before.covered, "the first batch signed")
        clock.advance(by: .milliseconds(300))
        try await waitUntil("a checkpoint covering 1 more") { try await Self.ledger(register).covered == before.size + 1 }
        #expect(try await Self.ledger(register).size == before.size + 1)
        _ = try await register.verify()
    }

    /// What a process about to stop (or the shipper, before each round) calls: it signs now.
    @Test func uncoveredEntriesAreSignedOnRequest() async throws {
        let test = try await TestRegister()
        let clock = ManualCadenceClock()
        let (register, _, number) = try await Self.register(test, interval: .milliseconds(100), clock: clock)
        _ = try await register.person(number: number, disclosure: .test)
        let unsigned = try await Self.ledger(register)
        #expect(unsigned.covered < unsigned.size)
        try await register.sealUncoveredEntries()
        let signed = try await Self.ledger(register)
        #expect(signed.covered == signed.size && signed.checkpoints == unsigned.checkpoints + 1)
        try await register.sealUncoveredEntries()
        #expect(try await Self.ledger(register).checkpoints == signed.checkpoints, "nothing left to sign")
        clock.advance(by: .milliseconds(100))  // lets the deferred checkpoint end
    }

    /// On the machine's clock, with disclosures arriving as they will.
    @Test func manyUnchoreographedDisclosuresEndFullyCovered() async throws {
        let test = try await TestRegister()
        let (register, store, number) = try await Self.register(test, interval: .milliseconds(100), clock: MonotonicCadenceClock())
        let before = try await Self.ledger(register)
        let writesBefore = store.writes.value
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<100 {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(index % 20))
                    _ = try await register.person(number: number, disclosure: .test)
                }
            }
            try await group.waitForAll()
        }
        try await waitUntil("a checkpoint covering 100 more") { try await Self.ledger(register).covered == before.size + 100 }
        #expect(try await Self.ledger(register).checkpoints - before.checkpoints <= store.writes.value - writesBefore)
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
