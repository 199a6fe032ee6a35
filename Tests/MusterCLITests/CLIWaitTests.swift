import MusterTesting
import Testing

/// On SQLite, one process writes at a time: a command waits for another's write, up to `--wait`
/// seconds, then gives up with exit status 75 ("try again").
@Suite struct CLIWaitTests {
    static let newMember = [
        "add", "--category", "member", "--first-name", "Ffion", "--last-name", "Pritchard-Vaughan", "--email", "ffion@example.org",
        "--branch", "Cardiff Central branch",
    ]

    /// A write that meets another process's write for longer than `--wait` exits with 75 and a
    /// message that says the register was busy, naming no one; nothing of it is kept, and the
    /// same command run again once the other write has ended succeeds.
    @Test func aCommandThatWaitsTooLongExitsWithTryAgain() async throws {
        let cli = try await CLIRegister()
        let other = try await OtherProcessTransaction(path: cli.directory.file("data") + "/register.sqlite", .write)
        let refused = try await cli.run(Self.newMember + ["--wait", "0.2"])
        await other.end()
        #expect(refused.status == 75, "\(refused)")
        #expect(refused.stderr.contains("busy"))
        #expect(refused.stderr.contains("try again"))
        for personal in ["Ffion", "Pritchard", "ffion@example.org"] {
            #expect(!refused.stderr.contains(personal) && !refused.stdout.contains(personal))
        }
        #expect(try await cli.ok(["stats"]).stdout.contains("total: 0 people"))

        try await cli.ok(Self.newMember + ["--wait", "0.2"])
        #expect(try await cli.ok(["stats"]).stdout.contains("total: 1 people"))
    }

    /// A command that only reads (`stats`, `ledger verify`) runs beside another process's write
    /// (an import, a server's batch), waiting for nothing.
    @Test func aCommandThatOnlyReadsRunsBesideAnotherProcessesWrite() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(Self.newMember)
        let other = try await OtherProcessTransaction(path: cli.directory.file("data") + "/register.sqlite", .write)
        let stats = try await cli.run(["stats", "--wait", "0"])
        let verify = try await cli.run(["ledger", "verify", "--wait", "0"])
        await other.end()
        #expect(stats.status == 0, "\(stats)")
        #expect(stats.stdout.contains("total: 1 people"))
        #expect(verify.status == 0, "\(verify)")
    }

    /// `$MUSTER_WAIT` sets the wait as `--wait` does.
    @Test func theWaitCanComeFromTheEnvironment() async throws {
        let cli = try await CLIRegister()
        let other = try await OtherProcessTransaction(path: cli.directory.file("data") + "/register.sqlite", .write)
        let refused = try await cli.muster.run(Self.newMember, environment: ["MUSTER_WAIT": "0.2"])
        await other.end()
        #expect(refused.status == 75, "\(refused)")
    }

    /// A wait that is not a number of seconds is bad usage (64), named for where it came from,
    /// before the register is touched.
    @Test(arguments: [(["--wait", "-1"], [String: String]()), (["--wait", "nan"], [:]), ([], ["MUSTER_WAIT": "soon"])])
    func aWaitThatIsNotANumberOfSecondsIsRefused(arguments: [String], environment: [String: String]) async throws {
        let cli = try await CLIRegister()
        let refused = try await cli.muster.run(Self.newMember + arguments, environment: environment)
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stderr.contains(environment.isEmpty ? "--wait" : "MUSTER_WAIT"))
        #expect(try await cli.ok(["stats"]).stdout.contains("total: 0 people"))
    }
}
