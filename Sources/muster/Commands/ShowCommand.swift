import ArgumentParser
import MusterRegister

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one person, decrypted, by membership number (recorded on the ledger as a disclosure).")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The membership number.")
    var number: String

    @Option(name: .long, help: "Why you are looking (recorded in clear on the ledger: no personal data).")
    var reason: String?

    func run() async throws {
        try await runCommand {
            switch try await options.open().person(number: number, disclosure: Disclosure(channel: "cli show", reason: reason)) {
            case .present(let person):
                PersonPrinter.lines(person).forEach { print($0) }
            case .erased(let number, let at):
                print("\(number): erased on \(at) (their data key was destroyed; no copy of their data can be read)")
            }
        }
    }
}
