import ArgumentParser
import MusterRegister

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every change and disclosure about one person: time, actor, what, reason.",
        discussion: "For subject access requests and investigations. Looking is itself recorded as a disclosure.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The membership number.")
    var number: String

    @Option(name: .long, help: "Why you are looking (recorded in clear on the ledger: no personal data).")
    var reason: String?

    func run() async throws {
        try await runCommand {
            let items = try await options.open().history(number: number, disclosure: Disclosure(channel: "cli ledger history", reason: reason))
            for item in items {
                var line = "\(item.time)  #\(item.sequence)  \(item.actor)  \(item.summary)"
                if let reason = item.reason { line += "  (reason: \(reason))" }
                print(line)
            }
        }
    }
}
