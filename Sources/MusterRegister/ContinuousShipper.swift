public import Foundation
import MusterLedger
public import MusterVault
import Synchronization

/// What the continuous shipper reports as it works.
public enum ShipEvent: Sendable {
    case shipped(vault: String, round: ShipRound, lag: UInt64)
    case keySnapshot(vault: String, name: String, keys: Int)
    case registerSnapshot(vault: String, snapshot: RegisterSnapshotShipped)
    case failed(vault: String, message: String, retryIn: Duration)
    case recovered(vault: String)
}

/// Ships to several vaults at once, each on its own: a vault that is down is retried with
/// exponential backoff (1 s doubling to 60 s) and never delays the others or the register's
/// writes (shipping only reads); when it is back it catches up from what it holds.
public struct ContinuousShipper: Sendable {
    public let shippers: [VaultShipper]
    /// How often new entries are looked for (about a second, so a commit reaches the vaults
    /// within about a second).
    public var interval: Duration = .seconds(1)
    /// A full key-store snapshot and a register snapshot at start, and then this often.
    public var fullKeySnapshotInterval: Duration = .seconds(24 * 3600)
    public var retention: TimeInterval = VaultShipper.defaultRetention
    /// The first wait after a failure; it doubles with each failure in a row, up to 60 times it.
    public var retryBase: Duration = .seconds(1)

    public init(register: Register, vaults: [any Vault]) {
        shippers = vaults.map { VaultShipper(register: register, vault: $0) }
    }

    /// Ships until `stop` becomes true, then makes one last round to every vault that is up.
    public func run(stop: StopSignal, report: @escaping @Sendable (ShipEvent) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for shipper in shippers {
                group.addTask { await self.loop(shipper, stop: stop, report: report) }
            }
        }
    }

    private func loop(_ shipper: VaultShipper, stop: StopSignal, report: @escaping @Sendable (ShipEvent) -> Void) async {
        let location = shipper.vault.location
        var chain: SegmentChain?
        var failures = 0
        var nextFull = ContinuousClock.now
        while !Task.isCancelled {  // cancelled: stop at once, with no last round (the drill's attack)
            let stopping = stop.isSet
            do {
                var verified: SegmentChain
                if let chain {
                    verified = chain
                } else {
                    verified = try await shipper.verifiedChain()
                }
                let snapshotsDue = ContinuousClock.now >= nextFull
                if snapshotsDue {
                    let full = try await shipper.shipFullKeySnapshot()
                    _ = try await shipper.applyRetention(retention)
                    report(.keySnapshot(vault: location, name: full.name, keys: full.keys))
                }
                // Disclosures of the last checkpoint interval may wait for their checkpoint:
                // sign it now, so the round (and the last one, when stopping) ships them too.
                try await shipper.register.sealUncoveredEntries()
                let round = try await shipper.shipRound(extending: &verified)
                chain = verified
                if snapshotsDue {
                    // After the round, so the segments already cover (almost) all it holds.
                    if let snapshot = try await shipper.shipRegisterSnapshot() {
                        report(.registerSnapshot(vault: location, snapshot: snapshot))
                    }
                    _ = try await shipper.applyRegisterRetention(retention, now: Date())
                    nextFull = ContinuousClock.now + fullKeySnapshotInterval
                }
                if failures > 0 { report(.recovered(vault: location)) }
                failures = 0
                if !round.segments.isEmpty {
                    report(.shipped(vault: location, round: round, lag: try await shipper.lag(after: round.shippedThrough)))
                }
            } catch {
                failures += 1
                chain = nil  // read and verify the vault again when it is back
                let wait = retryBase * min(60, 1 << min(failures - 1, 6))
                report(.failed(vault: location, message: String(describing: error), retryIn: wait))
                if stopping { return }
                await stop.sleep(for: wait)
                continue
            }
            if stopping { return }
            await stop.sleep(for: interval)
        }
    }
}

/// A flag one task sets and others wait on (shutdown): `sleep(for:)` returns early once set.
public final class StopSignal: Sendable {
    private let state = Mutex(false)

    public init() {}

    public var isSet: Bool { state.withLock { $0 } }

    public func set() { state.withLock { $0 = true } }

    /// Sleeps for `duration` or until the flag is set, checking every 50 ms.
    public func sleep(for duration: Duration) async {
        let end = ContinuousClock.now + duration
        while !isSet && ContinuousClock.now < end {
            try? await Task.sleep(for: min(.milliseconds(50), end - ContinuousClock.now))
        }
    }
}

extension VaultShipper {
    /// How many committed entries the vault does not hold yet.
    public func lag(after shipped: UInt64) async throws -> UInt64 {
        let head = try await register.store.read { try $0.ledgerHead().size }
        return head > shipped ? head - shipped : 0
    }

    /// The vault's state for `muster vault status`: the last entry it holds, how far behind
    /// the ledger it is, and since when (the time of the oldest entry it lacks).
    public func status() async throws -> VaultStatus {
        let shipped = try await shippedThrough()
        let (head, oldestMissing) = try await register.store.read { tx -> (UInt64, Int64?) in
            let head = try tx.ledgerHead().size
            guard head > shipped, let bytes = try tx.entry(sequence: shipped + 1) else { return (head, nil) }
            return (head, try LedgerEntry(encoded: bytes).time)
        }
        let snapshots = try await vault.names(prefix: Self.keySnapshotPrefix)
        let registerSnapshot = try await Self.newestRegisterSnapshot(in: vault, sealer: Self.registerSealer(register), origin: register.origin)
        return VaultStatus(
            location: vault.location, shippedThrough: shipped, ledgerSize: head, oldestUnshippedTime: oldestMissing,
            latestKeySnapshot: snapshots.last, latestRegisterSnapshot: registerSnapshot.map { ($0.name, $0.manifest.ledgerSize) })
    }
}

/// One vault's shipping state.
public struct VaultStatus: Sendable {
    public var location: String
    public var shippedThrough: UInt64
    public var ledgerSize: UInt64
    /// When the oldest entry the vault lacks was written (milliseconds since the epoch).
    public var oldestUnshippedTime: Int64?
    public var latestKeySnapshot: String?
    /// The register snapshot a restore would start from, and the entries it holds.
    public var latestRegisterSnapshot: (name: String, entries: UInt64)?

    public var lagEntries: UInt64 { ledgerSize > shippedThrough ? ledgerSize - shippedThrough : 0 }
}
