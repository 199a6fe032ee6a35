import Foundation
import MusterCrypto
import MusterLedger
import MusterStore
import MusterVault

/// What one register snapshot sent to a vault.
public struct RegisterSnapshotShipped: Sendable, Equatable {
    /// The vault name of its manifest.
    public var name: String
    /// The ledger entries the copied database holds.
    public var ledgerSize: UInt64
    /// The size of the copied database file.
    public var bytes: UInt64
}

extension VaultShipper {
    public static let registerSnapshotPrefix = RegisterSnapshotManifest.namePrefix
    public static let registerPartPrefix = RegisterSnapshotManifest.partPrefix
    /// Parts are sealed and sent one at a time: memory stays at a few parts, and each is far
    /// below a vault server's upload limit. 8 MiB rather than more: glibc serves blocks under
    /// 32 MiB from memory it reuses, while a larger one is a fresh mapping every time, and the
    /// page faults of four fresh 32 MiB buffers per part cost a restore a fifth of its time.
    public static let defaultRegisterPartBytes = 8 << 20

    /// Sends a sealed copy of the whole database (SQLite registers only), so that a restore
    /// can start from it and replay only the entries after it, instead of every entry. Taken
    /// with the full key-store snapshot (when shipping starts and daily); skipped when the
    /// newest one in the vault already holds every entry. Returns `nil` when nothing was sent.
    ///
    /// The copy is written next to the database (owner-only, the same content the database
    /// holds) and removed once sent, whatever happens.
    @discardableResult
    public func shipRegisterSnapshot() async throws -> RegisterSnapshotShipped? {
        guard let store = register.store as? SQLiteStore else { return nil }
        let head = try await register.store.read { try $0.ledgerHead().size }
        let sealer = try Self.registerSealer(register)
        if let newest = try await Self.newestRegisterSnapshot(in: vault, sealer: sealer, origin: register.origin),
            newest.manifest.ledgerSize >= head
        {
            return nil
        }
        Self.removeStaleCopies(in: register.configuration.dataDirectory)
        let copyPath = register.configuration.dataDirectory + "/" + Self.copyPrefix + Hex.encode(RandomPool.shared.bytes(8)) + ".sqlite"
        defer { try? FileManager.default.removeItem(atPath: copyPath) }
        let ledgerSize = try store.copy(to: copyPath)
        guard let file = FileHandle(forReadingAtPath: copyPath) else {
            throw RegisterError(.layout, "cannot read the database copy \(copyPath)")
        }
        defer { try? file.close() }
        let id = RandomPool.shared.bytes(RegisterSnapshotManifest.idBytes)
        var parts: [String] = []
        var fileBytes: UInt64 = 0
        while let chunk = try file.read(upToCount: registerPartBytes), !chunk.isEmpty {
            let owner = Self.partOwner(register.origin, id: id, ledgerSize: ledgerSize, index: parts.count)
            parts.append(try await vault.storeSnapshot(prefix: Self.registerPartPrefix, bytes: sealer.seal(Array(chunk), owner: owner)))
            fileBytes += UInt64(chunk.count)
        }
        let manifest = RegisterSnapshotManifest(origin: register.origin, id: id, ledgerSize: ledgerSize, fileBytes: fileBytes, parts: parts)
        let sealed = sealer.seal(manifest.encode(), owner: Self.manifestOwner)
        let name = try await vault.storeSnapshot(prefix: Self.registerSnapshotPrefix, bytes: sealed)
        return RegisterSnapshotShipped(name: name, ledgerSize: ledgerSize, bytes: fileBytes)
    }

    /// The vault's register snapshot of `origin` (any origin when `nil`) with the most entries,
    /// up to `limit`, that opens with these keys; `nil` when there is none. A manifest that does
    /// not open (damaged, or another register's) is passed over: segments are the truth, and a
    /// restore can always replay them.
    static func newestRegisterSnapshot(
        in vault: any Vault, sealer: SecretSealer, origin: String?, atMost limit: UInt64 = .max
    ) async throws -> (name: String, manifest: RegisterSnapshotManifest)? {
        var best: (name: String, manifest: RegisterSnapshotManifest)?
        for name in try await vault.names(prefix: registerSnapshotPrefix) {
            guard SnapshotName(parsing: name, prefix: registerSnapshotPrefix) != nil,
                let opened = try? sealer.open(try await vault.fetch(name: name), owner: manifestOwner),
                let manifest = try? RegisterSnapshotManifest(encoded: opened),
                manifest.ledgerSize <= limit, origin.map({ manifest.origin.utf8.elementsEqual($0.utf8) }) ?? true
            else { continue }
            if manifest.ledgerSize >= (best?.manifest.ledgerSize ?? 0) { best = (name, manifest) }
        }
        return best
    }

    /// Applies the retention to register snapshots, as to key-store snapshots (they hold the
    /// key store too): manifests older than `retention` go, the newest always stays; then every
    /// part older than the oldest part a kept manifest needs (parts of uploads that never
    /// finished, and of manifests pruned).
    func applyRegisterRetention(_ retention: TimeInterval, now: Date) async throws -> [String] {
        let sealer = try Self.registerSealer(register)
        var removed = try await vault.pruneSnapshots(
            prefix: Self.registerSnapshotPrefix, olderThan: now.addingTimeInterval(-retention), keepingNewest: 1)
        var oldestNeeded: Date?
        for name in try await vault.names(prefix: Self.registerSnapshotPrefix) {
            guard let opened = try? sealer.open(try await vault.fetch(name: name), owner: Self.manifestOwner),
                let manifest = try? RegisterSnapshotManifest(encoded: opened)
            else { continue }
            for part in manifest.parts {
                guard let time = SnapshotName(parsing: part, prefix: Self.registerPartPrefix)?.time else { continue }
                oldestNeeded = min(oldestNeeded ?? time, time)
            }
        }
        removed += try await vault.pruneSnapshots(
            prefix: Self.registerPartPrefix, olderThan: oldestNeeded ?? now.addingTimeInterval(-retention), keepingNewest: 1)
        return removed
    }

    /// Database copies are named `.snapshot-<random>.sqlite` in the data directory.
    static let copyPrefix = ".snapshot-"

    /// Removes copies a crash left behind. Only those a day old: another shipper (one per
    /// vault, or another process) may be sending one right now.
    static func removeStaleCopies(in directory: String, now: Date = Date()) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in files where name.hasPrefix(copyPrefix) {
            let path = directory + "/" + name
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, now.timeIntervalSince(modified) > 24 * 3600 { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    static func registerSealer(_ register: Register) throws -> SecretSealer {
        guard let keyring = register.keyring else {
            throw RegisterError(.keys, "the register cannot be backed up without the keys directory")
        }
        return SecretSealer.registerSnapshots(keyring.master)
    }

    /// What a part is bound to: its register, its snapshot (by the manifest's random id), the
    /// snapshot's ledger size and its place, so a part opens only as itself.
    static func partOwner(_ origin: String, id: [UInt8], ledgerSize: UInt64, index: Int) -> [UInt8] {
        Array("\(origin)\nregister snapshot part\n\(Hex.encode(id))\n\(ledgerSize)\n\(index)".utf8)
    }

    /// A manifest names its register inside: a restore opens it before it knows the origin.
    static let manifestOwner = Array("register snapshot manifest".utf8)
}
