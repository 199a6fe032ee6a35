import Foundation
import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore
public import MusterVault

extension Register {
    /// Restores a register from `vault` into `configuration`'s data directory (which must not
    /// exist) or PostgreSQL database (which must be empty), with the keys already in its keys
    /// directory (the original master and signing keys).
    ///
    /// Every segment is fetched and verified (hashes, chain, signatures, Merkle roots, no gaps)
    /// before anything is written. Into SQLite, when the vault holds a register snapshot at or
    /// before the point, the restore starts from it and replays only the entries after it, and
    /// keeps the result only if it passes everything `ledger verify` checks (see
    /// ``restore(_:from:into:entries:keyring:)``); a snapshot that fails is reported
    /// and the restore replays every entry instead. Replaying writes the entries in one
    /// transaction, with the key store from the key-store snapshots, and rebuilds the tables.
    /// A restore that fails leaves nothing that looks like a register: SQLite work happens in a
    /// hidden directory that is renamed into place only at the end, PostgreSQL work in one
    /// transaction.
    public static func restore(
        from vault: any Vault, into configuration: RegisterConfiguration, until point: RestorePoint = .latest
    ) async throws -> RestoreReport {
        try await restore(from: vault, verified: nil, into: configuration, until: point)
    }

    /// ``restore(from:into:until:)``, with `vault`'s segments already fetched and verified up
    /// to `point` when `verified` is given (a restore that chose among several vaults).
    static func restore(
        from vault: any Vault, verified: VerifiedBackup?, into configuration: RegisterConfiguration, until point: RestorePoint
    ) async throws -> RestoreReport {
        let started = Date()
        let keyring = try Keyring.load(from: configuration.keysDirectory)
        // The register snapshot is written while the segments are verified: the two are
        // independent until the snapshot's ledger is compared with the verified entries.
        var staging: Task<StagedSnapshot?, any Error>?
        if configuration.database == nil {
            guard !FileManager.default.fileExists(atPath: configuration.dataDirectory) else {
                throw RegisterError(.layout, "\(configuration.dataDirectory) already exists: restore into a new directory")
            }
            try DirectoryLayout.checkSeparate(data: configuration.dataDirectory, keys: configuration.keysDirectory)
            let limit: UInt64 = if case .entry(let n) = point { n } else { .max }
            staging = Task { try await stageSnapshot(from: vault, atMost: limit, into: configuration, keyring: keyring) }
        }
        let backup: VerifiedBackup
        let kept: Int
        do {
            if let verified { backup = verified } else { backup = try await VerifiedBackup.fetch(from: vault, keyring: keyring, point: point) }
            kept = try backup.count(upTo: point)
        } catch {
            if let staged = try? await staging?.value { await staged.discard() }
            throw error
        }
        var refused: String?
        switch await staging?.result {
        case .success(let staged?) where staged.manifest.ledgerSize <= UInt64(kept) && kept > 0:
            do {
                var report = try await restore(backup, from: staged, into: configuration, entries: kept, keyring: keyring)
                report.seconds = Date().timeIntervalSince(started)
                return report
            } catch let refusal as SnapshotRefusal {
                refused = refusal.message
            }
        case .success(let staged?):  // after the point asked for (a time before it)
            await staged.discard()
        case .failure(let refusal as SnapshotRefusal):
            refused = refusal.message
        case .failure(let error):
            refused = Self.describe(error)
        case .success(nil), nil:
            break
        }
        var report = try await restore(backup, into: configuration, until: point, keyring: keyring)
        report.refusedSnapshot = refused
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Replays `backup` (fetched and verified, or read from a register) into a new register.
    static func restore(
        _ backup: VerifiedBackup, into configuration: RegisterConfiguration, until point: RestorePoint, keyring: Keyring
    ) async throws -> RestoreReport {
        let kept = try backup.count(upTo: point)
        guard kept > 0 else { throw RegisterError(.notFound, "the vault holds no entries before that point") }

        var target = configuration
        let finalDirectory = configuration.dataDirectory
        if configuration.database == nil {
            guard !FileManager.default.fileExists(atPath: finalDirectory) else {
                throw RegisterError(.layout, "\(finalDirectory) already exists: restore into a new directory")
            }
            target.dataDirectory = finalDirectory + ".restoring-" + Hex.encode(RandomPool.shared.bytes(4))
        }
        do {
            let report = try await replay(backup, entries: kept, into: target, keyring: keyring)
            if configuration.database == nil {
                try FileManager.default.moveItem(atPath: target.dataDirectory, toPath: finalDirectory)
            }
            return report
        } catch {
            if configuration.database == nil { try? FileManager.default.removeItem(atPath: target.dataDirectory) }
            throw error
        }
    }

    /// Appends the verified entry `bytes` to `tx`'s ledger, which must give exactly those bytes
    /// (the same sequence, the same link to the entry before), and returns it decoded.
    static func replay(_ bytes: [UInt8], into tx: any StoreWriting) throws -> LedgerEntry {
        let entry = try LedgerEntry(encoded: bytes)
        let sealed = try tx.append(
            EntryDraft(time: entry.time, actor: entry.actor, kind: entry.kind, subject: entry.subject, payload: entry.payload))
        guard sealed.bytes == bytes else {
            throw RegisterError(.corrupt, "entry \(entry.sequence) does not replay to the same bytes")
        }
        return entry
    }

    /// Whether an entry of `kind` changes a person's row (the kinds `Projection.apply` takes).
    static func changesPerson(_ kind: EntryKind) -> Bool {
        switch kind {
        case .create, .update, .statusChange, .erase: true
        case .importBatch, .disclosure, .staff: false
        }
    }

    /// Writes the first `count` verified entries, their checkpoints, the key store and the tables.
    private static func replay(
        _ backup: VerifiedBackup, entries count: Int, into configuration: RegisterConfiguration, keyring: Keyring
    ) async throws -> RestoreReport {
        try DirectoryLayout.checkSeparate(data: configuration.dataDirectory, keys: configuration.keysDirectory)
        let store = try await openStore(configuration, create: true)
        let cipher = PersonCipher(keyring: keyring)
        let restoredAt = Timestamp(secondsSinceEpoch: configuration.clock() / 1000).description
        let keys = try await backup.keys(asOf: UInt64(count))
        let report = try await store.write { tx in
            guard try tx.ledgerHead() == .empty, try tx.metadata("key_fingerprint") == nil else {
                throw RegisterError(.layout, "that database already holds a register")
            }
            try tx.beginBulkWrites(expectedRows: count)
            var report = RestoreReport(segments: backup.segments)
            // Each person's row is folded up as their entries pass, with the same
            // `Projection.apply` a rebuild uses: reading the ledger back by person afterwards
            // (a sort of every entry) cost a fifth of the restore.
            var rows: [SubjectID: PersonRow] = [:]
            for bytes in backup.entries.prefix(count) {
                let entry = try Self.replay(bytes, into: tx)
                if let subject = entry.subject, Self.changesPerson(entry.kind) {
                    rows[subject] = try Projection.apply(entry, to: rows[subject])
                }
                report.lastEntryTime = entry.time
            }
            let living = rows.values.filter { $0.erasedAt == nil }.map(\.id)
            // The tables are rebuilt by reading the ledger by person, through indexes a bulk
            // write may have set aside: rebuild those first.
            try tx.endBulkWrites()
            try tx.beginBulkWrites(expectedRows: 0)
            for checkpoint in backup.checkpoints where checkpoint.size <= UInt64(count) {
                try tx.putCheckpoint(size: checkpoint.size, text: checkpoint.text)
                report.checkpoint = checkpoint.text
            }
            for id in living {
                guard let wrapped = keys[id.bytes] else {
                    throw RegisterError(.corrupt, "no key-store snapshot in the vault holds the data key of a person on the ledger")
                }
                try tx.putWrappedKey(wrapped, for: id)
            }
            // In id order, as a rebuild writes them (and kinder to the primary key's B-tree).
            for var row in rows.values.sorted(by: { $0.id.bytes.lexicographicallyPrecedes($1.id.bytes) }) {
                if row.erasedAt == nil { row.indexes = cipher.indexes(for: try cipher.identity(of: row, in: tx)) }
                try tx.insert(row)
                report.people += 1
            }
            try tx.endBulkWrites()
            try tx.setMetadata("key_fingerprint", keyring.master.fingerprint)
            try tx.setMetadata("origin", backup.origin)
            try tx.setMetadata("created_at", restoredAt)
            try tx.setMetadata("restored_at", restoredAt)
            report.entries = UInt64(count)
            report.keys = living.count
            return report
        }
        await LedgerWriter.settle(store)
        return report
    }
}
