import ArgumentParser
import MusterCore
import MusterRegister
import MusterStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Decrypt the register (or part of it) to a register CSV that re-imports.",
        discussion: "Every exported person gets a disclosure entry on the ledger, with --reason.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: "Only people in this branch.")
    var branch: String?

    @Option(name: .long, help: "Only this category (member, affiliated_supporter, registered_supporter, contact).")
    var category: String?

    @Option(name: .long, help: "Only this status.")
    var status: String?

    @Option(name: .long, help: "Why the data is exported (required; recorded in clear on the ledger: no personal data).")
    var reason: String

    func validate() throws {
        if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason must say why the data is exported") }
        if let category, Category(rawValue: category) == nil {
            throw ValidationError("unknown category '\(category)'")
        }
        if let status, Status(rawValue: status) == nil {
            throw ValidationError("unknown status '\(status)'")
        }
    }

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            let filter = PersonFilter(
                branch: branch, category: category.flatMap(Category.init(rawValue:)),
                status: status.flatMap(Status.init(rawValue:)))
            let bar = ProgressBar(label: "exporting")
            let report = try await register.export(
                to: out.map { .file($0) } ?? .standardOutput, filter: filter,
                disclosure: Disclosure(channel: "cli export", reason: reason)
            ) {
                bar.update(count: $0.people, unit: "people", fraction: $0.total > 0 ? Double($0.people) / Double($0.total) : nil)
            }
            bar.finish()
            Terminal.printError(
                "exported \(Terminal.grouped(report.people)) people in \(Terminal.seconds(report.seconds)) "
                    + "(\(Terminal.rate(report.people, report.seconds)) people/s)"
                    + (report.erasedSkipped > 0 ? "; \(report.erasedSkipped) erased people have no data to export" : ""))
        }
    }
}
