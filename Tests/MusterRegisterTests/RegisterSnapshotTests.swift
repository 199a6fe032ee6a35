import Foundation
import MusterCore
import MusterStore
import MusterTesting
import MusterVault
import Testing

@testable import MusterRegister

/// Register snapshots: a sealed copy of the database in the vault, which a restore starts from
/// and then replays only the entries after it, keeping the result only if it verifies.
@Suite struct RegisterSnapshotTests {
    typealias Shipped = VaultShippingTests.Shipped

    /// Snapshot first, then changes to people inside it and a newcomer, shipped as segments.
    static func snapshotThenChanges() async throws -> (shipped: Shipped, snapshot: RegisterSnapshotShipped, numbers: [String]) {
        let shipped = try await Shipped(people: 30)
        _ = try await shipped.ship()
        var shipper = shipped.shipper
        shipper.registerPartBytes = 8192  // many parts, to restore in order
        let snapshot = try #require(try await shipper.shipRegisterSnapshot())
        #expect(try shipped.vault.list(prefix: VaultShipper.registerPartPrefix).count == Int((snapshot.bytes + 8191) / 8192))
        let numbers = try await shipped.register.list(PersonFilter(limit: 3), disclosure: .test).people.map(\.number)
        _ = try await shipped.register.update(number: numbers[0], changes: [(.town, "Hebden Bridge")])
        try await shipped.register.changeStatus(number: numbers[1], to: .lapsed, reason: "dues unpaid")
        try await shipped.register.erase(number: numbers[2], reason: "request")
        let newcomer = try await shipped.register.add(person("New", "Comer", email: "new.comer@example.org"))
        _ = try await shipped.ship()
        return (shipped, snapshot, numbers + [newcomer])
    }

    @Test func aRestoreFromASnapshotAndTheEntriesAfterItIsTheSameRegister() async throws {
        let (shipped, snapshot, numbers) = try await Self.snapshotThenChanges()
        let head = try await shipped.register.store.read { try $0.ledgerHead().size }
        #expect(snapshot.ledgerSize < head)

        let report = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("restored"))
        #expect(report.registerSnapshot == snapshot.name && report.refusedSnapshot == nil)
        #expect(report.snapshotEntries == snapshot.ledgerSize && report.entries == head)
        #expect(report.people == 31 && report.keys == 30)
        let restored = try await Register.open(shipped.restoreTarget("restored"))
        // Before any read: reads add disclosure entries.
        let restoredDigest = try await restored.stateDigest()
        #expect(restoredDigest == (try await shipped.register.stateDigest()))
        #expect(try await restored.checkpoint() == (try await shipped.register.checkpoint()))
        _ = try await restored.verify()
        #expect(try await shipped.export(restored) == (try await shipped.export(shipped.register)))
        if case .present = try await restored.person(number: numbers[2], disclosure: .test) {
            Issue.record("a person erased after the snapshot is readable after the restore")
        }
        guard case .present(let newcomer) = try await restored.person(number: numbers[3], disclosure: .test) else {
            Issue.record("a person added after the snapshot is missing")
            return
        }
        #expect(newcomer.record.identity.lastName == "Comer")

        // The same as replaying every entry.
        let snapshots = try shipped.vault.list(prefix: VaultShipper.registerSnapshotPrefix)
        for name in snapshots { try FileManager.default.removeItem(atPath: shipped.vaultDirectory.file(name)) }
        let replayed = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("replayed"))
        #expect(replayed.registerSnapshot == nil)
        #expect(try await Register.open(shipped.restoreTarget("replayed")).stateDigest() == restoredDigest)
    }

    @Test func aSnapshotIsSentOnlyWhenTheLedgerGrew() async throws {
        let shipped = try await Shipped(people: 5)
        #expect(try await shipped.shipper.shipRegisterSnapshot() != nil)
        #expect(try await shipped.shipper.shipRegisterSnapshot() == nil, "nothing new since the last one")
        _ = try await shipped.register.add(person("Late", "Comer"))
        let next = try #require(try await shipped.shipper.shipRegisterSnapshot())
        #expect(next.ledgerSize == (try await shipped.register.store.read { try $0.ledgerHead().size }))
    }

    /// A point between the snapshot and the end: the snapshot, then only the entries up to it
    /// (the hashes and nodes checked are those of the entries kept).
    @Test func aPointAfterTheSnapshotStartsFromItAndStopsThere() async throws {
        let (shipped, snapshot, _) = try await Self.snapshotThenChanges()
        let target = shipped.restoreTarget("between")
        let report = try await Register.restore(from: shipped.vault, into: target, until: .entry(snapshot.ledgerSize + 2))
        #expect(report.registerSnapshot == snapshot.name && report.refusedSnapshot == nil)
        #expect(report.entries == snapshot.ledgerSize + 2)
        let restored = try await Register.open(target)
        #expect(try await restored.verify().entries == snapshot.ledgerSize + 2)
    }

    @Test func aPointBeforeTheSnapshotReplaysEveryEntry() async throws {
        let (shipped, snapshot, _) = try await Self.snapshotThenChanges()
        let target = shipped.restoreTarget("past")
        let report = try await Register.restore(from: shipped.vault, into: target, until: .entry(snapshot.ledgerSize - 1))
        #expect(report.registerSnapshot == nil && report.entries == snapshot.ledgerSize - 1)
        _ = try await Register.open(target).verify()
    }

    /// Whoever holds the keys can seal a snapshot: one whose tables disagree with the ledger
    /// (here, a status edited in the database behind the ledger's back, then snapshotted) is
    /// refused after the full verification, and the restore replays every entry instead.
    /// A restore from a snapshot of a 10-person register whose database was edited with `sql`
    /// first; with the register's digest before the edit, to compare the restored one with.
    struct EditedSnapshotRestore {
        let report: RestoreReport
        let restored: Register
        let expected: String
        /// What the restore left in the directory it restored into, besides the register.
        let staging: [String]
        /// The shipped register, which owns the directory: kept alive as long as this is.
        let shipped: Shipped
    }

    static func restoreFromSnapshot(editedWith sql: String) async throws -> EditedSnapshotRestore {
        let shipped = try await Shipped(people: 20)
        _ = try await shipped.ship()
        let expected = try await shipped.register.stateDigest()
        try SQLiteRawAccess(path: shipped.test.data + "/register.sqlite").execute(sql)
        _ = try #require(try await shipped.shipper.shipRegisterSnapshot())
        let target = shipped.restoreTarget("restored")
        let report = try await Register.restore(from: shipped.vault, into: target)
        let staging = try FileManager.default.contentsOfDirectory(atPath: shipped.test.directory.path).filter { $0.contains("restoring") }
        return EditedSnapshotRestore(report: report, restored: try await Register.open(target), expected: expected, staging: staging, shipped: shipped)
    }

    @Test func aSnapshotThatDisagreesWithTheLedgerIsRefusedAndTheRestoreReplays() async throws {
        let result = try await Self.restoreFromSnapshot(editedWith: "UPDATE people SET status = 'expelled'")
        #expect(result.report.registerSnapshot == nil)
        #expect(result.report.refusedSnapshot?.contains("fails verification") == true)
        _ = try await result.restored.verify()
        #expect(try await result.restored.stateDigest() == result.expected)
        #expect(result.staging.isEmpty)
    }

    /// Every people column but the rowid, for copying a row in SQL.
    static let peopleColumns = """
        number, category, status, status_since, continuous_since, join_date, region, constituency, branch, union_name,
        dues_pence, dues_frequency, payment_method, consent_email, consent_phone, consent_post, consent_sms,
        consent_updated_at, updated_at, identity, email_index, phone_index, postcode_name_index, erased_at, version
        """

    /// The restore checks the tables against the entries it holds, reading the tables in
    /// storage order and matching rows by id: one row edited, missing or added, or a data key
    /// missing or added, is refused (the check itself: `HeldEntriesProjectionTests`).
    @Test(arguments: [
        "UPDATE people SET branch = 'Elsewhere' WHERE rowid = 3",
        "DELETE FROM people WHERE rowid = 4",
        "INSERT INTO people (id, \(peopleColumns)) SELECT randomblob(16), number || 'x', \(peopleColumns.dropFirst(8)) FROM people WHERE rowid = 2",
        "DELETE FROM data_keys WHERE id = (SELECT id FROM people WHERE rowid = 5)",
        "INSERT INTO data_keys (id, wrapped) SELECT randomblob(16), wrapped FROM data_keys LIMIT 1",
    ])
    func aSnapshotWhoseTablesDifferFromTheLedgerIsRefused(edit: String) async throws {
        let result = try await Self.restoreFromSnapshot(editedWith: edit)
        #expect(result.report.registerSnapshot == nil)
        #expect(result.report.refusedSnapshot?.contains("fails verification") == true, "\(result.report.refusedSnapshot ?? "accepted")")
        #expect(try await result.restored.stateDigest() == result.expected)
    }

    /// Rows are read by ranges of rowid, open at both ends: a row at any rowid is read once.
    @Test func rowsAtAnyRowidAreChecked() async throws {
        let result = try await Self.restoreFromSnapshot(
            editedWith: "UPDATE people SET rowid = -7 WHERE rowid = 2; UPDATE people SET rowid = 1000000 WHERE rowid = 9")
        #expect(result.report.registerSnapshot != nil, "\(result.report.refusedSnapshot ?? "")")
        #expect(try await result.restored.stateDigest() == result.expected)
    }

    @Test func aDamagedPartIsRefusedAndAnIncompleteSnapshotIsIgnored() async throws {
        let (shipped, _, _) = try await Self.snapshotThenChanges()
        let expected = try await shipped.register.stateDigest()
        let part = try #require(try shipped.vault.list(prefix: VaultShipper.registerPartPrefix).first)
        let path = shipped.vaultDirectory.file(part)
        try flipMiddleBit(ofFileAt: path)

        let damaged = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("damaged"))
        #expect(damaged.refusedSnapshot?.contains("damaged or replaced") == true)
        #expect(try await Register.open(shipped.restoreTarget("damaged")).stateDigest() == expected)

        // Without its manifest (an upload that stopped), a snapshot is not even considered.
        for name in try shipped.vault.list(prefix: VaultShipper.registerSnapshotPrefix) {
            try FileManager.default.removeItem(atPath: shipped.vaultDirectory.file(name))
        }
        let incomplete = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("incomplete"))
        #expect(incomplete.registerSnapshot == nil && incomplete.refusedSnapshot == nil)
        #expect(try await Register.open(shipped.restoreTarget("incomplete")).stateDigest() == expected)
    }

    /// A snapshot whose ledger is not the vault's (an entry edited in the database, then
    /// snapshotted) is refused before anything is replayed onto it, whether the entry is in the
    /// first or the second half (compared on two threads).
    @Test(arguments: [2, 11])
    func aSnapshotWhoseLedgerDiffersFromTheSegmentsIsRefused(sequence: Int) async throws {
        // The last byte of the entry is its payload's (changed, the entry still parses).
        let result = try await Self.restoreFromSnapshot(
            editedWith: """
                UPDATE ledger SET entry = substr(entry, 1, length(entry) - 1)
                    || (CASE WHEN substr(entry, -1) = x'00' THEN x'01' ELSE x'00' END) WHERE seq = \(sequence)
                """)
        #expect(result.report.registerSnapshot == nil)
        #expect(result.report.refusedSnapshot?.contains("its entry \(sequence) differs from the vault's segments") == true)
        #expect(try await result.restored.stateDigest() == result.expected)
    }

    /// The restore does not hash the snapshot's entries again: it compares their stored hashes
    /// and the stored Merkle nodes with what verifying the segments computed, and the columns
    /// kept beside each entry with its bytes. A snapshot with any of them edited (the entries
    /// themselves intact) is refused.
    @Test(arguments: [
        ("UPDATE ledger SET hash = zeroblob(32) WHERE seq = 5", "its entry 5 is stored with a hash that is not the entry's"),
        ("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0", "the stored Merkle nodes at level 4 differ"),
        ("INSERT INTO merkle_nodes (level, idx, hash) VALUES (1, 2, zeroblob(32))", "the stored Merkle nodes at level 1 differ"),
        ("UPDATE ledger SET subject = randomblob(16) WHERE seq = 3", "its entry 3: the subject stored beside the entry differs"),
    ])
    func aSnapshotWithEditedHashesOrNodesIsRefused(edit: String, refusal: String) async throws {
        let result = try await Self.restoreFromSnapshot(editedWith: edit)
        #expect(result.report.registerSnapshot == nil)
        #expect(result.report.refusedSnapshot?.contains(refusal) == true, "\(result.report.refusedSnapshot ?? "accepted")")
        _ = try await result.restored.verify()
        #expect(try await result.restored.stateDigest() == result.expected)
    }

    /// Two snapshots of the same ledger (sent to two vaults) have parts at the same places that
    /// open to the same kind of bytes: a part of one put in place of the other's is still
    /// refused, because each part is sealed with its snapshot's random id.
    @Test func aPartOfAnotherSnapshotOfTheSameLedgerIsRefused() async throws {
        let shipped = try await Shipped(people: 10)
        _ = try await shipped.ship()
        let otherDirectory = TemporaryDirectory("muster-vault-other")
        defer { withExtendedLifetime(otherDirectory) {} }
        var first = shipped.shipper
        var second = VaultShipper(register: shipped.register, vault: try FileVault(directory: otherDirectory.path))
        first.registerPartBytes = 8192
        second.registerPartBytes = 8192
        let mine = try #require(try await first.shipRegisterSnapshot())
        let theirs = try #require(try await second.shipRegisterSnapshot())
        #expect(mine.ledgerSize == theirs.ledgerSize)
        // The first part of each, by their manifests: the same place in both.
        let sealer = try VaultShipper.registerSealer(shipped.register)
        let myManifest = try #require(try await VaultShipper.newestRegisterSnapshot(in: shipped.vault, sealer: sealer, origin: nil)).manifest
        let theirManifest = try #require(try await VaultShipper.newestRegisterSnapshot(in: second.vault, sealer: sealer, origin: nil)).manifest
        let (myPart, theirPart) = (myManifest.parts[0], theirManifest.parts[0])
        let path = shipped.vaultDirectory.file(myPart)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: otherDirectory.file(theirPart), toPath: path)

        let report = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("swapped"))
        #expect(report.registerSnapshot == nil)
        #expect(report.refusedSnapshot?.contains("damaged or replaced") == true)
        #expect(try await Register.open(shipped.restoreTarget("swapped")).stateDigest() == (try await shipped.register.stateDigest()))
    }

    /// The copy never stays beside the database, and nothing the vault holds is readable
    /// without the keys: no SQLite header, no name, no e-mail address.
    @Test func theCopyIsRemovedAndTheVaultHoldsOnlyCiphertext() async throws {
        let shipped = try await Shipped(people: 5)
        let number = try await shipped.register.add(person("Zebedee", "Quartermaine", email: "zebedee.q@example.org"))
        _ = try #require(try await shipped.shipper.shipRegisterSnapshot())
        #expect(try FileManager.default.contentsOfDirectory(atPath: shipped.test.data).allSatisfy { !$0.hasPrefix(VaultShipper.copyPrefix) })
        let names =
            try shipped.vault.list(prefix: VaultShipper.registerPartPrefix)
            + shipped.vault.list(prefix: VaultShipper.registerSnapshotPrefix)
        #expect(names.count >= 2)
        for name in names {
            let bytes = try #require(FileManager.default.contents(atPath: shipped.vaultDirectory.file(name)))
            for needle in ["SQLite format 3", "Quartermaine", "zebedee.q@example.org", number] {
                #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(name) holds \(needle)")
            }
        }
    }

    /// A copy a crash left behind goes at the next snapshot once it is a day old; a recent one
    /// (another shipper's, being sent) stays.
    @Test func aStaleCopyIsRemovedAndARecentOneKept() async throws {
        let shipped = try await Shipped(people: 2)
        let stale = shipped.test.data + "/.snapshot-00000000000000aa.sqlite"
        let recent = shipped.test.data + "/.snapshot-00000000000000bb.sqlite"
        for path in [stale, recent] { #expect(FileManager.default.createFile(atPath: path, contents: Data([1]))) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-25 * 3600)], ofItemAtPath: stale)
        _ = try #require(try await shipped.shipper.shipRegisterSnapshot())
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: recent))
    }

    /// Register snapshots hold the key store, so they go with the same retention: old
    /// manifests and the parts only they needed; the newest and its parts stay.
    @Test func retentionPrunesOldSnapshotsAndTheirParts() async throws {
        let shipped = try await Shipped(people: 5)
        _ = try await shipped.ship()
        _ = try #require(try await shipped.shipper.shipRegisterSnapshot())
        let oldParts = try shipped.vault.list(prefix: VaultShipper.registerPartPrefix)
        try await Task.sleep(for: .seconds(1.1))  // names carry the vault's time, to the second
        _ = try await shipped.register.add(person("Late", "Comer"))
        _ = try await shipped.ship()
        let newest = try #require(try await shipped.shipper.shipRegisterSnapshot())
        let segments = try shipped.vault.list(prefix: SegmentName.prefix)

        let removed = try await shipped.shipper.applyRegisterRetention(0, now: Date())
        #expect(try shipped.vault.list(prefix: VaultShipper.registerSnapshotPrefix) == [newest.name])
        #expect(Set(oldParts).isSubset(of: Set(removed)))
        #expect(try shipped.vault.list(prefix: SegmentName.prefix) == segments)
        let report = try await Register.restore(from: shipped.vault, into: shipped.restoreTarget("after-retention"))
        #expect(report.registerSnapshot == newest.name && report.people == 6)
    }
}
