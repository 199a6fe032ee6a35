import ArgumentParser
import MusterCore
import MusterRegister

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Counts by category and status, and by region. Needs no keys.")

    @OptionGroup var options: RegisterOptions

    func run() async throws {
        try await runCommand {
            let counts = try await options.open().statistics()
            let statuses = Status.allCases
            let width = 22
            func cell(_ text: String, _ size: Int) -> String {
                text.count >= size ? text : String(repeating: " ", count: size - text.count) + text
            }
            print("category".padding(toLength: width, withPad: " ", startingAt: 0)
                + statuses.map { cell($0.rawValue, 11) }.joined() + cell("total", 11))
            for category in Category.allCases {
                let row = statuses.map { counts.byCategoryAndStatus[.init(category, $0)] ?? 0 }
                print(category.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    + row.map { cell(Terminal.grouped($0), 11) }.joined() + cell(Terminal.grouped(row.reduce(0, +)), 11))
            }
            print("total: \(Terminal.grouped(counts.total)) people" + (counts.erased > 0 ? " (+ \(counts.erased) erased)" : ""))
            print("")
            print("by region:")
            for (region, count) in counts.byRegion.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                print("  " + (region.isEmpty ? "(none)" : region).padding(toLength: 30, withPad: " ", startingAt: 0) + cell(Terminal.grouped(count), 10))
            }
        }
    }
}
