#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore
import MusterSystem
import MusterVault

/// Why a register snapshot was not used: the restore then replays every entry instead.
struct SnapshotRefusal: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// A register snapshot written into a hidden directory while the segments are verified; used
/// only once they are, and only if everything checks.
struct StagedSnapshot: Sendable {
    var name: String
    var manifest: RegisterSnapshotManifest
    /// Where it was written: the final directory with a hidden suffix.
    var target: RegisterConfiguration
    /// The fsync of the written file, left to run while the restore checks the file (its pages
    /// are in the page cache), and awaited before the directory is renamed into place.
    var synced: Task<Void, any Error>

    /// Removes the staged directory, once its fsync has finished with the file.
    func discard() async {
        _ = await synced.result
        try? FileManager.default.removeItem(atPath: target.dataDirectory)
    }
}

extension Register {
    /// Writes the newest register snapshot in `vault` with at most `limit` entries (if any) into
    /// a hidden directory beside `configuration`'s data directory. The parts are checked against
    /// the manifest and opened with the keys; anything wrong is a ``SnapshotRefusal``.
    static func stageSnapshot(
        from vault: any Vault, atMost limit: UInt64, into configuration: RegisterConfiguration, keyring: Keyring
    ) async throws -> StagedSnapshot? {
        let sealer = SecretSealer.registerSnapshots(keyring.master)
        guard let (name, manifest) = try await VaultShipper.newestRegisterSnapshot(in: vault, sealer: sealer, origin: nil, atMost: limit)
        else { return nil }
        var target = configuration
        target.dataDirectory = configuration.dataDirectory + ".restoring-" + Hex.encode(RandomPool.shared.bytes(4))
        do {
            try DirectoryLayout.makePrivateDirectory(target.dataDirectory)
            let path = target.databasePath
            try await writeDatabase(manifest, from: vault, to: path, sealer: sealer)
            let synced = Task.detached {
                let descriptor = systemOpen(path, O_RDONLY, 0)
                guard descriptor >= 0 else { throw RegisterError(.layout, "cannot open \(path): \(lastErrorText())") }
                defer { _ = systemClose(descriptor) }
                guard systemFsync(descriptor) == 0 else { throw RegisterError(.layout, "fsync of \(path): \(lastErrorText())") }
            }
            return StagedSnapshot(name: name, manifest: manifest, target: target, synced: synced)
        } catch let refusal as SnapshotRefusal {
            try? FileManager.default.removeItem(atPath: target.dataDirectory)
            throw SnapshotRefusal("\(name): \(refusal.message)")
        } catch {
            try? FileManager.default.removeItem(atPath: target.dataDirectory)
            throw error
        }
    }

    /// Finishes a restore from a staged snapshot and the verified entries after it, keeping the
    /// result only if it passes what `ledger verify` checks: every entry and its stored hash
    /// equal the segments' (which were verified, chain, roots and signatures, before this is
    /// called: the entries are not hashed again), every Merkle node equals the tree of those
    /// hashes, the checkpoints are the vault's, and the tables and key store equal a replay of
    /// the ledger. A snapshot
    /// is sealed with the register's keys, so only a holder of the keys could forge one; these
    /// checks are what stop a forged or damaged one. On any failure the staged directory goes.
    static func restore(
        _ backup: VerifiedBackup, from staged: StagedSnapshot, into configuration: RegisterConfiguration, entries count: Int,
        keyring: Keyring
    ) async throws -> RestoreReport {
        do {
            guard staged.manifest.origin.utf8.elementsEqual(backup.origin.utf8) else {
                throw SnapshotRefusal("\(staged.name): it is a snapshot of another log")
            }
            var report = try await replayTail(
                backup, after: staged.manifest.ledgerSize, through: count, into: staged.target, keyring: keyring)
            do {
                try await Register.open(staged.target).verifyRestored(backup.entries[..<count], leafHashes: backup.hashes[..<count])
            } catch {
                throw SnapshotRefusal("\(staged.name): the register it gives fails verification: \(Self.describe(error))")
            }
            try await staged.synced.value
            try FileManager.default.moveItem(atPath: staged.target.dataDirectory, toPath: configuration.dataDirectory)
            report.registerSnapshot = staged.name
            report.snapshotEntries = staged.manifest.ledgerSize
            return report
        } catch {
            await staged.discard()
            throw error
        }
    }

    /// Fetches, checks and opens each part in order and writes it to `path`.
    private static func writeDatabase(
        _ manifest: RegisterSnapshotManifest, from vault: any Vault, to path: String, sealer: SecretSealer
    ) async throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let file = FileHandle(forWritingAtPath: path)
        else { throw RegisterError(.layout, "cannot create \(path)") }
        defer { try? file.close() }
        var written: UInt64 = 0
        // Parts are fetched and opened two at a time, and written in order.
        try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            var next = 0  // the next part to start
            var wanted = 0  // the next part to write
            var ready: [Int: [UInt8]] = [:]
            // At most two parts beyond the one being waited for are held, whichever finishes first.
            func startWhileRoom() {
                while next < manifest.parts.count && next - wanted < 2 {
                    let index = next
                    next += 1
                    group.addTask { (index, try await openPart(index, of: manifest, from: vault, sealer: sealer)) }
                }
            }
            startWhileRoom()
            while let (index, bytes) = try await group.next() {
                ready[index] = bytes
                while let bytes = ready.removeValue(forKey: wanted) {
                    try file.write(contentsOf: bytes)
                    written += UInt64(bytes.count)
                    wanted += 1
                }
                startWhileRoom()
            }
        }
        guard written == manifest.fileBytes else {
            throw SnapshotRefusal("its parts hold \(written) bytes, its manifest says \(manifest.fileBytes)")
        }
    }

    /// Part `index` of `manifest`, fetched and opened: it opens only as this part of this
    /// snapshot (see ``RegisterSnapshotManifest``).
    private static func openPart(
        _ index: Int, of manifest: RegisterSnapshotManifest, from vault: any Vault, sealer: SecretSealer
    ) async throws -> [UInt8] {
        let name = manifest.parts[index]
        let sealed: [UInt8]
        do {
            sealed = try await vault.fetch(name: name)
        } catch {
            throw SnapshotRefusal("its part \(name) cannot be fetched: \(Self.describe(error))")
        }
        let owner = VaultShipper.partOwner(manifest.origin, id: manifest.id, ledgerSize: manifest.ledgerSize, index: index)
        guard let bytes = try? sealer.open(sealed, owner: owner) else {
            throw SnapshotRefusal("its part \(name) does not open as part \(index + 1) of this snapshot with these keys (damaged or replaced)")
        }
        return bytes
    }

    /// Checks the copied database against the verified entries, puts back the vault's
    /// checkpoints, and replays the entries after the snapshot, in one transaction.
    private static func replayTail(
        _ backup: VerifiedBackup, after snapshotSize: UInt64, through count: Int, into configuration: RegisterConfiguration,
        keyring: Keyring
    ) async throws -> RestoreReport {
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: configuration.databasePath, create: false, busyTimeout: configuration.busyTimeout)
            try store.forgetAccountsAndCheckpoints()
        } catch {
            throw SnapshotRefusal("it is not a database this version can open: \(Self.describe(error))")
        }
        let cipher = PersonCipher(keyring: keyring)
        // The key store as of the end, folded from the key-store snapshots only when someone
        // joined after the snapshot (the snapshot holds everyone else's key).
        let keys = count > Int(snapshotSize) ? try await backup.keys(asOf: UInt64(count)) : [:]
        let restoredAt = Timestamp(secondsSinceEpoch: configuration.clock() / 1000).description
        try await Self.checkCopy(store, against: backup, size: snapshotSize, fingerprint: keyring.master.fingerprint)
        return try await store.write { tx in
            var report = RestoreReport(segments: backup.segments)
            var rows: [SubjectID: (before: PersonRow?, after: PersonRow)] = [:]
            for bytes in backup.entries[Int(snapshotSize)..<count] {
                let entry = try Self.replay(bytes, into: tx)
                if let subject = entry.subject, Self.changesPerson(entry.kind) {
                    let before = try rows[subject]?.before ?? tx.person(id: subject)
                    let after = try Projection.apply(entry, to: rows[subject]?.after ?? before)
                    rows[subject] = (before, after)
                }
            }
            for checkpoint in backup.checkpoints where checkpoint.size <= UInt64(count) {
                try tx.putCheckpoint(size: checkpoint.size, text: checkpoint.text)
                report.checkpoint = checkpoint.text
            }
            for (id, change) in rows.sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
                var row = change.after
                if row.erasedAt == nil {
                    if change.before == nil {
                        guard let wrapped = keys[id.bytes] else {
                            throw RegisterError(.corrupt, "no key-store snapshot in the vault holds the data key of a person on the ledger")
                        }
                        try tx.putWrappedKey(wrapped, for: id)
                    }
                    row.indexes = cipher.indexes(for: try cipher.identity(of: row, in: tx))
                } else if change.before?.erasedAt == nil {
                    try tx.deleteWrappedKey(for: id)
                }
                if change.before == nil { try tx.insert(row) } else { try tx.update(row) }
            }
            report.lastEntryTime = try backup.entries[..<count].last.map { try LedgerEntry(encoded: $0).time }
            report.entries = UInt64(count)
            report.people = try tx.personCount()
            report.keys = try tx.wrappedKeyCount()
            try tx.setMetadata("restored_at", restoredAt)
            return report
        }
    }

    /// The copy belongs to these keys and this log, and its ledger is exactly the first
    /// `size` verified entries. The entries are compared in two halves at once, each in a read
    /// of its own (nothing else writes to the hidden copy).
    private static func checkCopy(_ store: SQLiteStore, against backup: VerifiedBackup, size: UInt64, fingerprint: String) async throws {
        let (origin, entries, hashes) = (backup.origin, backup.entries, backup.hashes)
        try await store.read { tx in
            guard try tx.metadata("key_fingerprint") == fingerprint, try tx.metadata("origin") == origin else {
                throw SnapshotRefusal("it is a copy of another register")
            }
            guard try tx.ledgerHead().size == size, size <= UInt64(entries.count), hashes.count == entries.count else {
                throw SnapshotRefusal("its ledger does not hold the \(size) entries its manifest says")
            }
        }
        @Sendable func compare(_ first: UInt64, _ last: UInt64) async throws {
            guard first <= last else { return }
            try await store.read { tx in
                try tx.forEachEntryInPlace(from: first, through: last) { row in
                    let sequence = row.sequence
                    guard Self.same(row.bytes, entries[Int(sequence) - 1]) else {
                        throw SnapshotRefusal("its entry \(sequence) differs from the vault's segments")
                    }
                    guard hashes[Int(sequence) - 1].equals(row.hash) else {
                        throw SnapshotRefusal("its entry \(sequence) is stored with a hash that is not the entry's")
                    }
                    do throws(LedgerError) {
                        try row.checkColumns()
                    } catch {
                        throw SnapshotRefusal("its entry \(sequence): \(error.message)")
                    }
                }
            }
        }
        async let lower: Void = compare(1, size / 2)
        async let upper: Void = compare(size / 2 + 1, size)
        // A difference in the first half is named before one in the second.
        try await lower
        try await upper
    }

    /// Whether `stored` holds exactly `verified` (a word-wise comparison: two hundred megabytes
    /// compared a byte at a time took a tenth of a restore).
    private static func same(_ stored: UnsafeRawBufferPointer, _ verified: [UInt8]) -> Bool {
        guard stored.count == verified.count else { return false }
        guard !verified.isEmpty else { return true }
        return verified.withUnsafeBytes { memcmp(stored.baseAddress!, $0.baseAddress!, stored.count) == 0 }
    }

    /// An error's message: Muster's errors name no personal data, and describe themselves.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as SnapshotRefusal: error.message
        case let error as any CustomStringConvertible: error.description
        default: String(describing: type(of: error))
        }
    }
}
