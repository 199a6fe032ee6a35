import ArgumentParser
import Foundation
import MusterCore
import MusterDemo
import MusterRegister

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a register of synthetic, realistic people (for trying Muster out).",
        discussion: "Creates the register (and its keys) if needed. The same --seed gives the same people.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "How many people (default 10,000).")
    var people = 10_000

    @Option(name: .long, help: "Seed for the generator (default 1).")
    var seed: UInt64 = 1

    func validate() throws {
        if people < 0 { throw ValidationError("--people cannot be negative") }
    }

    func run() async throws {
        try await runCommand {
            let configuration = options.configuration
            let register: Register
            if FileManager.default.fileExists(atPath: configuration.dataDirectory + "/register.sqlite") {
                register = try await Register.open(configuration)
            } else {
                register = try await Register.initialise(configuration)
                print("created register in \(configuration.dataDirectory), keys in \(configuration.keysDirectory)")
            }
            let today = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).day
            let generator = DemoRegister(seed: seed, referenceDay: today)
            let report = try await register.importRecords(count: people, source: "demo", record: generator.person(at:))
            print(
                "added \(Terminal.grouped(report.created)) synthetic people in \(Terminal.seconds(report.seconds)) "
                    + "(\(Terminal.rate(report.rows, report.seconds)) people/s)"
                    + (report.unchanged > 0 ? "; \(Terminal.grouped(report.unchanged)) were already there" : ""))
        }
    }
}
