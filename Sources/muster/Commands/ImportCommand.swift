import ArgumentParser
import MusterRegister

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a register CSV: all of it, or (with --reject-file) its valid rows.",
        discussion: """
            A membership number already in the register updates that person; a row without one \
            gets a new number unless it matches someone exactly (name, date of birth, email). \
            Without --reject-file, any problem imports nothing and every problem is listed.
            """)

    @OptionGroup var options: RegisterOptions

    @Argument(help: ArgumentHelp("The register CSV file.", valueName: "file.csv"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Import the valid rows and write rejected rows, with reasons, to this file.", valueName: "file"))
    var rejectFile: String?

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            let bar = ProgressBar(label: "importing")
            let report = try await register.importCSV(
                path: file,
                options: ImportOptions(rejectFile: rejectFile) { progress in
                    bar.update(
                        count: progress.rows, unit: "rows",
                        fraction: progress.totalBytes.map { Double(progress.bytesRead) / Double(max($0, 1)) })
                })
            bar.finish()
            print(ImportCommand.summary(report))
            if report.rejected > 0 { throw ExitCode(65) }
        }
    }

    static func summary(_ report: ImportReport) -> String {
        var lines = [
            "imported \(Terminal.grouped(report.imported)) people in \(Terminal.seconds(report.seconds)) "
                + "(\(Terminal.rate(report.rows, report.seconds)) people/s)",
            "  created \(Terminal.grouped(report.created)), updated \(Terminal.grouped(report.updated)), "
                + "unchanged \(Terminal.grouped(report.unchanged)), rejected \(Terminal.grouped(report.rejected))",
        ]
        if report.sharedEmails > 0 {
            lines.append("  \(Terminal.grouped(report.sharedEmails)) rows share an email with someone else (households): imported")
        }
        if !report.likelyDuplicates.isEmpty {
            lines.append("  \(report.likelyDuplicates.count) likely duplicates not imported (same name, date of birth and email):")
            for duplicate in report.likelyDuplicates.prefix(50) {
                lines.append("    line \(duplicate.line) matches \(duplicate.matches)")
            }
        }
        for problem in report.problems.prefix(50) { lines.append("  rejected: \(problem)") }
        return lines.joined(separator: "\n")
    }
}
