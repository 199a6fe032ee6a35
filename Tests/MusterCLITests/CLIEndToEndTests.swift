import Foundation
import MusterTesting
import Testing

@Suite struct CLIEndToEndTests {
    static let subcommands = [
        "init", "demo", "import", "export", "add", "show", "find", "update", "status", "erase", "stats", "eligible",
        "ledger history", "ledger checkpoint", "ledger public-key", "ledger prove", "ledger consistency",
        "user add", "user list", "user disable", "user reset-mfa", "user password", "ship", "vault status", "restore",
    ]

    /// Commands that take no register location (they make or serve their own).
    static let standalone = ["drill", "vault serve"]

    @Test(arguments: subcommands)
    func everyCommandHasHelpAndTheLocationOptions(_ command: String) async throws {
        let result = try await MusterProcess.runRaw(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--data") && result.stdout.contains("--keys"), "\(result)")
    }

    @Test func theTopLevelHelpListsEveryCommand() async throws {
        let result = try await MusterProcess.runRaw(["--help"])
        #expect(result.status == 0)
        for command in Self.subcommands where !command.contains(" ") { #expect(result.stdout.contains(command)) }
        #expect(result.stdout.contains("ledger"))
    }

    @Test(arguments: CLIBackend.available)
    func aRegisterLifeFromImportToErasure(_ backend: CLIBackend) async throws {
        let cli = try await CLIRegister(backend: backend)
        let imported = try await cli.ok(["import", SampleFiles.membersSample])
        #expect(imported.stdout.contains("imported 12 people in"))
        #expect(imported.stdout.contains("people/s)"))

        let shown = try await cli.ok(["show", "M1036102"])
        #expect(shown.stdout.contains("first_name: Martin"))
        #expect(shown.stdout.contains("email: martin.cox@gmail.com"))

        let found = try await cli.ok(["find", "--email", "MARTIN.COX@gmail.com"])
        #expect(found.stdout.contains("membership_number: M1036102"))
        let byPostcode = try await cli.ok(["find", "--postcode", "n174lu", "--last-name", "cox"])
        #expect(byPostcode.stdout.contains("M1036102"))

        let updated = try await cli.ok(["update", "M1036102", "town=Hebden Bridge", "phone=07700 900001"])
        #expect(updated.stdout.contains("updated phone, town"))
        #expect(try await cli.ok(["show", "M1036102"]).stdout.contains("town: Hebden Bridge"))

        try await cli.ok(["status", "M1036102", "lapsed"])
        let expel = try await cli.run(["status", "M1012345", "expelled"])
        #expect(expel.status == 65)
        #expect(expel.stderr.contains("needs a reason"))

        let added = try await cli.ok([
            "add", "--category", "member", "--first-name", "Nia", "--last-name", "Evans", "--email", "nia@example.org",
            "--branch", "Cardiff Central branch",
        ])
        let number = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.hasPrefix("M"))
        #expect(try await cli.ok(["show", number]).stdout.contains("last_name: Evans"))

        try await cli.ok(["erase", number, "--yes", "--reason", "erasure request"])
        #expect(try await cli.ok(["show", number]).stdout.contains("erased on"))

        let stats = try await cli.ok(["stats"])
        #expect(stats.stdout.contains("total: 12 people (+ 1 erased)"))
        #expect(stats.stdout.contains("by region:"))

        let eligible = try await cli.ok(["eligible", "--freeze", "2025-01-01"])
        #expect(eligible.stdout.contains("eligible: "))

        let exported = cli.directory.file("out.csv")
        let export = try await cli.ok(["export", "--out", exported, "--reason", "test round trip"])
        #expect(export.stderr.contains("exported 12 people"))
        let fresh = try await CLIRegister(backend: backend)
        try await fresh.ok(["import", exported])
        let again = fresh.directory.file("again.csv")
        try await fresh.ok(["export", "--out", again, "--reason", "test"])
        #expect(try String(contentsOfFile: exported, encoding: .utf8) == String(contentsOfFile: again, encoding: .utf8))
    }

    @Test(arguments: CLIBackend.available)
    func failuresExitWithTheDocumentedStatusAndOneLine(_ backend: CLIBackend) async throws {
        let cli = try await CLIRegister(backend: backend)
        let missing = try await cli.run(["show", "M404"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "muster: no person with membership number M404\n")

        #expect(try await cli.run(["init"]).status == 73)

        let bad = cli.directory.write("bad.csv", SampleFiles.header + "\nM1,member,bogus,,A,B,,,,,,,,,,2020-01-01,,,,,,,,,,,,,,,\n")
        let failed = try await cli.run(["import", bad])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("\(bad):2: status: status 'bogus' is not one of"))
        #expect(failed.stderr.contains("nothing was imported"))

        let erase = try await cli.run(["erase", "M1"])
        #expect(erase.status == 64)

        let nowhere = MusterProcess(data: cli.directory.file("nowhere"), keys: cli.directory.file("keys"))
        #expect(try await nowhere.run(["stats"]).status == 66)

        try FileManager.default.moveItem(atPath: cli.directory.file("keys"), toPath: cli.directory.file("moved"))
        let keyless = try await cli.run(["show", "M1"])
        #expect(keyless.status == 77)
        #expect(keyless.stderr.contains("no keys directory"))
        #expect(try await cli.run(["stats"]).status == 0)
    }

    @Test(arguments: CLIBackend.available)
    func theSameSeedGivesTheSameDemoRegister(_ backend: CLIBackend) async throws {
        let one = try await CLIRegister(initialise: false, backend: backend)
        let two = try await CLIRegister(initialise: false, backend: backend)
        for cli in [one, two] {
            let result = try await cli.ok(["demo", "--people", "300", "--seed", "3"])
            #expect(result.stdout.contains("added 300 synthetic people"))
        }
        try await one.ok(["export", "--out", one.directory.file("a.csv"), "--reason", "test"])
        try await two.ok(["export", "--out", two.directory.file("b.csv"), "--reason", "test"])
        let a = try String(contentsOfFile: one.directory.file("a.csv"), encoding: .utf8)
        #expect(a == (try String(contentsOfFile: two.directory.file("b.csv"), encoding: .utf8)))
        #expect(a.split(separator: "\n").count > 300)
    }

    @Test func killingAnImportHalfwayLeavesTheRegisterUnchanged() async throws {
        let cli = try await CLIRegister()
        var text = SampleFiles.header + "\n"
        for i in 0..<40_000 {
            text += "K\(i),member,active,,First\(i),Last,k\(i)@example.org,,,,,,,,,2020-01-01,,,,,,,,,,,,,,,\n"
        }
        let path = cli.directory.write("big.csv", text)
        let process = cli.muster.start(["import", path])
        // Once the import is writing (its WAL grows), kill it without warning.
        let wal = cli.directory.file("data/register.sqlite-wal")
        let killed = await process.signal(SIGKILL, when: {
            ((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) > 1_000_000
        })
        #expect(killed, "the import finished before it could be interrupted")
        #expect(try await process.waitForExit() == 128 + SIGKILL)
        let stats = try await cli.ok(["stats"])
        #expect(stats.stdout.contains("total: 0 people"))
        #expect(try await cli.run(["show", "K0"]).status == 66)
    }
}

@Suite struct CLIBenchTests {
    @Test func benchMeasuresEveryHotPath() async throws {
        let cli = try await CLIRegister(initialise: false)
        try await cli.ok(["demo", "--people", "50"])
        let result = try await cli.ok(["bench", "--count", "500", "--disclosures", "20"])
        for name in ["seal identity", "open identity", "wrap data key", "blind index", "Merkle append", "CSV parse", "group commit"] {
            #expect(result.stdout.contains(name), "\(name) missing from:\n\(result.stdout)")
        }
        #expect(result.stdout.contains("20 disclosures, one transaction each"))
    }
}

@Suite struct CLITerminalTests {
    /// On a terminal (a pseudo-terminal from script(1)), a long import draws a progress bar on
    /// standard error; piped, it draws none.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func importDrawsAProgressBarOnATerminal() async throws {
        let cli = try await CLIRegister()
        var text = SampleFiles.header + "\n"
        for i in 0..<30_000 { text += "T\(i),member,active,,F\(i),L,t\(i)@example.org,,,,,,,,,2020-01-01,,,,,,,,,,,,,,,\n" }
        let path = cli.directory.write("t.csv", text)
        let command = [MusterProcess.executable, "import", path, "--data", cli.muster.data, "--keys", cli.muster.keys]
            .map { "'\($0)'" }.joined(separator: " ")
        let run = try await ChildProcess.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        let screen = run.stdout
        #expect(run.status == 0, "\(screen)")
        #expect(screen.contains("\rimporting ["), "no progress bar in: \(screen.prefix(300))")
        #expect(screen.contains("imported 30,000 people"))
        let other = try await CLIRegister()
        let piped = try await other.ok(["import", path])
        #expect(!piped.stderr.contains("\r") && !piped.stdout.contains("\r"))
    }
}

@Suite struct CLIConfirmationTests {
    /// Runs `muster ARGS` on a pseudo-terminal (script(1)), typing `answer` at its prompt.
    static func onTerminal(_ cli: CLIRegister, _ arguments: [String], answer: String) async throws -> (status: Int32, screen: String) {
        let command = ([MusterProcess.executable] + arguments + ["--data", cli.muster.data, "--keys", cli.muster.keys])
            .map { "'\($0)'" }.joined(separator: " ")
        let run = try await ChildProcess.run("/usr/bin/script", ["-qec", command, "/dev/null"], input: answer + "\n")
        return (run.status, run.stdout)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func eraseAsksOnATerminalAndOnlyYesErases() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(["import", SampleFiles.membersSample])
        let refused = try await Self.onTerminal(cli, ["erase", "M1036102"], answer: "n")
        #expect(refused.screen.contains("Erase M1036102 for ever?"), "\(refused.screen)")
        #expect(refused.status != 0)
        #expect(try await cli.ok(["show", "M1036102"]).stdout.contains("first_name: Martin"))
        let accepted = try await Self.onTerminal(cli, ["erase", "M1036102"], answer: "yes")
        #expect(accepted.status == 0, "\(accepted.screen)")
        #expect(try await cli.ok(["show", "M1036102"]).stdout.contains("erased on"))
    }
}
