import Foundation
import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore
public import MusterVault
import Synchronization

/// What a ransomware drill found.
public struct DrillReport: Sendable {
    /// Writes the register acknowledged before its data directory was destroyed.
    public var acknowledged = 0
    /// Of those, the ones the vault held when the attack came (all must come back).
    public var shipped = 0
    /// Acknowledged and shipped writes missing after the restore: must be zero.
    public var lost = 0
    /// Ledger entries written but not yet shipped when the attack came (the RPO in entries).
    public var rpoEntries: UInt64 = 0
    /// Time between the last entry the vault held and the last acknowledged write.
    public var rpoSeconds = 0.0
    /// The restore's own report (its `seconds` is the RTO).
    public var restore = RestoreReport()
    /// Digest of the restored register, and of the register as it was at the last shipped
    /// entry, rebuilt from the original's own store before it was destroyed.
    public var restoredDigest = ""
    public var expectedDigest = ""

    public var passed: Bool { lost == 0 && restoredDigest == expectedDigest && !restoredDigest.isEmpty }
}

/// The drill: writes run continuously while a shipper sends them to a vault; then the primary
/// data directory is overwritten and deleted, as ransomware would, without warning (no last
/// shipping round); the register is restored from the vault and checked against what was
/// acknowledged and shipped.
public struct RansomwareDrill: Sendable {
    /// How long writes run at least. They go on past it (up to `patienceSeconds`) until the
    /// shipper has shipped one of them, so a busy machine still gives a drill that tests
    /// something rather than one where the attack came before any shipping round.
    public var writeSeconds: Double = 5
    public var patienceSeconds: Double = 120
    public var shipInterval: Duration = .seconds(1)

    public init() {}

    /// Runs the drill on `register` (whose data directory is destroyed) with `vault`; restores
    /// into `restoreInto` (a directory that must not exist, with the same keys directory).
    public func run(register: Register, vault: any Vault, restoreInto: RegisterConfiguration) async throws -> DrillReport {
        // The register as it stands is shipped first, as a shipper that has been running would have.
        let catchUp = VaultShipper(register: register, vault: vault)
        try await catchUp.shipFullKeySnapshot()
        var chain = try await catchUp.verifiedChain()
        _ = try await catchUp.shipRound(extending: &chain)
        var shipper = ContinuousShipper(register: register, vaults: [vault])
        shipper.interval = shipInterval
        let stopShipping = StopSignal()
        let shippedSoFar = ShippedSoFar()
        let shipping = Task {
            await shipper.run(stop: stopShipping) { event in
                if case .shipped(_, let round, _) = event { shippedSoFar.advance(to: round.shippedThrough) }
            }
        }

        // Writes, each acknowledged with its ledger position and time.
        var acknowledged: [(number: String, sequence: UInt64, time: Int64)] = []
        let deadline = Date().addingTimeInterval(writeSeconds)
        let giveUp = Date().addingTimeInterval(max(writeSeconds, patienceSeconds))
        var index = 0
        func oneWriteShipped() -> Bool {
            guard let first = acknowledged.first else { return false }
            return shippedSoFar.value >= first.sequence
        }
        while Date() < deadline || (!oneWriteShipped() && Date() < giveUp) {
            index += 1
            var record = PersonRecord(
                category: .member, status: .active, identity: Identity(), joinDate: Day(iso: "2026-01-01"),
                region: "Drill", constituency: "Drill", branch: "Drill branch")
            record.identity.firstName = "Drill\(index)"
            record.identity.lastName = "Person"
            record.identity.email = "drill\(index)@example.invalid"
            let number = try await register.add(record)
            let head = try await register.store.read { try $0.ledgerHead().size }
            acknowledged.append((number, head, register.configuration.clock()))
        }
        // The attack: no warning, no last round. Shipping stops where it is.
        shipping.cancel()
        stopShipping.set()
        await shipping.value
        let shippedThrough = try await VaultShipper(register: register, vault: vault).shippedThrough()
        let head = try await register.store.read { try $0.ledgerHead().size }
        var report = DrillReport(acknowledged: acknowledged.count)
        report.shipped = acknowledged.filter { $0.sequence <= shippedThrough }.count
        report.rpoEntries = head - shippedThrough
        let lastShippedTime = try await register.store.read { tx in
            try tx.entry(sequence: shippedThrough).map { try LedgerEntry(encoded: $0).time }
        }
        if let lastShippedTime, let last = acknowledged.last, last.sequence > shippedThrough {
            report.rpoSeconds = Double(last.time - lastShippedTime) / 1000
        }

        // The expected register: the original as of the last shipped entry, from its own store.
        let keyring = try Keyring.load(from: register.configuration.keysDirectory)
        var expectedAt = restoreInto
        expectedAt.dataDirectory = restoreInto.dataDirectory + ".expected"
        let local = try await VerifiedBackup.local(register, through: shippedThrough)
        _ = try await Register.restore(local, into: expectedAt, until: .latest, keyring: keyring)
        report.expectedDigest = try await Register.open(expectedAt).stateDigest()
        try? FileManager.default.removeItem(atPath: expectedAt.dataDirectory)

        try Self.destroy(register.configuration.dataDirectory)

        report.restore = try await Register.restore(from: vault, into: restoreInto)
        let restored = try await Register.open(restoreInto)
        report.restoredDigest = try await restored.stateDigest()
        for write in acknowledged where write.sequence <= shippedThrough {
            if (try? await restored.branch(of: write.number)) == nil { report.lost += 1 }
        }
        return report
    }

    /// Overwrites every file under `directory` with random bytes, then deletes it all.
    static func destroy(_ directory: String) throws {
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        for file in files {
            let path = directory + "/" + file
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 else { continue }
            let noise = RandomPool.shared.bytes(4096)
            let scrambled = (0..<(size + 4095) / 4096).flatMap { _ in noise }.prefix(size)
            try? Data(scrambled).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.removeItem(atPath: directory)
    }
}

/// The furthest entry the drill's shipper has reported shipped.
private final class ShippedSoFar: Sendable {
    private let through = Mutex<UInt64>(0)
    var value: UInt64 { through.withLock { $0 } }
    func advance(to sequence: UInt64) { through.withLock { $0 = max($0, sequence) } }
}
