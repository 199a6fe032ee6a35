import Foundation
import MusterCore
import MusterDemo
import MusterLedger
import MusterStore
import MusterTesting
import MusterVault
import Synchronization
import Testing

@testable import MusterRegister

/// Shipping to a filesystem vault and restoring from it.
@Suite struct VaultShippingTests {
    /// A register with people, changes, an erasure and disclosures, shipped to a file vault.
    final class Shipped: Sendable {
        let test: TestRegister
        let vaultDirectory = TemporaryDirectory("muster-vault")
        let vault: FileVault
        let shipper: VaultShipper

        init(people: Int = 40) async throws {
            test = try await TestRegister()
            vault = try FileVault(directory: vaultDirectory.path)
            shipper = VaultShipper(register: test.register, vault: vault)
            let demo = DemoRegister(seed: 3, referenceDay: Day(iso: "2026-06-01")!)
            _ = try await test.register.importRecords(count: people, source: "demo", record: demo.person(at:))
            try await shipper.shipFullKeySnapshot()
        }

        var register: Register { test.register }

        func ship() async throws -> ShipRound {
            var chain = try await shipper.verifiedChain()
            return try await shipper.shipRound(extending: &chain)
        }

        /// A fresh configuration beside the original, with the original's keys.
        func restoreTarget(_ name: String) -> RegisterConfiguration {
            RegisterConfiguration(
                dataDirectory: test.directory.file(name), keysDirectory: test.keys, actor: "test:restore", clock: { TestRegister.now })
        }

        func export(_ register: Register) async throws -> String {
            let path = test.directory.file("export-\(UUID().uuidString).csv")
            _ = try await register.export(to: .file(path), disclosure: .test)
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
    }

    @Test func aRestoreGivesBackTheSameRegister() async throws {
        let shipped = try await Shipped()
        let numbers = try await shipped.register.list(PersonFilter(limit: 3), disclosure: .test).people.map(\.number)
        _ = try await shipped.register.update(number: numbers[0], changes: [(.town, "Hebden Bridge")])
        try await shipped.register.changeStatus(number: numbers[1], to: .lapsed, reason: nil)
        try await shipped.register.erase(number: numbers[2], reason: "request")
        let round = try await shipped.ship()
        #expect(round.shippedThrough == (try await shipped.register.store.read { try $0.ledgerHead().size }))
        #expect(try await shipped.ship().segments.isEmpty, "nothing new: nothing shipped")

        let report = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("restored"))
        #expect(report.entries == round.shippedThrough)
        let restored = try await Register.open(shipped.restoreTarget("restored"))
        #expect(try await restored.stateDigest() == (try await shipped.register.stateDigest()))
        #expect(try await restored.checkpoint() == (try await shipped.register.checkpoint()))
        _ = try await restored.verify()
        #expect(try await shipped.export(restored) == (try await shipped.export(shipped.register)))
        // The erased person stays erased: their key is in no snapshot the restore used.
        if case .present = try await restored.person(number: numbers[2], disclosure: .test) { Issue.record("erased person restored readable") }
    }

    @Test func shippingIsIncrementalAndSegmentsAreContiguous() async throws {
        let shipped = try await Shipped(people: 10)
        let first = try await shipped.ship()
        _ = try await shipped.register.add(person("Late", "Comer", email: "late@example.org"))
        let second = try await shipped.ship()
        #expect(second.entries == 1 && second.segments.count == 1)
        let names = try shipped.vault.list(prefix: SegmentName.prefix).map { try SegmentName(parsing: $0) }
        #expect(names.map(\.first) == [1, first.shippedThrough + 1])
        #expect(names.last?.last == second.shippedThrough)
        // A shipper started afresh asks the vault where it is.
        #expect(try await VaultShipper(register: shipped.register, vault: shipped.vault).shippedThrough() == second.shippedThrough)
    }

    @Test func pointInTimeRestoresStopWhereAsked() async throws {
        let shipped = try await Shipped(people: 5)
        let before = try await shipped.ship().shippedThrough
        let number = try await shipped.register.add(person("Later", "Person", email: "later@example.org"))
        _ = try await shipped.ship()
        let report = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("past"), until: .entry(before))
        #expect(report.entries == before && report.people == 5)
        let past = try await Register.open(shipped.restoreTarget("past"))
        await #expect(throws: RegisterError.self) { try await past.person(number: number, disclosure: .test) }
        _ = try await past.verify()
        let all = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("now"), until: .time(TestRegister.now))
        #expect(all.people == 6)
    }

    @Test func aTamperedSegmentStopsTheRestoreAndLeavesNothing() async throws {
        let shipped = try await Shipped(people: 5)
        let name = try #require(try await shipped.ship().segments.first)
        let path = shipped.vaultDirectory.file(name)
        try flipMiddleBit(ofFileAt: path)
        let target = shipped.restoreTarget("tampered")
        await #expect {
            try await Register.restore(from: shipped.vault, into: target)
        } throws: { error in
            (error as? RegisterError)?.message.contains(name) == true
        }
        #expect(!FileManager.default.fileExists(atPath: target.dataDirectory))
        #expect(try FileManager.default.contentsOfDirectory(atPath: shipped.test.directory.path).allSatisfy { !$0.contains("restoring") })
    }

    /// Two vaults hold the same log; one has a tampered segment. The restore passes over that
    /// one, naming the segment, and restores everything from the other, in either order.
    @Test(arguments: [true, false])
    func aRestoreFromTwoVaultsPassesOverTheTamperedOne(tamperedFirst: Bool) async throws {
        let shipped = try await Shipped(people: 5)
        let otherDirectory = TemporaryDirectory("muster-vault-other")
        let other = try FileVault(directory: otherDirectory.path)
        let otherShipper = VaultShipper(register: shipped.register, vault: other)
        try await otherShipper.shipFullKeySnapshot()
        _ = try await shipped.ship()
        var otherChain = try await otherShipper.verifiedChain()
        _ = try await otherShipper.shipRound(extending: &otherChain)
        let expected = try await shipped.register.stateDigest()

        let name = try #require(try shipped.vault.list(prefix: SegmentName.prefix).first)
        let path = shipped.vaultDirectory.file(name)
        try flipMiddleBit(ofFileAt: path)

        let vaults: [any Vault] = tamperedFirst ? [shipped.vault, other] : [other, shipped.vault]
        let target = shipped.restoreTarget("restored")
        let report = try await Register.restore(from: vaults, into: target)
        #expect(report.vault == other.location)
        #expect(report.passedOver.count == 1 && report.passedOver[0].contains(shipped.vault.location) && report.passedOver[0].contains(name))
        #expect(try await Register.open(target).stateDigest() == expected)
    }

    /// Of two vaults that both verify, the one holding more entries is restored from (one that
    /// fell behind while it was down is not preferred because it was named first); with every
    /// vault failing, nothing is restored and each is named.
    @Test func theVaultWithTheMostEntriesIsChosenAndAllFailingIsRefused() async throws {
        let shipped = try await Shipped(people: 5)
        let behindDirectory = TemporaryDirectory("muster-vault-behind")
        let behind = try FileVault(directory: behindDirectory.path)
        let behindShipper = VaultShipper(register: shipped.register, vault: behind)
        try await behindShipper.shipFullKeySnapshot()
        var behindChain = try await behindShipper.verifiedChain()
        _ = try await behindShipper.shipRound(extending: &behindChain)
        _ = try await shipped.register.add(person("New", "Comer", email: "new.comer@example.org"))
        _ = try await shipped.ship()
        let expected = try await shipped.register.stateDigest()

        let ahead = CountingVault(shipped.vault)
        let report = try await Register.restore(from: [behind, ahead], into: shipped.restoreTarget("restored"))
        #expect(report.vault == shipped.vault.location && report.passedOver.isEmpty)
        // The chosen vault's segments, verified while choosing, are not fetched again.
        let segments = try shipped.vault.list(prefix: SegmentName.prefix)
        #expect(ahead.fetched(prefix: SegmentName.prefix) == segments)
        #expect(try await Register.open(shipped.restoreTarget("restored")).stateDigest() == expected)

        let emptyDirectory = TemporaryDirectory("muster-vault-empty")
        let empty = try FileVault(directory: emptyDirectory.path)
        let target = shipped.restoreTarget("none")
        await #expect {
            try await Register.restore(from: [empty, empty], into: target)
        } throws: { error in
            let error = error as? RegisterError
            return error?.code == .notFound && error?.message.hasPrefix("no vault could be restored from: \(empty.location): ") == true
                && error?.message.components(separatedBy: "holds no segments").count == 3
        }
        #expect(!FileManager.default.fileExists(atPath: target.dataDirectory))
    }

    @Test func aMissingSegmentIsNamed() async throws {
        let shipped = try await Shipped(people: 3)
        let first = try #require(try await shipped.ship().segments.first)
        _ = try await shipped.register.add(person("Second", "Batch", email: "second@example.org"))
        _ = try await shipped.ship()
        _ = try await shipped.register.add(person("Third", "Batch", email: "third@example.org"))
        _ = try await shipped.ship()
        let middle = try shipped.vault.list(prefix: SegmentName.prefix)[1]
        try FileManager.default.removeItem(atPath: shipped.vaultDirectory.file(middle))
        await #expect {
            try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("gap"))
        } throws: { error in
            let message = (error as? RegisterError)?.message ?? ""
            return message.contains("missing entries") && message.contains(first)
        }
    }

    @Test func restoreRefusesKeysOfAnotherRegister() async throws {
        let shipped = try await Shipped(people: 3)
        _ = try await shipped.ship()
        let other = try await TestRegister()
        let target = RegisterConfiguration(
            dataDirectory: other.directory.file("restored"), keysDirectory: other.keys, actor: "test", clock: { TestRegister.now })
        await #expect(throws: RegisterError.self) { try await Register.restore(from: shipped.vault, into: target) }
        #expect(!FileManager.default.fileExists(atPath: target.dataDirectory))
    }

    /// Retention drops old full snapshots (never the newest) and deltas older than the oldest
    /// full snapshot kept, and never a segment.
    @Test func retentionPrunesOnlyOldKeySnapshots() async throws {
        let shipped = try await Shipped(people: 3)
        _ = try await shipped.ship()
        let segments = try shipped.vault.list(prefix: SegmentName.prefix)
        let before = try shipped.vault.list(prefix: VaultShipper.keySnapshotPrefix)
        #expect(before.count == 2)  // the full snapshot and the import's delta
        try await Task.sleep(for: .seconds(1.1))  // snapshot names carry the vault's time, to the second
        try await shipped.shipper.shipFullKeySnapshot()
        let removed = try await shipped.shipper.applyRetention(0)
        #expect(Set(removed) == Set(before))
        #expect(try shipped.vault.list(prefix: VaultShipper.keySnapshotPrefix).count == 1)
        #expect(try shipped.vault.list(prefix: SegmentName.prefix) == segments)
        // What is left still restores everyone.
        let report = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("after-retention"))
        #expect(report.people == 3)
    }
}

/// A vault that is down for its first `failures` writes (as if unreachable).
final class FlakyVault: Vault {
    let inner: FileVault
    private let remaining: Mutex<Int>

    init(_ inner: FileVault, failures: Int) {
        self.inner = inner
        remaining = Mutex(failures)
    }

    var location: String { inner.location }

    func store(name: String, bytes: [UInt8]) async throws -> FileVault.PutResult {
        let down = remaining.withLock { count in
            defer { count -= 1 }
            return count > 0
        }
        if down { throw VaultError(.io, "the vault cannot be reached") }
        return try await inner.store(name: name, bytes: bytes)
    }

    func fetch(name: String) async throws -> [UInt8] { try await inner.fetch(name: name) }
    func names(prefix: String) async throws -> [String] { try await inner.names(prefix: prefix) }
    func storeSnapshot(prefix: String, bytes: [UInt8]) async throws -> String { try await inner.storeSnapshot(prefix: prefix, bytes: bytes) }
    func pruneSnapshots(prefix: String, olderThan cutoff: Date, keepingNewest: Int) async throws -> [String] { [] }
}

/// A vault that records every name fetched from it, in order.
final class CountingVault: Vault {
    let inner: FileVault
    private let names = Mutex<[String]>([])

    init(_ inner: FileVault) {
        self.inner = inner
    }

    func fetched(prefix: String) -> [String] { names.withLock { $0.filter { $0.hasPrefix(prefix) } } }

    var location: String { inner.location }
    func store(name: String, bytes: [UInt8]) async throws -> FileVault.PutResult { try await inner.store(name: name, bytes: bytes) }
    func fetch(name: String) async throws -> [UInt8] {
        names.withLock { $0.append(name) }
        return try await inner.fetch(name: name)
    }
    func names(prefix: String) async throws -> [String] { try await inner.names(prefix: prefix) }
    func storeSnapshot(prefix: String, bytes: [UInt8]) async throws -> String { try await inner.storeSnapshot(prefix: prefix, bytes: bytes) }
    func pruneSnapshots(prefix: String, olderThan cutoff: Date, keepingNewest: Int) async throws -> [String] { [] }
}

@Suite struct ContinuousShippingTests {
    /// A vault that is down is retried with backoff, never holds up writes, and catches up.
    @Test func aVaultThatIsDownIsRetriedAndCatchesUpWhileWritesGoOn() async throws {
        let test = try await TestRegister()
        let directory = TemporaryDirectory("muster-flaky")
        let flaky = FlakyVault(try FileVault(directory: directory.path), failures: 3)
        let healthyDirectory = TemporaryDirectory("muster-healthy")
        let healthy = try FileVault(directory: healthyDirectory.path)
        var shipper = ContinuousShipper(register: test.register, vaults: [flaky, healthy])
        shipper.interval = .milliseconds(50)
        shipper.retryBase = .milliseconds(50)
        let events = Mutex<[ShipEvent]>([])
        let stop = StopSignal()
        let running = Task { await shipper.run(stop: stop) { event in events.withLock { $0.append(event) } } }
        for index in 0..<5 {
            _ = try await test.register.add(person("Person\(index)", "Writer", email: "w\(index)@example.org"))
        }
        let head = try await test.register.store.read { try $0.ledgerHead().size }
        // The shipper's turns run on the shared threads, which can be seconds behind while the
        // rest of the suite runs: wait for the catching up, not for a time.
        try await waitUntil("the vault that was down to catch up", interval: .milliseconds(50)) {
            let flakyThrough = try await VaultShipper(register: test.register, vault: flaky).shippedThrough()
            let healthyThrough = try await VaultShipper(register: test.register, vault: healthy).shippedThrough()
            return flakyThrough >= head && healthyThrough >= head
        }
        stop.set()
        await running.value
        #expect(try await VaultShipper(register: test.register, vault: flaky).shippedThrough() == head)
        #expect(try await VaultShipper(register: test.register, vault: healthy).shippedThrough() == head)
        let seen = events.withLock { $0 }
        let failures = seen.filter { if case .failed(let vault, _, _) = $0 { vault == flaky.location } else { false } }
        #expect(failures.count >= 3)
        #expect(seen.contains { if case .recovered(let vault) = $0 { vault == flaky.location } else { false } })
        #expect(!seen.contains { if case .failed(let vault, _, _) = $0 { vault == healthy.location } else { false } })
    }

    /// A vault holding another history is never extended: the shipper verifies what the vault
    /// holds before writing the next segment.
    @Test func aVaultHoldingAnotherHistoryIsNotExtended() async throws {
        let original = try await TestRegister()
        let other = try await TestRegister()
        let directory = TemporaryDirectory("muster-foreign")
        let vault = try FileVault(directory: directory.path)
        _ = try await other.register.add(person("Someone", "Else"))
        var otherChain = try await VaultShipper(register: other.register, vault: vault).verifiedChain()
        _ = try await VaultShipper(register: other.register, vault: vault).shipRound(extending: &otherChain)
        _ = try await original.register.add(person("Ada", "Lovelace"))
        await #expect(throws: RegisterError.self) { try await VaultShipper(register: original.register, vault: vault).verifiedChain() }
    }
}

@Suite struct LargeRestoreTests {
    /// Large enough that the restore's bulk writes set the search indexes aside (as they do for
    /// a real register), which the rebuild of the tables then needs back.
    @Test func aRegisterAboveTheBulkThresholdRestores() async throws {
        let test = try await TestRegister()
        let demo = DemoRegister(seed: 9, referenceDay: Day(iso: "2026-06-01")!)
        _ = try await test.register.importRecords(count: 21_000, source: "demo", record: demo.person(at:))
        let directory = TemporaryDirectory("muster-large-vault")
        let shipper = VaultShipper(register: test.register, vault: try FileVault(directory: directory.path))
        try await shipper.shipFullKeySnapshot()
        var chain = try await shipper.verifiedChain()
        _ = try await shipper.shipRound(extending: &chain)
        let target = RegisterConfiguration(
            dataDirectory: test.directory.file("restored"), keysDirectory: test.keys, actor: "test", clock: { TestRegister.now })
        let report = try await Register.restore(from: try FileVault(directory: directory.path), into: target)
        #expect(report.people == 21_000)
        let restored = try await Register.open(target)
        #expect(try await restored.stateDigest() == (try await test.register.stateDigest()))
    }
}
