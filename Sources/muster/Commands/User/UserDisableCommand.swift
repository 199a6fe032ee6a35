import ArgumentParser
import MusterAccess
import MusterRegister

/// What every command on one existing staff account takes: where the register is, and whose account.
struct StaffAccountOptions: ParsableArguments {
    @OptionGroup var options: RegisterOptions

    @Argument(help: "The username.")
    var username: String

    /// The register's staff accounts; `passwordCost` matters only to commands that hash a password.
    func accounts(passwordCost: Int = 4) async throws -> StaffAccounts {
        StaffAccounts(register: try await options.open(), passwordCost: passwordCost)
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a staff account and revoke its sessions and tokens at once.")

    @OptionGroup var account: StaffAccountOptions

    func run() async throws {
        try await runCommand {
            try await account.accounts().disable(username: account.username)
            print("\(account.username): disabled")
        }
    }
}

struct UserResetMFACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-mfa", abstract: "Give a staff account a new TOTP secret (a lost phone) and revoke its tokens.")

    @OptionGroup var account: StaffAccountOptions

    func run() async throws {
        try await runCommand {
            UserAddCommand.printEnrolment(try await account.accounts().resetMFA(username: account.username))
        }
    }
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a staff account's password and revoke its tokens.")

    @OptionGroup var account: StaffAccountOptions

    func run() async throws {
        try await runCommand {
            let password = try Terminal.readPassword(confirming: true)
            try await account.accounts(passwordCost: PasswordHasher.defaultCost).setPassword(username: account.username, password: password)
            print("\(account.username): password changed")
        }
    }
}
