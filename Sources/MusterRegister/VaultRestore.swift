import Foundation
import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore
import MusterVault

/// How far a restore goes: everything, up to an entry, or up to a time.
public enum RestorePoint: Sendable, Equatable {
    case latest
    case entry(UInt64)
    /// Milliseconds since the epoch: the last entry at or before it.
    case time(Int64)
}

/// What a restore did.
public struct RestoreReport: Sendable {
    public var segments = 0
    public var entries: UInt64 = 0
    public var people = 0
    public var keys = 0
    /// The time of the last entry restored (milliseconds since the epoch).
    public var lastEntryTime: Int64?
    public var seconds = 0.0
    /// The checkpoint of the latest segment restored whole, as signed.
    public var checkpoint: String?
    /// The register snapshot the restore started from (its manifest's name), if any, and the
    /// entries it held: only the entries after it were replayed.
    public var registerSnapshot: String?
    public var snapshotEntries: UInt64 = 0
    /// A register snapshot that was refused, and why: the restore replayed every entry instead.
    public var refusedSnapshot: String?
    /// When several vaults were given: the one restored from, and those passed over (a vault
    /// and what was wrong with it, such as a tampered or missing segment).
    public var vault: String?
    public var passedOver: [String] = []
}

/// Everything a restore has fetched and verified before it writes anything.
struct VerifiedBackup {
    var origin: String
    var entries: [[UInt8]] = []
    /// Each entry's hash (its Merkle leaf hash), computed once when its segment was verified;
    /// empty for a ``local(_:through:)`` backup, which is only ever replayed.
    var hashes: [EntryHash] = []
    var checkpoints: [(size: UInt64, text: String)] = []
    var segments = 0
    /// Where the key-store snapshots come from. A vault's are fetched only when a restore
    /// needs a key: one from a register snapshot with no newcomer after it needs none, and
    /// the snapshots of a large register are tens of megabytes to fetch and open.
    var keySnapshots: KeySnapshotSource

    enum KeySnapshotSource {
        case vault(any Vault, Keyring)
        case loaded([KeyStoreSnapshot])
    }

    /// Fetches every segment in order, checks that none is missing, and verifies each one
    /// (hashes, chain, signature, root) against what came before; stops after the segment that
    /// holds `point`. The key-store snapshots are fetched later, if needed (``keys(asOf:)``).
    static func fetch(from vault: any Vault, keyring: Keyring, point: RestorePoint) async throws -> VerifiedBackup {
        let names = try await vault.names(prefix: SegmentName.prefix).map { try SegmentName(parsing: $0) }.sorted()
        guard let first = names.first else { throw RegisterError(.notFound, "the vault \(vault.location) holds no segments") }
        let firstSegment = try await Self.segment(first, from: vault)
        var backup = VerifiedBackup(origin: firstSegment.origin, keySnapshots: .vault(vault, keyring))
        let verifier = try NoteVerifier(verifierKey: try Checkpointer(keyring: keyring, origin: backup.origin).verifierKey)
        var chain = SegmentChain(origin: backup.origin, verifier: verifier)
        var previous: SegmentName?
        for name in names {
            let expected = (previous?.last ?? 0) + 1
            guard name.first == expected else {
                let after = previous.map { " (after \($0.fileName))" } ?? ""
                throw RegisterError(.corrupt, "the vault is missing entries \(expected)–\(name.first - 1)\(after): a segment is gone")
            }
            let segment = name == first ? firstSegment : try await Self.segment(name, from: vault)
            do {
                try chain.accept(segment, leafHashes: &backup.hashes)
            } catch {
                throw RegisterError(.corrupt, "segment \(name.fileName) fails verification: \(error.message)")
            }
            backup.entries += segment.entries
            backup.checkpoints.append((segment.lastSequence, segment.checkpoint))
            backup.segments += 1
            previous = name
            if try backup.reached(point) { break }
        }
        return backup
    }

    /// Every key-store snapshot in `vault`, opened with `keyring`.
    private static func keySnapshots(in vault: any Vault, keyring: Keyring, origin: String) async throws -> [KeyStoreSnapshot] {
        let sealer = SecretSealer.keyStoreSnapshots(keyring.master)
        var snapshots: [KeyStoreSnapshot] = []
        for name in try await vault.names(prefix: VaultShipper.keySnapshotPrefix) {
            do {
                let opened = try sealer.open(try await vault.fetch(name: name), owner: Array(origin.utf8))
                snapshots.append(try KeyStoreSnapshot(encoded: opened))
            } catch {
                throw RegisterError(.corrupt, "key-store snapshot \(name) cannot be opened with these keys")
            }
        }
        return snapshots
    }

    /// The first `size` entries, their checkpoints and the whole key store of `register`, read
    /// straight from its store (the drill's expected state: no vault involved).
    static func local(_ register: Register, through size: UInt64) async throws -> VerifiedBackup {
        let origin = register.origin
        return try await register.store.read { tx in
            var backup = VerifiedBackup(origin: origin, keySnapshots: .loaded([]))
            var keys: [(id: [UInt8], wrapped: [UInt8])] = []
            try tx.forEachEntry(from: 1, through: size) { _, bytes, _ in backup.entries.append(bytes) }
            try tx.forEachCheckpoint { checkpointSize, text in
                if checkpointSize <= size { backup.checkpoints.append((checkpointSize, text)) }
            }
            try tx.forEachWrappedKey { keys.append(($0.bytes, $1)) }
            backup.keySnapshots = .loaded([KeyStoreSnapshot(kind: .full, ledgerSize: try tx.ledgerHead().size, keys: keys)])
            return backup
        }
    }

    private static func segment(_ name: SegmentName, from vault: any Vault) async throws -> Segment {
        do {
            return try Segment(encoded: try await vault.fetch(name: name.fileName), name: name.fileName)
        } catch let error as VaultError {
            throw RegisterError(.corrupt, "segment \(name.fileName) is damaged: \(error.message)")
        }
    }

    /// Whether the entries fetched so far reach `point`.
    private func reached(_ point: RestorePoint) throws -> Bool {
        switch point {
        case .latest: return false
        case .entry(let n): return UInt64(entries.count) >= n
        case .time(let limit):
            guard let last = entries.last else { return false }
            return try LedgerEntry(encoded: last).time > limit
        }
    }

    /// How many entries the restore keeps.
    func count(upTo point: RestorePoint) throws -> Int {
        switch point {
        case .latest: return entries.count
        case .entry(let n): return Int(min(n, UInt64(entries.count)))
        case .time(let limit):
            var kept = 0
            for bytes in entries {
                guard try LedgerEntry(encoded: bytes).time <= limit else { break }
                kept += 1
            }
            return kept
        }
    }

    /// The wrapped data keys as of entry `size`: the newest full snapshot at or before it (or
    /// the oldest there is), then each later delta: whole when it ends at or before `size`,
    /// only its additions when it ends after (its erasures had not happened yet).
    func keys(asOf size: UInt64) async throws -> [[UInt8]: [UInt8]] {
        let snapshots: [KeyStoreSnapshot]
        switch keySnapshots {
        case .vault(let vault, let keyring): snapshots = try await Self.keySnapshots(in: vault, keyring: keyring, origin: origin)
        case .loaded(let loaded): snapshots = loaded
        }
        let fulls = snapshots.filter { $0.kind == .full }.sorted { $0.ledgerSize < $1.ledgerSize }
        let base = fulls.last { $0.ledgerSize <= size } ?? fulls.first
        var keys: [[UInt8]: [UInt8]] = [:]
        for (id, wrapped) in base?.keys ?? [] { keys[id] = wrapped }
        let deltas = snapshots.filter { $0.kind == .delta && $0.ledgerSize > (base?.ledgerSize ?? 0) }.sorted { $0.ledgerSize < $1.ledgerSize }
        for delta in deltas {
            for (id, wrapped) in delta.keys { keys[id] = wrapped }
            if delta.ledgerSize <= size { for id in delta.removed { keys[id] = nil } }
        }
        return keys
    }
}
