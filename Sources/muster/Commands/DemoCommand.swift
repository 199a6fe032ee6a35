import ArgumentParser
import Foundation
import MusterCSV
import MusterCore
import MusterDemo
import MusterRegister
import MusterStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a register of synthetic, realistic people (for trying Muster out).",
        discussion: """
            Creates the register (and its keys) if needed. The same --seed gives the same people. \
            With --csv, writes them as a register CSV instead (for imports and benchmarks).
            """)

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "How many people (default 10,000).")
    var people = 10_000

    @Option(name: .long, help: "Seed for the generator (default 1).")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Write the people to this register CSV file instead of a register.", valueName: "file"))
    var csv: String?

    func validate() throws {
        if people < 0 { throw ValidationError("--people cannot be negative") }
    }

    func run() async throws {
        try await runCommand {
            let today = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).day
            let generator = DemoRegister(seed: seed, referenceDay: today)
            if let csv {
                try writeCSV(generator, to: csv)
                return
            }
            let configuration = options.configuration
            let register: Register
            do {
                register = try await Register.open(configuration)
            } catch let error as StoreError where error.code == .notInitialised {
                register = try await Register.initialise(configuration)
                print("created register in \(configuration.database.map { _ in "PostgreSQL" } ?? configuration.dataDirectory), keys in \(configuration.keysDirectory)")
            }
            let report = try await register.importRecords(count: people, source: "demo", record: generator.person(at:))
            print(
                "added \(Terminal.grouped(report.created)) synthetic people in \(Terminal.seconds(report.seconds)) "
                    + "(\(Terminal.rate(report.rows, report.seconds)) people/s)"
                    + (report.unchanged > 0 ? "; \(Terminal.grouped(report.unchanged)) were already there" : ""))
        }
    }

    private func writeCSV(_ generator: DemoRegister, to path: String) throws {
        let started = Date()
        let writer = try CSVWriter(path: path)
        try writer.write(RegisterCSV.headerRow)
        let bar = ProgressBar(label: "writing")
        for index in 0..<people {
            try writer.write(RegisterCSV.fields(of: generator.person(at: index)))
            if index % 5000 == 0 { bar.update(count: index, unit: "people", fraction: Double(index) / Double(max(people, 1))) }
        }
        try writer.close()
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        print("wrote \(Terminal.grouped(people)) synthetic people to \(path) in \(Terminal.seconds(seconds)) (\(Terminal.rate(people, seconds)) people/s)")
    }
}
