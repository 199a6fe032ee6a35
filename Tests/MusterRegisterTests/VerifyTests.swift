import Foundation
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

/// `ledger verify` against each way of tampering with a register, and `ledger rebuild`.
@Suite struct VerifyTests {
    /// A register with creates, an import, updates, status changes, disclosures and an erasure.
    static func busy() async throws -> TestRegister {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        let a = try await test.register.add(person("Ann", "Smith", email: "ann@example.org"))
        _ = try await test.register.update(number: a, changes: [(.branch, "Bath branch"), (.email, "ann.smith@example.org")])
        try await test.register.changeStatus(number: "M1036102", to: .lapsed, reason: "no payment")
        _ = try await test.register.person(number: a, disclosure: .test)
        try await test.register.erase(number: "M1020264", reason: nil)
        return test
    }

    static func tamper(_ test: TestRegister, _ sql: String) throws {
        try SQLiteRawAccess(path: test.data + "/register.sqlite").execute(sql)
    }

    /// Replaces entry `replacement.sequence` with `replacement`, then relinks every entry after
    /// it and rebuilds the stored tree, so that every hash and link holds again: what someone
    /// who can write to the database could do, short of signing checkpoints.
    static func resign(_ test: TestRegister, replacingFrom replacement: LedgerEntry) async throws {
        var entries = try await test.entries()
        let start = Int(replacement.sequence) - 1
        var previous = start == 0 ? EntryHash.zero : MerkleHash.leaf(entries[start - 1].encoded)
        var sql = ""
        for i in start..<entries.count {
            let old = i == start ? replacement : entries[i]
            let entry = LedgerEntry(
                sequence: old.sequence, time: old.time, actor: old.actor, kind: old.kind, subject: old.subject,
                payload: old.payload, previousHash: previous)
            previous = MerkleHash.leaf(entry.encoded)
            let subject = entry.subject.map { "x'\(Hex.encode($0.bytes))'" } ?? "NULL"
            sql += "UPDATE ledger SET entry = x'\(Hex.encode(entry.encoded))', hash = x'\(Hex.encode(previous.bytes))', "
                + "subject = \(subject) WHERE seq = \(entry.sequence);\n"
            entries[i] = entry
        }
        sql += "DELETE FROM merkle_nodes;\n"
        var tree = MerkleAppender()
        for entry in entries {
            for node in tree.append(leafHash: MerkleHash.leaf(entry.encoded)) where MerkleTiles.isNodeRow(level: node.level) {
                sql += "INSERT INTO merkle_nodes (level, idx, hash) VALUES (\(node.level), \(node.index), x'\(Hex.encode(node.hash.bytes))');\n"
            }
        }
        try tamper(test, sql)
    }

    /// How the ledger is cut: as in use (one stretch, for a ledger this short), and into many
    /// stretches down to one entry each, checked on one to three threads, so that every seam
    /// between stretches and between chunks of the tree is crossed. Whatever the cut, the
    /// verdict and the error named are the same.
    static let plans: [LedgerScanPlan] = [
        .standard(threads: 2),
        LedgerScanPlan(chunkHeight: 0, stretches: 64, threads: 3),
        LedgerScanPlan(chunkHeight: 1, stretches: 4, threads: 2),
        LedgerScanPlan(chunkHeight: 2, stretches: 3, threads: 1),
    ]

    static func verify(_ test: TestRegister, _ plan: LedgerScanPlan) async throws -> VerificationReport {
        try await test.register.verify(verifierKey: nil, plan: plan, progress: nil)
    }

    @Test(arguments: plans) func anHonestRegisterVerifies(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        let report = try await Self.verify(test, plan)
        let entries = try await test.entries()
        #expect(report.entries == UInt64(entries.count))
        #expect(report.people == 13)
        // The two parts are timed apart, within the whole.
        #expect(report.ledgerSeconds > 0 && report.tablesSeconds > 0)
        #expect(report.ledgerSeconds + report.tablesSeconds <= report.seconds)
        // Every write signs, except that the disclosure's batch leaves its checkpoint to the
        // erasure when it commits within the checkpoint interval of the status change's: 5 or 6.
        let stored = try await test.register.store.read { tx in
            var count = 0
            try tx.forEachCheckpoint { _, _ in count += 1 }
            return count
        }
        #expect(report.checkpoints == stored && (5...6).contains(stored))
        #expect(report.bytes == entries.reduce(0) { $0 + $1.encoded.count })
    }

    /// Byte 41 lies in the previous entry's hash, random: set to a fixed value it was already
    /// that value once in 256 runs, the entry was left as it was, and the test failed (twice
    /// in CI). The byte is set to something it is not.
    @Test(arguments: plans) func aFlippedByteIsNamed(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        try Self.tamper(
            test,
            "UPDATE ledger SET entry = substr(entry, 1, 40) || (CASE WHEN substr(entry, 41, 1) = x'FF' THEN x'00' ELSE x'FF' END) "
                + "|| substr(entry, 42) WHERE seq = 5")
        let error = await #expect(throws: LedgerError.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == 5 && error?.code == .hashMismatch)
    }

    @Test(arguments: plans) func aDeletedEntryIsNamed(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        try Self.tamper(test, "DELETE FROM ledger WHERE seq = 7")
        let error = await #expect(throws: LedgerError.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == 7 && error?.code == .sequenceGap)
    }

    @Test(arguments: plans) func aDeletedLastEntryIsCaughtByItsCheckpoint(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        let last = try await test.entries().count
        try Self.tamper(test, "DELETE FROM ledger WHERE seq = \(last)")
        let error = await #expect(throws: VerificationFailure.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == UInt64(last))
        #expect(error?.message.contains("covers entries the ledger no longer has") == true)
    }

    @Test(arguments: plans) func reorderedEntriesAreNamed(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        try Self.tamper(test, """
            UPDATE ledger SET seq = -1 WHERE seq = 3;
            UPDATE ledger SET seq = 3 WHERE seq = 4;
            UPDATE ledger SET seq = 4 WHERE seq = -1;
            """)
        let error = await #expect(throws: LedgerError.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == 3)
    }

    @Test(arguments: plans) func anEditedRowIsNamedWithItsColumn(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        try Self.tamper(test, "UPDATE people SET branch = 'Elsewhere branch' WHERE number = 'M1036102'")
        let error = await #expect(throws: VerificationFailure.self) { try await Self.verify(test, plan) }
        #expect(error?.message == "person M1036102: branch in the tables differs from the ledger")
        let row = try #require(try await test.row("M1036102"))
        #expect(error?.sequence == row.version)
    }

    @Test(arguments: plans) func aRowWithoutLedgerEntriesIsFound(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        try Self.tamper(test, """
            INSERT INTO people (id, number, category, status, region, constituency, branch, union_name, dues_pence,
              dues_frequency, consent_email, consent_phone, consent_post, consent_sms, version)
            VALUES (randomblob(16), 'GHOST', 'member', 'active', '', '', '', '', 0, 'none', 0, 0, 0, 0, 1)
            """)
        let error = await #expect(throws: VerificationFailure.self) { try await Self.verify(test, plan) }
        #expect(error?.message == "the tables hold 14 people but the ledger gives 13")
    }

    @Test(arguments: plans) func aReplacedCheckpointSignatureIsNamed(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        let text = try await test.register.checkpoint(size: 13)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let signature = lines[5].split(separator: " ")
        var raw = Array(Data(base64Encoded: String(signature[2]))!)
        raw[10] ^= 1
        let forged = (lines[0..<5] + ["\(signature[0]) \(signature[1]) \(Data(raw).base64EncodedString())", ""]).joined(separator: "\n")
        try Self.tamper(test, "UPDATE checkpoints SET text = '\(forged)' WHERE size = 13")
        let error = await #expect(throws: VerificationFailure.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == 13)
        #expect(error?.message.contains("has no valid signature") == true)
    }

    /// Nodes inside a chunk of the tree come from the stretches, nodes above from joining them
    /// (the plans put node 4/0 on both sides). A kept node changed or gone, and a row at a level
    /// the store does not keep, are each named by their level.
    @Test(arguments: plans, [
        ("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0", 4),
        ("DELETE FROM merkle_nodes WHERE level = 4 AND idx = 0", 4),
        ("INSERT INTO merkle_nodes (level, idx, hash) VALUES (2, 1, zeroblob(32))", 2),
    ])
    func aTamperedMerkleNodeIsFound(plan: LedgerScanPlan, edit: (sql: String, level: Int)) async throws {
        let test = try await Self.busy()
        try Self.tamper(test, edit.sql)
        let error = await #expect(throws: VerificationFailure.self) { try await Self.verify(test, plan) }
        #expect(error?.message == "the stored Merkle nodes at level \(edit.level) differ from the tree the entries give")
    }

    /// An entry rewritten to link to something else, with its stored hash made to match: the
    /// link is wrong, wherever the entry falls (inside a stretch, or first in one).
    @Test(arguments: plans, [2, 7, 12])
    func aBrokenLinkIsNamed(plan: LedgerScanPlan, sequence: Int) async throws {
        let test = try await Self.busy()
        let entry = try await test.entries()[sequence - 1]
        var bytes = entry.encoded
        bytes[19 + (entry.subject == nil ? 0 : 16)] ^= 1  // the first byte of the previous hash
        let hash = MerkleHash.leaf(bytes)
        try Self.tamper(test, "UPDATE ledger SET entry = x'\(Hex.encode(bytes))', hash = x'\(Hex.encode(hash.bytes))' WHERE seq = \(sequence)")
        let error = await #expect(throws: LedgerError.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == UInt64(sequence) && error?.code == .chainBroken)
    }

    /// The columns kept beside an entry for lookups are not hashed; each must agree with the
    /// entry's bytes (a subject moved would hide the entry from that person's history).
    @Test(
        arguments: plans,
        [
            "subject = randomblob(16)", "subject = NULL", "subject = subject || x'00'", "subject = substr(subject, 1, 15)",
            "subject = randomblob(8) || substr(subject, 9, 8)", "subject = substr(subject, 1, 8) || randomblob(8)", "kind = 6",
            "time = time + 1",
        ])
    func aColumnBesideAnEntryIsChecked(plan: LedgerScanPlan, edit: String) async throws {
        let test = try await Self.busy()
        let change = try #require(try await test.changes().first { $0.kind == .update })
        try Self.tamper(test, "UPDATE ledger SET \(edit) WHERE seq = \(change.sequence)")
        let error = await #expect(throws: LedgerError.self) { try await Self.verify(test, plan) }
        #expect(error?.sequence == change.sequence && error?.code == .columnMismatch)
        #expect(error?.message.contains(String(edit.prefix { $0 != " " })) == true)
    }

    @Test(arguments: plans) func aKeyThatSurvivedErasureIsFound(plan: LedgerScanPlan) async throws {
        let test = try await Self.busy()
        let erased = try #require(try await test.row("M1020264"))
        try Self.tamper(test, "INSERT INTO data_keys (id, wrapped) VALUES (x'\(Hex.encode(erased.id.bytes))', x'00')")
        let error = await #expect(throws: VerificationFailure.self) { try await Self.verify(test, plan) }
        #expect(error?.message == "person M1020264: erased, but their data key still exists")
    }

    @Test func checkpointsVerifyWithOnlyThePublicKey() async throws {
        let test = try await Self.busy()
        let key = try test.register.verifierKey()
        try FileManager.default.moveItem(atPath: test.keys, toPath: test.directory.file("away"))
        let keyless = try await Register.open(test.register.configuration)
        #expect(try await keyless.verify(verifierKey: key).people == 13)
        let other = try await TestRegister()
        await #expect(throws: VerificationFailure.self) { try await keyless.verify(verifierKey: try other.register.verifierKey()) }
    }

    @Test func rebuildGivesBackTheSameRegister() async throws {
        let test = try await Self.busy()
        let exported = test.directory.file("before.csv")
        _ = try await test.register.export(to: .file(exported), disclosure: .test)
        let statsBefore = try await test.register.statistics()
        let rowsBefore = try await test.register.store.read { tx in
            var rows: [String: PersonRow] = [:]
            try tx.forEachPerson(.everyone) { rows[$0.number] = $0 }
            return rows
        }
        try Self.tamper(test, "UPDATE people SET branch = 'Vandalised', email_index = NULL")
        #expect(try await test.register.rebuild() == 13)
        let rowsAfter = try await test.register.store.read { tx in
            var rows: [String: PersonRow] = [:]
            try tx.forEachPerson(.everyone) { rows[$0.number] = $0 }
            return rows
        }
        #expect(rowsAfter == rowsBefore)
        #expect(try await test.register.statistics() == statsBefore)
        #expect(try await test.register.find(.email("ann.smith@example.org"), disclosure: .test).count == 1)
        let after = test.directory.file("after.csv")
        _ = try await test.register.export(to: .file(after), disclosure: .test)
        #expect(try String(contentsOfFile: after, encoding: .utf8) == String(contentsOfFile: exported, encoding: .utf8))
        _ = try await test.register.verify()
    }
}

/// `ledger verify` on a register in use: entries appended while it runs are not its business.
@Suite struct VerifyWhileInUseTests {
    /// The size and checkpoints are read first; by the time the stretches and the stored nodes
    /// are read, more entries (and the nodes they complete) may be there.
    @Test(arguments: VerifyTests.plans)
    func entriesAppendedAfterTheSizeWasReadAreLeftOut(plan: LedgerScanPlan) async throws {
        let test = try await VerifyTests.busy()
        let (size, checkpoints) = try await test.register.store.read { tx in
            var checkpoints: [(size: UInt64, text: String)] = []
            try tx.forEachCheckpoint { checkpoints.append(($0, $1)) }
            return (try tx.ledgerHead().size, checkpoints)
        }
        for i in 0..<9 { _ = try await test.register.add(person("Late\(i)", "Arrival")) }
        let checked = try await LedgerAudit.checkStretches(
            test.register.store, size: size, checkpoints: checkpoints,
            verifier: NoteVerifier(verifierKey: test.register.verifierKey()), plan: plan, progress: nil)
        #expect(checked.people.reduce(0) { $0 + $1.count } == 13)
        #expect(try await (22...26).contains(Self.verifyConcurrently(test, plan).people))
    }

    /// Verifies while disclosures and new people keep arriving (a table read after them differs
    /// from the replay, and the check person by person, on one snapshot, settles it).
    static func verifyConcurrently(_ test: TestRegister, _ plan: LedgerScanPlan) async throws -> VerificationReport {
        async let writes: Void = {
            for i in 0..<40 {
                _ = try await test.register.person(number: "M1036102", disclosure: .test)
                if i % 10 == 0 { _ = try await test.register.add(person("Later\(i)", "Arrival")) }
            }
        }()
        let report = try await VerifyTests.verify(test, plan)
        try await writes
        return report
    }
}
