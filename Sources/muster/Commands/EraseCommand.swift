import ArgumentParser
import MusterRegister

struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a person by destroying their data key (crypto-shredding). Irreversible.",
        discussion: "The ledger keeps its entries, but no copy of the person's data, backups included, can be read again.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The membership number.")
    var number: String

    @Option(name: .long, help: "Why (e.g. 'subject erasure request').")
    var reason: String?

    @Flag(name: .long, help: "Do not ask for confirmation (for scripts).")
    var yes = false

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            if !yes {
                guard Terminal.standardInputIsTerminal else {
                    Terminal.printError("muster: erase needs --yes when not run at a terminal")
                    throw ExitCode(64)
                }
                guard Terminal.confirm("Erase \(number) for ever? Their data will be unreadable everywhere.") else {
                    print("not erased")
                    throw ExitCode(1)
                }
            }
            try await register.erase(number: number, reason: reason)
            print("\(number): erased")
        }
    }
}
