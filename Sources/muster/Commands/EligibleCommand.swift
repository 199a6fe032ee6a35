import ArgumentParser
import Foundation
import MusterCore
import MusterRegister

struct EligibleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligible",
        abstract: "Count (and list) who may vote in a ballot with a given freeze date.",
        discussion: """
            The rule is data: give its settings as options, or all of it as a JSON file with --rule \
            ({"freezeDate": "2026-09-01", "minimumMonths": 6, "arrearsGraceDays": 90, \
            "affiliatedSupporters": "registered_before_freeze"}). Options override the file.
            """)

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "The freeze date, YYYY-MM-DD.")
    var freeze: String?

    @Option(name: .long, help: "Months of continuous good standing members need (default 6).")
    var minMonths: Int?

    @Option(name: .long, help: "Members in arrears for fewer days than this keep their vote (default 90).")
    var graceDays: Int?

    @Option(name: .long, help: "Affiliated supporters: excluded, registered_before_freeze (default) or like_members.")
    var affiliated: String?

    @Option(name: .long, help: ArgumentHelp("A JSON file holding the whole rule.", valueName: "file"))
    var rule: String?

    @Flag(name: .long, help: "List the membership numbers of those eligible.")
    var list = false

    func validate() throws {
        if freeze == nil && rule == nil { throw ValidationError("give --freeze DATE (or --rule FILE)") }
        if let freeze, Day(iso: freeze) == nil { throw ValidationError("--freeze must be a real date YYYY-MM-DD") }
        if let minMonths, minMonths < 0 { throw ValidationError("--min-months cannot be negative") }
        if let graceDays, graceDays < 0 { throw ValidationError("--grace-days cannot be negative") }
        if let affiliated, EligibilityRule.AffiliatedPolicy(rawValue: affiliated) == nil {
            throw ValidationError("--affiliated must be one of: excluded, registered_before_freeze, like_members")
        }
    }

    func resolvedRule() throws -> EligibilityRule {
        var resolved: EligibilityRule
        if let rule {
            do {
                resolved = try JSONDecoder().decode(EligibilityRule.self, from: Data(contentsOf: URL(fileURLWithPath: rule)))
            } catch {
                throw RegisterError(.invalid, "\(rule) is not an eligibility rule: \(error)")
            }
        } else {
            resolved = EligibilityRule(freezeDate: Day(iso: freeze!)!)
        }
        if let freeze { resolved.freezeDate = Day(iso: freeze)! }
        if let minMonths { resolved.minimumMonths = minMonths }
        if let graceDays { resolved.arrearsGraceDays = graceDays }
        if let affiliated { resolved.affiliatedSupporters = .init(rawValue: affiliated)! }
        return resolved
    }

    func run() async throws {
        try await runCommand {
            let rule = try resolvedRule()
            let report = try await options.open().eligibility(rule)
            if list { report.eligible.forEach { print($0) } }
            let out = list ? Terminal.printError : { print($0) }
            out("eligible: \(Terminal.grouped(report.eligible.count)) (freeze date \(rule.freezeDate), \(rule.minimumMonths) months' continuous membership, arrears grace \(rule.arrearsGraceDays) days, affiliated supporters: \(rule.affiliatedSupporters.rawValue))")
            for (reason, count) in report.ineligible.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                out("not eligible, \(reason.rawValue.replacingOccurrences(of: "_", with: " ")): \(Terminal.grouped(count))")
            }
        }
    }
}
