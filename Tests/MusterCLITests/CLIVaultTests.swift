import Foundation
import MusterTesting
import Testing

/// Shipping to a filesystem vault and restoring from it, through the real binary.
@Suite struct CLIVaultTests {
    @Test func shipStatusAndRestoreThroughTheCommandLine() throws {
        let cli = try CLIRegister()
        let vault = "file://" + cli.directory.file("vault")
        try cli.ok(["import", SampleFiles.membersSample])
        let shipped = try cli.ok(["ship", "--once", "--vault", vault])
        #expect(shipped.stderr.contains("shipped 13 entries in 1 segment(s), through entry 13 (lag 0)"), "\(shipped)")
        #expect(shipped.stderr.contains("key-store snapshot keys-"))
        #expect(try cli.ok(["vault", "status", "--vault", vault]).stdout.contains("shipped through entry 13 of 13 (up to date)"))

        try cli.ok(["update", "M1036102", "town=Hebden Bridge"])
        let behind = try cli.run(["vault", "status", "--vault", vault])
        #expect(behind.status == 1 && behind.stdout.contains("(lag 1 entries"), "\(behind)")
        try cli.ok(["ship", "--once", "--vault", vault])

        let restored = cli.directory.file("restored")
        let result = try MusterProcess.runRaw(["restore", "--vault", vault, "--data", restored, "--keys", cli.directory.file("keys")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("restored 14 entries (2 segments, verified) and 12 people"), "\(result)")
        let copy = MusterProcess(data: restored, keys: cli.directory.file("keys"))
        #expect(try copy.run(["show", "M1036102"]).stdout.contains("town: Hebden Bridge"))
        #expect(try copy.run(["ledger", "verify"]).status == 0)

        // Restoring over an existing directory, or with no vault there, is refused and changes nothing.
        #expect(try MusterProcess.runRaw(["restore", "--vault", vault, "--data", restored, "--keys", cli.directory.file("keys")]).status == 73)
        let empty = "file://" + cli.directory.file("empty-vault")
        let none = try MusterProcess.runRaw(["restore", "--vault", empty, "--data", cli.directory.file("r2"), "--keys", cli.directory.file("keys")])
        #expect(none.status == 66 && !FileManager.default.fileExists(atPath: cli.directory.file("r2")))
    }
}
