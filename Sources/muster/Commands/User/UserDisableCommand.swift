import ArgumentParser
import MusterRegister

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a staff account and revoke its sessions and tokens at once.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The username.")
    var username: String

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            try await StaffAccounts(register: register, passwordCost: 4).disable(username: username)
            print("\(username): disabled")
        }
    }
}

struct UserResetMFACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-mfa", abstract: "Give a staff account a new TOTP secret (a lost phone) and revoke its tokens.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The username.")
    var username: String

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            let enrolment = try await StaffAccounts(register: register, passwordCost: 4).resetMFA(username: username)
            UserAddCommand.printEnrolment(enrolment)
        }
    }
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a staff account's password and revoke its tokens.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The username.")
    var username: String

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            let password = try Terminal.readPassword(confirming: true)
            try await StaffAccounts(register: register).setPassword(username: username, password: password)
            print("\(username): password changed")
        }
    }
}
