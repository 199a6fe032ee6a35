import Crypto
import Foundation
import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore
import MusterVault

/// Why a register snapshot was not used: the restore then replays every entry instead.
struct SnapshotRefusal: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension Register {
    /// Restores from a register snapshot (a sealed copy of a SQLite register) plus the verified
    /// entries after it, in a hidden directory renamed into place only after the result passes
    /// the full `verify`: every entry equals the segments' (which were verified, chain, roots
    /// and signatures, before this starts), every hash, Merkle node and checkpoint, and the
    /// tables and key store against a replay of the ledger. A snapshot is sealed with the
    /// register's keys, so only a holder of the keys could forge one; the checks are what
    /// stop a forged or damaged one, which is refused (``SnapshotRefusal``), leaving nothing.
    static func restore(
        _ backup: VerifiedBackup, snapshot: (name: String, manifest: RegisterSnapshotManifest), from vault: any Vault,
        into configuration: RegisterConfiguration, entries count: Int, keyring: Keyring
    ) async throws -> RestoreReport {
        let finalDirectory = configuration.dataDirectory
        guard !FileManager.default.fileExists(atPath: finalDirectory) else {
            throw RegisterError(.layout, "\(finalDirectory) already exists: restore into a new directory")
        }
        try DirectoryLayout.checkSeparate(data: configuration.dataDirectory, keys: configuration.keysDirectory)
        var target = configuration
        target.dataDirectory = finalDirectory + ".restoring-" + Hex.encode(RandomPool.shared.bytes(4))
        do {
            try DirectoryLayout.makePrivateDirectory(target.dataDirectory)
            try await writeDatabase(snapshot, from: vault, to: target.databasePath, sealer: .registerSnapshots(keyring.master), origin: backup.origin)
            var report = try await replayTail(backup, after: snapshot.manifest.ledgerSize, through: count, into: target, keyring: keyring)
            do {
                _ = try await Register.open(target).verify()
            } catch {
                throw SnapshotRefusal("the register it gives fails verification: \(Self.describe(error))")
            }
            try FileManager.default.moveItem(atPath: target.dataDirectory, toPath: finalDirectory)
            report.registerSnapshot = snapshot.name
            report.snapshotEntries = snapshot.manifest.ledgerSize
            return report
        } catch {
            try? FileManager.default.removeItem(atPath: target.dataDirectory)
            throw error
        }
    }

    /// Fetches, checks and opens each part in order and writes it to `path`, then fsyncs.
    private static func writeDatabase(
        _ snapshot: (name: String, manifest: RegisterSnapshotManifest), from vault: any Vault, to path: String,
        sealer: SecretSealer, origin: String
    ) async throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let file = FileHandle(forWritingAtPath: path)
        else { throw RegisterError(.layout, "cannot create \(path)") }
        defer { try? file.close() }
        var written: UInt64 = 0
        for (index, part) in snapshot.manifest.parts.enumerated() {
            let sealed: [UInt8]
            do {
                sealed = try await vault.fetch(name: part.name)
            } catch {
                throw SnapshotRefusal("its part \(part.name) cannot be fetched: \(Self.describe(error))")
            }
            guard Array(SHA256.hash(data: sealed)) == part.digest else {
                throw SnapshotRefusal("its part \(part.name) is not the one its manifest names (damaged or replaced)")
            }
            let owner = VaultShipper.partOwner(origin, ledgerSize: snapshot.manifest.ledgerSize, index: index)
            guard let bytes = try? sealer.open(sealed, owner: owner) else {
                throw SnapshotRefusal("its part \(part.name) does not open with these keys")
            }
            try file.write(contentsOf: bytes)
            written += UInt64(bytes.count)
        }
        guard written == snapshot.manifest.fileBytes else {
            throw SnapshotRefusal("its parts hold \(written) bytes, its manifest says \(snapshot.manifest.fileBytes)")
        }
        try file.synchronize()
    }

    /// Checks the copied database against the verified entries, puts back the vault's
    /// checkpoints, and replays the entries after the snapshot, in one transaction.
    private static func replayTail(
        _ backup: VerifiedBackup, after snapshotSize: UInt64, through count: Int, into configuration: RegisterConfiguration,
        keyring: Keyring
    ) async throws -> RestoreReport {
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: configuration.databasePath, create: false)
            try store.forgetAccountsAndCheckpoints()
        } catch {
            throw SnapshotRefusal("it is not a database this version can open: \(Self.describe(error))")
        }
        let cipher = PersonCipher(keyring: keyring)
        let keys = backup.keys(asOf: UInt64(count))
        let restoredAt = Timestamp(secondsSinceEpoch: configuration.clock() / 1000).description
        return try await store.write { tx in
            try Self.checkCopy(tx, against: backup, size: snapshotSize, fingerprint: keyring.master.fingerprint)
            var report = RestoreReport(segments: backup.segments)
            var rows: [SubjectID: (before: PersonRow?, after: PersonRow)] = [:]
            for bytes in backup.entries[Int(snapshotSize)..<count] {
                let entry = try LedgerEntry(encoded: bytes)
                let sealed = try tx.append(
                    EntryDraft(time: entry.time, actor: entry.actor, kind: entry.kind, subject: entry.subject, payload: entry.payload))
                guard sealed.bytes == bytes else {
                    throw RegisterError(.corrupt, "entry \(entry.sequence) does not replay to the same bytes")
                }
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
    /// `size` verified entries.
    private static func checkCopy(_ tx: any StoreWriting, against backup: VerifiedBackup, size: UInt64, fingerprint: String) throws {
        guard try tx.metadata("key_fingerprint") == fingerprint, try tx.metadata("origin") == backup.origin else {
            throw SnapshotRefusal("it is a copy of another register")
        }
        guard try tx.ledgerHead().size == size, size <= UInt64(backup.entries.count) else {
            throw SnapshotRefusal("its ledger does not hold the \(size) entries its manifest says")
        }
        try tx.forEachEntryInPlace(from: 1, through: size) { sequence, bytes, _ in
            guard bytes.elementsEqual(backup.entries[Int(sequence) - 1]) else {
                throw SnapshotRefusal("its entry \(sequence) differs from the vault's segments")
            }
        }
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
