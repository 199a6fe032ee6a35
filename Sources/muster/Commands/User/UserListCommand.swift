import ArgumentParser
import MusterRegister

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the staff accounts (no secrets).")

    @OptionGroup var options: RegisterOptions

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            for account in try await StaffAccounts(register: register, passwordCost: 4).list() {
                var line = "\(account.username)\t\(account.role)"
                if !account.branches.isEmpty { line += "\t" + account.branches.joined(separator: "; ") }
                if !account.mfaEnrolled { line += "\t(no TOTP)" }
                if account.disabled { line += "\t(disabled)" }
                print(line)
            }
        }
    }
}
