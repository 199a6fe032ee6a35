public import Foundation
import MusterCrypto
import MusterLedger
import MusterStore
import MusterVault

extension VaultShipper {
    /// How long key-store snapshots are kept (and so how long an erasure takes to reach every
    /// backup): 30 days unless configured.
    public static let defaultRetention: TimeInterval = 30 * 24 * 3600

    /// Sends a full key-store snapshot (every wrapped data key), sealed. Taken when shipping
    /// starts and at least daily, so the retention can drop everything older.
    @discardableResult
    public func shipFullKeySnapshot() async throws -> (name: String, keys: Int) {
        let snapshot = try await register.store.read { tx in
            var keys: [(id: [UInt8], wrapped: [UInt8])] = []
            try tx.forEachWrappedKey { keys.append(($0.bytes, $1)) }
            return KeyStoreSnapshot(kind: .full, ledgerSize: try tx.ledgerHead().size, keys: keys)
        }
        let name = try await vault.storeSnapshot(prefix: Self.keySnapshotPrefix, bytes: try seal(snapshot))
        return (name, snapshot.keys.count)
    }

    /// Applies the retention: full snapshots older than `retention` go (the newest always
    /// stays), and so do deltas older than the oldest full snapshot left, which nothing needs.
    public func applyRetention(_ retention: TimeInterval = defaultRetention, now: Date = Date()) async throws -> [String] {
        let all = try await vault.names(prefix: Self.keySnapshotPrefix)
        var fulls: [SnapshotName] = []
        for name in all {
            guard let parsed = SnapshotName(parsing: name, prefix: Self.keySnapshotPrefix) else { continue }
            if try open(try await vault.fetch(name: name)).kind == .full { fulls.append(parsed) }
        }
        guard let newestFull = fulls.max() else { return [] }
        let cutoff = min(now.addingTimeInterval(-retention), newestFull.time)
        let oldestKept = fulls.filter { $0.time >= cutoff }.min() ?? newestFull
        // Everything older than the oldest full snapshot kept: old full snapshots, and deltas
        // that no kept full snapshot can be completed with. Segments are never touched.
        return try await vault.pruneSnapshots(prefix: Self.keySnapshotPrefix, olderThan: oldestKept.time, keepingNewest: 1)
    }

    /// The wrapped keys of the people `segment` creates (still in the key store) and the ids it
    /// erases, as a delta snapshot; nothing is sent when the segment creates and erases no one.
    func shipKeyDelta(for segment: Segment) async throws {
        var created: [SubjectID] = []
        var erased: [[UInt8]] = []
        for bytes in segment.entries {
            let entry = try LedgerEntry(encoded: bytes)
            guard let subject = entry.subject else { continue }
            if entry.kind == .create { created.append(subject) }
            if entry.kind == .erase { erased.append(subject.bytes) }
        }
        guard !created.isEmpty || !erased.isEmpty else { return }
        let newcomers = created
        let keys = try await register.store.read { tx in
            try newcomers.compactMap { id in try tx.wrappedKey(for: id).map { (id: id.bytes, wrapped: $0) } }
        }
        let delta = KeyStoreSnapshot(kind: .delta, ledgerSize: segment.lastSequence, keys: keys, removed: erased)
        _ = try await vault.storeSnapshot(prefix: Self.keySnapshotPrefix, bytes: try seal(delta))
    }

    func seal(_ snapshot: KeyStoreSnapshot) throws -> [UInt8] {
        try Self.sealer(register).seal(snapshot.encode(), owner: Array(register.origin.utf8))
    }

    func open(_ bytes: [UInt8]) throws -> KeyStoreSnapshot {
        try KeyStoreSnapshot(encoded: try Self.sealer(register).open(bytes, owner: Array(register.origin.utf8)))
    }

    static func sealer(_ register: Register) throws -> SecretSealer {
        guard let keyring = register.keyring else {
            throw RegisterError(.keys, "the key store cannot be backed up without the keys directory")
        }
        return SecretSealer.keyStoreSnapshots(keyring.master)
    }
}
