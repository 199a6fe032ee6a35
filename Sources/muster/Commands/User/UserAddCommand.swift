public import ArgumentParser
public import MusterAccess
import MusterRegister

extension Role: ExpressibleByArgument {}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff account and enrol it in TOTP (prints an otpauth:// URI once).",
        discussion: "The password is asked for at a terminal, or read from the first line of standard input.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The username (a-z, 0-9, '.', '-', '_').")
    var username: String

    @Option(name: .long, help: "national-admin, dpo, branch-officer or auditor.")
    var role: Role

    @Option(name: .long, help: "A branch a branch officer works in (repeat for several).")
    var branch: [String] = []

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            let password = try Terminal.readPassword(confirming: true)
            let enrolment = try await StaffAccounts(register: register).add(
                username: username, role: role, branches: branch, password: password)
            UserAddCommand.printEnrolment(enrolment)
        }
    }

    static func printEnrolment(_ enrolment: StaffEnrolment) {
        print("\(enrolment.username): scan this into an authenticator app (shown once):")
        print(enrolment.otpauthURI)
        print("or enter the secret: \(enrolment.totpSecret)")
    }
}
