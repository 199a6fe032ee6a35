import Foundation
import GRDB
import MusterSystem

extension SQLiteStore {
    /// Writes a consistent copy of the database to `path` (which must not exist) while writes
    /// go on, and returns the number of ledger entries the copy holds.
    ///
    /// `VACUUM INTO` reads one snapshot of the database and writes it packed, without free
    /// pages (which `secure_delete` has zeroed anyway). The file is created owner-only first:
    /// it holds what the database holds, and SQLite would create it with the umask's mode.
    public func copy(to path: String) throws -> UInt64 {
        let descriptor = systemOpen(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(.io, "cannot create the database copy at \(path): \(lastErrorText())")
        }
        _ = systemClose(descriptor)
        do {
            // VACUUM refuses to run inside a transaction, and GRDB's reads open one.
            try pool.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            var configuration = Configuration()
            configuration.readonly = true
            let copy = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? copy.close() }
            return try copy.read { db in try UInt64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM ledger") ?? 0 }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError(.io, "cannot copy the register database: \(SQLiteStore.describe(error))")
        }
    }
}

extension SQLiteStore {
    /// Empties what a restored copy must not carry over from the database it was copied from:
    /// staff accounts and their sessions (not on the ledger, so nothing could check them) and
    /// the checkpoints (the restore puts back the ones the vault verified).
    public func forgetAccountsAndCheckpoints() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM access_tokens; DELETE FROM staff; DELETE FROM checkpoints")
        }
    }
}
