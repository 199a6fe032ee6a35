import Foundation
import MusterTesting
import Testing

/// Shipping to a filesystem vault and restoring from it, through the real binary.
@Suite struct CLIVaultTests {
    @Test func shipStatusAndRestoreThroughTheCommandLine() async throws {
        let cli = try await CLIRegister()
        let vault = "file://" + cli.directory.file("vault")
        try await cli.ok(["import", SampleFiles.membersSample])
        let shipped = try await cli.ok(["ship", "--once", "--vault", vault])
        #expect(shipped.stderr.contains("shipped 13 entries in 1 segment(s), through entry 13 (lag 0)"), "\(shipped)")
        #expect(shipped.stderr.contains("key-store snapshot keys-"))
        #expect(shipped.stderr.contains("register snapshot register-") && shipped.stderr.contains("(13 entries"), "\(shipped)")
        let status = try await cli.ok(["vault", "status", "--vault", vault]).stdout
        #expect(status.contains("shipped through entry 13 of 13 (up to date)") && status.contains("(13 entries)"), "\(status)")

        try await cli.ok(["update", "M1036102", "town=Hebden Bridge"])
        let behind = try await cli.run(["vault", "status", "--vault", vault])
        #expect(behind.status == 1 && behind.stdout.contains("(lag 1 entries"), "\(behind)")
        try await cli.ok(["ship", "--once", "--vault", vault])

        let restored = cli.directory.file("restored")
        let result = try await MusterProcess.runRaw(["restore", "--vault", vault, "--data", restored, "--keys", cli.directory.file("keys")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("restored 14 entries (2 segments, verified) and 12 people"), "\(result)")
        #expect(result.stderr.contains("started from register snapshot register-"), "\(result)")
        let copy = MusterProcess(data: restored, keys: cli.directory.file("keys"))
        #expect(try await copy.run(["show", "M1036102"]).stdout.contains("town: Hebden Bridge"))
        #expect(try await copy.run(["ledger", "verify"]).status == 0)

        // Restoring over an existing directory, or with no vault there, is refused and changes nothing.
        #expect(try await MusterProcess.runRaw(["restore", "--vault", vault, "--data", restored, "--keys", cli.directory.file("keys")]).status == 73)
        let empty = "file://" + cli.directory.file("empty-vault")
        let none = try await MusterProcess.runRaw(["restore", "--vault", empty, "--data", cli.directory.file("r2"), "--keys", cli.directory.file("keys")])
        #expect(none.status == 66 && !FileManager.default.fileExists(atPath: cli.directory.file("r2")))
    }

    /// `restore` with two vaults, the first holding a tampered segment: it names what it passed
    /// over and restores from the other.
    @Test func aRestoreFromTwoVaultsPassesOverATamperedOne() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(["import", SampleFiles.membersSample])
        let (first, second) = (cli.directory.file("vault-a"), cli.directory.file("vault-b"))
        try await cli.ok(["ship", "--once", "--vault", "file://" + first, "--vault", "file://" + second])
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: first).first { $0.hasPrefix("segment-") })
        let path = first + "/" + segment
        try flipMiddleBit(ofFileAt: path)

        let result = try await MusterProcess.runRaw([
            "restore", "--vault", "file://" + first, "--vault", "file://" + second, "--data", cli.directory.file("restored"),
            "--keys", cli.directory.file("keys"),
        ])
        #expect(result.status == 0 && result.stdout.contains("restored 13 entries"), "\(result)")
        #expect(result.stderr.contains("passed over file://\(first): segment \(segment) is damaged"), "\(result)")
        #expect(result.stderr.contains("restored from file://\(second)"), "\(result)")
        #expect(try await MusterProcess(data: cli.directory.file("restored"), keys: cli.directory.file("keys")).run(["ledger", "verify"]).status == 0)
    }
}

/// The remote append-only vault: `muster vault serve` on a loopback port, shipped to and
/// restored from over HTTP with its token.
@Suite struct CLIRemoteVaultTests {
    /// Starts `muster vault serve` on a free loopback port; returns the process and its URL.
    static func serve(_ cli: CLIRegister, publicKey: String, tokenFile: String) async throws -> (BackgroundProcess, String) {
        let process = BackgroundProcess(MusterProcess.executable, [
            "vault", "serve", "--dir", cli.directory.file("remote"), "--listen", "127.0.0.1:0", "--public-key", publicKey,
            "--token-file", tokenFile,
        ])
        let port = try #require(try await process.waitForOutput(matching: #"on \S*:(\d+), holding"#), "\(process.errors)")
        return (process, "http://127.0.0.1:\(port)")
    }

    @Test func shipAndRestoreThroughTheVaultServer() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(["import", SampleFiles.membersSample])
        let publicKey = try await cli.ok(["ledger", "public-key"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tokenFile = cli.directory.write("token", "a-vault-token-of-enough-length\n")
        let wrongToken = cli.directory.write("wrong", "not-the-token-of-the-vault\n")
        let (server, url) = try await Self.serve(cli, publicKey: publicKey, tokenFile: tokenFile)
        defer { server.kill() }
        let refused = try await cli.run(["vault", "status", "--vault", url, "--vault-token-file", wrongToken])
        #expect(refused.status != 0 && refused.stderr.contains("refused the token"), "\(refused)")
        let shipped = try await cli.ok(["ship", "--once", "--vault", url, "--vault-token-file", tokenFile])
        #expect(shipped.stderr.contains("through entry 13 (lag 0)"), "\(shipped)")
        #expect(try await cli.ok(["vault", "status", "--vault", url, "--vault-token-file", tokenFile]).stdout.contains("(up to date)"))

        let restored = cli.directory.file("restored")
        let result = try await MusterProcess.runRaw([
            "restore", "--vault", url, "--vault-token-file", tokenFile, "--data", restored, "--keys", cli.directory.file("keys"),
        ])
        #expect(result.status == 0 && result.stdout.contains("12 people"), "\(result)")
        // What the vault holds is read-only on disk too.
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.file("remote"))
        for file in files {
            let mode = try FileManager.default.attributesOfItem(atPath: cli.directory.file("remote/\(file)"))[.posixPermissions] as? Int
            #expect(mode == 0o444, "\(file)")
        }
    }

    /// A vault server killed while a segment is arriving shows nothing of it afterwards: no
    /// file of it, nothing in its listing; restarted on the same directory, it takes the whole
    /// segment and a restore from it works.
    @Test func aVaultServerKilledMidUploadShowsNothingOfIt() async throws {
        let cli = try await CLIRegister()
        try await cli.ok(["import", SampleFiles.membersSample])
        let local = cli.directory.file("local")
        try await cli.ok(["ship", "--once", "--vault", "file://" + local])
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: local).first { $0.hasPrefix("segment-") })
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: local + "/" + segment)))
        let publicKey = try await cli.ok(["ledger", "public-key"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = "a-vault-token-of-enough-length"
        let tokenFile = cli.directory.write("token", token + "\n")

        var (server, url) = try await Self.serve(cli, publicKey: publicKey, tokenFile: tokenFile)
        let socket = try RawSocket(port: try #require(url.split(separator: ":").last.flatMap { Int($0) }))
        try socket.send(
            "PUT /v1/files/\(segment) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Length: \(bytes.count)\r\n\r\n")
        try socket.send(bytes: bytes[..<(bytes.count / 2)])
        try await Task.sleep(for: .milliseconds(500))
        server.signal(SIGKILL)
        _ = try await server.waitForExit()
        let remote = cli.directory.file("remote")
        let left = try FileManager.default.contentsOfDirectory(atPath: remote).filter { !$0.hasPrefix(".") }
        #expect(left.allSatisfy { !$0.hasPrefix("segment-") }, "\(left)")

        (server, url) = try await Self.serve(cli, publicKey: publicKey, tokenFile: tokenFile)
        defer { server.kill() }
        let behind = try await cli.run(["vault", "status", "--vault", url, "--vault-token-file", tokenFile])
        #expect(behind.status == 1 && behind.stdout.contains("shipped through entry 0 of 13 (lag 13 entries"), "\(behind)")
        let shipped = try await cli.ok(["ship", "--once", "--vault", url, "--vault-token-file", tokenFile])
        #expect(shipped.stderr.contains("through entry 13 (lag 0)"), "\(shipped)")
        let restored = try await MusterProcess.runRaw([
            "restore", "--vault", url, "--vault-token-file", tokenFile, "--data", cli.directory.file("restored"), "--keys", cli.directory.file("keys"),
        ])
        #expect(restored.status == 0 && restored.stdout.contains("12 people"), "\(restored)")
    }
}

@Suite struct CLIDrillTests {
    @Test func theDrillPassesAndReportsRPOAndRTO() async throws {
        let directory = TemporaryDirectory("muster-cli-drill")
        let result = try await MusterProcess.runRaw(["drill", "--people", "300", "--seconds", "1", "--dir", directory.file("drill")])
        #expect(result.status == 0, "\(result)")
        for line in ["writes acknowledged before the attack:", "lost after restore: 0", "RPO: ", "RTO: restored", "(match)", "drill passed"] {
            #expect(result.stdout.contains(line), "\(line) missing from \(result.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("drill/data")))
    }

    @Test(arguments: CLIEndToEndTests.standalone)
    func standaloneCommandsHaveHelp(_ command: String) async throws {
        let result = try await MusterProcess.runRaw(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0 && result.stdout.contains("USAGE"))
    }
}
