import Foundation
import MusterTesting
import Testing

/// `muster user`: staff accounts from the command line, on both backends.
@Suite struct CLIUserTests {
    @Test(arguments: CLIBackend.available)
    func staffAccountsAreAddedListedReEnrolledAndDisabled(_ backend: CLIBackend) async throws {
        let cli = try await CLIRegister(backend: backend)
        let password = "a long enough password\n"
        let added = try await cli.ok(["user", "add", "bo", "--role", "branch-officer", "--branch", "North branch"], input: password)
        #expect(added.stdout.contains("otpauth://totp/Muster:bo?secret="))
        #expect(!added.stdout.contains("a long enough password") && !added.stderr.contains("a long enough password"))
        try await cli.ok(["user", "add", "dpo", "--role", "dpo"], input: password)

        let listed = try await cli.ok(["user", "list"]).stdout
        #expect(listed == "bo\tbranch-officer\tNorth branch\ndpo\tdpo\n")

        let again = try await cli.ok(["user", "reset-mfa", "bo"])
        #expect(again.stdout.contains("otpauth://") && again.stdout != added.stdout)
        try await cli.ok(["user", "disable", "dpo"])
        #expect(try await cli.ok(["user", "list"]).stdout.contains("dpo\tdpo\t(disabled)"))

        // Refusals: a branch officer without a branch, a duplicate, a short password, no password.
        #expect(try await cli.muster.run(["user", "add", "x", "--role", "branch-officer"], input: password).status == 65)
        #expect(try await cli.muster.run(["user", "add", "bo", "--role", "auditor"], input: password).status == 73)
        #expect(try await cli.muster.run(["user", "add", "y", "--role", "auditor"], input: "short\n").status == 65)
        #expect(try await cli.muster.run(["user", "add", "z", "--role", "auditor"], input: "").status == 64)
        #expect(try await cli.muster.run(["user", "disable", "nobody"]).status == 66)
        let verified = try await cli.ok(["ledger", "verify"]).stdout
        #expect(verified.hasPrefix("verified 4 entries"))
        #expect(verified.contains("; the ledger ") && verified.contains(" s, the tables and keys "), "\(verified)")
    }
}
