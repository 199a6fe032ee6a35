import Foundation
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// The restore's projection check over entries held in memory
/// (``LedgerAudit/checkProjection(_:heldEntries:threads:)``), tested directly: in a restore a
/// false alarm would only send the check to the slow path, so it would go unseen there.
@Suite struct HeldEntriesProjectionTests {
    static func check(_ test: TestRegister, threads: Int) async throws -> (people: Int, matches: Bool) {
        let entries = try await test.register.store.read { tx in
            var entries: [[UInt8]] = []
            try tx.forEachEntry(from: 1, through: try tx.ledgerHead().size) { _, bytes, _ in entries.append(bytes) }
            return entries
        }
        return try await LedgerAudit.checkProjection(test.register.store, heldEntries: entries[...], threads: threads)
    }

    @Test(arguments: [1, 2, 3])
    func anHonestRegisterMatches(threads: Int) async throws {
        let test = try await VerifyTests.busy()  // creates, updates, a status change, an erasure
        let result = try await Self.check(test, threads: threads)
        #expect(result.people == 13 && result.matches)
    }

    /// Rows are read in parts of rowid open at both ends: a row at any rowid is read once.
    @Test(arguments: [1, 2, 3])
    func rowsAtAnyRowidAreRead(threads: Int) async throws {
        let test = try await VerifyTests.busy()
        try VerifyTests.tamper(test, "UPDATE people SET rowid = -7 WHERE rowid = 2; UPDATE people SET rowid = 1000000 WHERE rowid = 9")
        let result = try await Self.check(test, threads: threads)
        #expect(result.people == 13 && result.matches)
    }

    @Test(arguments: [
        "UPDATE people SET branch = 'Elsewhere' WHERE rowid = 3",
        "UPDATE people SET version = version + 1 WHERE rowid = 3",
        "DELETE FROM people WHERE rowid = 4",
        "UPDATE people SET id = randomblob(16) WHERE rowid = 4",
        "DELETE FROM data_keys WHERE id = (SELECT id FROM people WHERE rowid = 5)",
        "INSERT INTO data_keys (id, wrapped) SELECT randomblob(16), wrapped FROM data_keys LIMIT 1",
        "INSERT INTO data_keys (id, wrapped) SELECT id, x'00' FROM people WHERE erased_at IS NOT NULL",
        // Malformed owners: short, and one byte past a real one (sorted right after it).
        "INSERT INTO data_keys (id, wrapped) VALUES (x'0102', x'00')",
        "INSERT INTO data_keys (id, wrapped) SELECT id || x'00', wrapped FROM data_keys LIMIT 1",
    ])
    func aDifferenceIsFound(edit: String) async throws {
        let test = try await VerifyTests.busy()
        try VerifyTests.tamper(test, edit)
        for threads in [1, 2] {
            #expect(try await Self.check(test, threads: threads).matches == false)
        }
    }

    /// A row twice, the same in every column (possible only in a damaged file: the number is
    /// unique, so the schema is edited to let it in), is found: every replayed row must be met
    /// exactly once.
    @Test func aRepeatedRowIsFound() async throws {
        let test = try await VerifyTests.busy()
        try VerifyTests.tamper(
            test,
            """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = replace(sql, 'number TEXT NOT NULL UNIQUE', 'number TEXT NOT NULL') WHERE name = 'people';
            DELETE FROM sqlite_master WHERE name = 'sqlite_autoindex_people_1' OR name = 'people_by_id';
            """)
        try VerifyTests.tamper(
            test, "INSERT INTO people (\(RegisterSnapshotTests.peopleColumns), id) SELECT \(RegisterSnapshotTests.peopleColumns), id FROM people WHERE rowid = 2")
        let reopened = try await Register.open(test.register.configuration)
        let entries = try await reopened.store.read { tx in
            var entries: [[UInt8]] = []
            try tx.forEachEntry(from: 1, through: try tx.ledgerHead().size) { _, bytes, _ in entries.append(bytes) }
            return entries
        }
        #expect(try await LedgerAudit.checkProjection(reopened.store, heldEntries: entries[...], threads: 1).matches == false)
    }
}
