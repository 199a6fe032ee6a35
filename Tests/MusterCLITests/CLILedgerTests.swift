import Foundation
import MusterTesting
import Testing

@Suite struct CLILedgerTests {
    @Test func checkpointsAndProofsCheckOfflineFromTheirFilesAlone() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(["import", SampleFiles.membersSample])
        try await cli.ok(["show", "M1036102", "--reason", "casework"])
        let key = try await cli.ok(["ledger", "public-key"]).stdout.trimmingCharacters(in: .newlines)
        let checkpoint = try await cli.ok(["ledger", "checkpoint"]).stdout
        #expect(checkpoint.split(separator: "\n")[1] == "14")
        let checkpointFile = cli.directory.write("checkpoint.txt", checkpoint)
        let proofFile = cli.directory.write("proof.txt", try await cli.ok(["ledger", "prove", "--entry", "5"]).stdout)

        // No --data/--keys: check-proof needs only the public key and the files.
        let checked = try await MusterProcess.runRaw(["ledger", "check-proof", "--public-key", key, "--checkpoint", checkpointFile, "--proof", proofFile])
        #expect(checked.status == 0, "\(checked)")
        #expect(checked.stdout.hasPrefix("verified: entry 5 (create) is in "))

        let oldFile = cli.directory.write("old.txt", try await cli.ok(["ledger", "checkpoint", "--size", "13"]).stdout)
        let consistency = cli.directory.write("consistency.txt", try await cli.ok(["ledger", "consistency", "--from", "13", "--to", "14"]).stdout)
        let extended = try await MusterProcess.runRaw([
            "ledger", "check-proof", "--public-key", key, "--checkpoint", checkpointFile, "--old-checkpoint", oldFile, "--proof", consistency,
        ])
        #expect(extended.status == 0, "\(extended)")

        // A tampered proof is refused with the data-error status.
        let proof = try String(contentsOfFile: proofFile, encoding: .utf8)
        var lines = proof.split(separator: "\n").map(String.init)
        lines[lines.count - 1] = Data(repeating: 7, count: 32).base64EncodedString()
        let forged = cli.directory.write("forged.txt", lines.joined(separator: "\n") + "\n")
        let refused = try await MusterProcess.runRaw(["ledger", "check-proof", "--public-key", key, "--checkpoint", checkpointFile, "--proof", forged])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("muster: proof rejected"))
    }

    @Test func historyListsChangesAndDisclosures() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(["import", SampleFiles.membersSample])
        try await cli.ok(["update", "M1036102", "branch=Tottenham branch"])
        try await cli.ok(["status", "M1036102", "suspended", "--reason", "panel decision 4"])
        try await cli.ok(["show", "M1036102", "--reason", "casework"])
        let history = try await cli.ok(["ledger", "history", "M1036102"]).stdout.split(separator: "\n")
        #expect(history.count == 4)
        #expect(history[0].contains("entered the register"))
        #expect(history[1].contains("changed branch"))
        #expect(history[2].contains("status changed to suspended") && history[2].contains("(reason: panel decision 4)"))
        #expect(history[3].contains("disclosed through cli show") && history[3].contains("(reason: casework)"))
    }

    @Test func exportsNeedAReason() async throws {
        let cli = try await CLIRegister()
        let result = try await cli.run(["export", "--out", cli.directory.file("x.csv")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--reason"))
    }
}
