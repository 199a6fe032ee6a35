import ArgumentParser
import MusterRegister

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one person, decrypted, by membership number.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The membership number.")
    var number: String

    func run() async throws {
        try await runCommand {
            switch try await options.open().person(number: number) {
            case .present(let person):
                PersonPrinter.lines(person).forEach { print($0) }
            case .erased(let number, let at):
                print("\(number): erased on \(at) (their data key was destroyed; no copy of their data can be read)")
            }
        }
    }
}
