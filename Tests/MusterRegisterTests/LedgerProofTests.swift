import Foundation
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct LedgerProofTests {
    /// RFC 6962 MTH computed the slow, obvious way, to check the stored tree against.
    static func naiveRoot(_ leaves: [[UInt8]]) -> EntryHash {
        if leaves.isEmpty { return MerkleHash.emptyRoot }
        if leaves.count == 1 { return MerkleHash.leaf(leaves[0]) }
        var split = 1
        while split * 2 < leaves.count { split *= 2 }
        return MerkleHash.node(naiveRoot(Array(leaves[..<split])), naiveRoot(Array(leaves[split...])))
    }

    static func entryBytes(_ test: TestRegister) async throws -> [[UInt8]] {
        try await test.entries().map(\.encoded)
    }

    @Test func everyWriteIsFollowedByASignedCheckpointOfTheWholeLedger() async throws {
        let test = try await TestRegister()
        for name in ["Ann", "Bob", "Cy"] { _ = try await test.register.add(person(name, "Smith")) }
        let text = try await test.register.checkpoint()
        let key = try test.register.verifierKey()
        let signed = try SignedCheckpoint.verify(text, with: try NoteVerifier(verifierKey: key))
        #expect(signed.checkpoint.size == 3)
        #expect(signed.checkpoint.origin == test.register.origin)
        #expect(signed.checkpoint.rootHash == Self.naiveRoot(try await Self.entryBytes(test)))
        #expect(signed.checkpoint.extensions == ["time 2026-06-01T12:00:00Z"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == Substring(test.register.origin) && lines[1] == "3" && lines[4] == "")
        #expect(lines[5].hasPrefix("— \(test.register.origin) "))
        for size: UInt64 in 1...3 { #expect(try await test.register.checkpoint(size: size).contains("\n\(size)\n")) }
        #expect(key.hasPrefix(test.register.origin + "+"))
    }

    @Test func everyEntryHasAnInclusionProofThatChecksOffline() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        _ = try await test.register.add(person("Ann", "Smith"))
        let key = try test.register.verifierKey()
        let checkpoint = try await test.register.checkpoint()
        let size = try SignedCheckpoint.verify(checkpoint, with: try NoteVerifier(verifierKey: key)).checkpoint.size
        #expect(size == 14)
        for entry in UInt64(1)...size {
            let proof = try await test.register.inclusionProof(entry: entry)
            let parsed = try ProofFile(text: proof.text)
            #expect(parsed == proof)
            let verdict = try ProofChecker.check(proof: parsed, checkpoint: checkpoint, previousCheckpoint: nil, verifierKey: key)
            #expect(verdict.hasPrefix("entry \(entry) "))
        }
        // Against an older checkpoint too.
        let old = try await test.register.inclusionProof(entry: 3, size: 13)
        _ = try ProofChecker.check(proof: old, checkpoint: try await test.register.checkpoint(size: 13), previousCheckpoint: nil, verifierKey: key)
    }

    @Test func forgedProofsAndForeignCheckpointsAreRejected() async throws {
        let test = try await TestRegister()
        for name in ["Ann", "Bob", "Cy", "Di", "Ed"] { _ = try await test.register.add(person(name, "Smith")) }
        let key = try test.register.verifierKey()
        let checkpoint = try await test.register.checkpoint()
        guard case .inclusion(let origin, let entry, let size, let bytes, var path) = try await test.register.inclusionProof(entry: 2) else {
            Issue.record("expected an inclusion proof")
            return
        }
        // A forged middle element.
        var forged = path[1].bytes
        forged[7] ^= 1
        path[1] = EntryHash(bytes: forged)!
        #expect(throws: (any Error).self) {
            try ProofChecker.check(
                proof: .inclusion(origin: origin, entry: entry, size: size, entryBytes: bytes, proof: path),
                checkpoint: checkpoint, previousCheckpoint: nil, verifierKey: key)
        }
        // Altered entry bytes (the leaf).
        let honest = try await test.register.inclusionProof(entry: 2)
        guard case .inclusion(_, _, _, var leaf, let honestPath) = honest else { return }
        leaf[leaf.count - 1] ^= 1
        #expect(throws: (any Error).self) {
            try ProofChecker.check(
                proof: .inclusion(origin: origin, entry: entry, size: size, entryBytes: leaf, proof: honestPath),
                checkpoint: checkpoint, previousCheckpoint: nil, verifierKey: key)
        }
        // A checkpoint signed by another register's key.
        let other = try await TestRegister()
        _ = try await other.register.add(person("Zed", "Other"))
        #expect(throws: (any Error).self) {
            try ProofChecker.check(proof: honest, checkpoint: checkpoint, previousCheckpoint: nil, verifierKey: try other.register.verifierKey())
        }
        // An edited checkpoint body.
        let edited = checkpoint.replacingOccurrences(of: "\n5\n", with: "\n6\n")
        #expect(throws: (any Error).self) {
            try ProofChecker.check(proof: honest, checkpoint: edited, previousCheckpoint: nil, verifierKey: key)
        }
    }

    @Test func laterCheckpointsProvablyExtendEarlierOnes() async throws {
        let test = try await TestRegister()
        for name in ["Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus"] { _ = try await test.register.add(person(name, "Smith")) }
        let key = try test.register.verifierKey()
        for (from, to) in [(1, 7), (3, 7), (4, 6), (5, 5)] as [(UInt64, UInt64)] {
            let proof = try await test.register.consistencyProof(from: from, to: to)
            let verdict = try ProofChecker.check(
                proof: proof, checkpoint: try await test.register.checkpoint(size: to),
                previousCheckpoint: try await test.register.checkpoint(size: from), verifierKey: key)
            #expect(verdict.contains("extends its history"))
        }
        let proof = try await test.register.consistencyProof(from: 3, to: 7)
        let seven = try await test.register.checkpoint(size: 7)
        let four = try await test.register.checkpoint(size: 4)
        #expect(throws: (any Error).self) {
            try ProofChecker.check(proof: proof, checkpoint: seven, previousCheckpoint: four, verifierKey: key)
        }
    }

    @Test func theTreeSurvivesARestartAndMatchesARecomputation() async throws {
        let test = try await TestRegister()
        for name in ["Ann", "Bob", "Cy"] { _ = try await test.register.add(person(name, "Smith")) }
        let reopened = try await Register.open(test.register.configuration)
        for name in ["Di", "Ed", "Flo"] { _ = try await reopened.add(person(name, "Jones")) }
        _ = try await reopened.importCSV(path: SampleFiles.membersSample)
        let text = try await reopened.checkpoint()
        let signed = try SignedCheckpoint.verify(text, with: try NoteVerifier(verifierKey: try reopened.verifierKey()))
        #expect(signed.checkpoint.rootHash == Self.naiveRoot(try await Self.entryBytes(test)))
    }

    /// Tamper with what the next root is built from, as an attacker rewriting history would
    /// have to (nodes no append reads are caught by `muster ledger verify`): after 4 entries a
    /// leaf hash (node 2/0 is recomputed from the leaves), after 20 a kept node (4/0).
    @Test(arguments: [(4, "UPDATE ledger SET hash = zeroblob(32) WHERE seq = 1"), (20, "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0")])
    func aRewrittenTreeIsNeverSigned(people: Int, edit: String) async throws {
        let test = try await TestRegister()
        for index in 0..<people { _ = try await test.register.add(person("Ann\(index)", "Smith")) }
        try SQLiteRawAccess(path: test.data + "/register.sqlite").execute(edit)
        let before = try await test.entries().count
        await #expect(throws: (any Error).self) { try await test.register.add(person("Eve", "Forger")) }
        #expect(try await test.entries().count == before)
        #expect(try await test.row("M\(1_000_000 + people)") == nil)
    }

    /// The signer remembers the root of the checkpoint it signed last; a newest checkpoint that
    /// is not that one (here: its signature replaced behind the register's back) is checked
    /// again before anything is signed on top of it.
    @Test func aReplacedLatestCheckpointIsCheckedBeforeTheNextIsSigned() async throws {
        let test = try await TestRegister()
        for name in ["Ann", "Bob"] { _ = try await test.register.add(person(name, "Smith")) }
        let database = try SQLiteRawAccess(path: test.data + "/register.sqlite")
        let signed = try await test.register.checkpoint()
        let lines = signed.split(separator: "\n", omittingEmptySubsequences: false)
        let signature = try #require(lines.last { $0.hasPrefix("\u{2014} ") })
        let forged = signed.replacingOccurrences(of: String(signature), with: String(signature.dropLast(4)) + "AAA=")
        try database.execute("UPDATE checkpoints SET text = '\(forged)' WHERE size = (SELECT max(size) FROM checkpoints)")
        let before = try await test.entries().count
        await #expect(throws: (any Error).self) { try await test.register.add(person("Eve", "Forger")) }
        #expect(try await test.entries().count == before)
    }
}
