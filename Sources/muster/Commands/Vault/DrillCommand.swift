import ArgumentParser
import Foundation
import MusterCore
import MusterDemo
import MusterRegister
import MusterSystem
import MusterVault

struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Ransomware drill: write while shipping, destroy the data directory, restore from the vault, compare.",
        discussion: """
            Builds a demo register in a scratch directory (with its own keys and a file vault), \
            adds people continuously while shipping, then overwrites and deletes the data \
            directory without warning, restores from the vault and reports what was acknowledged, \
            what came back (RPO in entries and seconds), how long the restore took (RTO) and \
            whether the restored register's digest matches the expected one. Exits 1 if anything \
            acknowledged and shipped was lost.
            """)

    @Option(name: .long, help: "People in the register before the drill (default 10,000).")
    var people = 10_000

    @Option(name: .long, help: "Seconds of writes before the attack (default 5).")
    var seconds = 5.0

    @Option(name: .long, help: ArgumentHelp("Scratch directory (default: a new one under /tmp, removed afterwards).", valueName: "dir"))
    var dir: String?

    func run() async throws {
        try await runCommand {
            keepLargeFreedBlocks()  // see there: a tenth of a restore's time
            let scratch = dir ?? NSTemporaryDirectory() + "/muster-drill-" + UUID().uuidString.prefix(8)
            defer { if dir == nil { try? FileManager.default.removeItem(atPath: scratch) } }
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let configuration = RegisterConfiguration(dataDirectory: scratch + "/data", keysDirectory: scratch + "/keys", actor: "drill")
            let register = try await Register.initialise(configuration)
            let generator = DemoRegister(seed: 1, referenceDay: Timestamp(secondsSinceEpoch: configuration.clock() / 1000).day)
            _ = try await register.importRecords(count: people, source: "demo", record: generator.person(at:))
            Terminal.printError("drill: \(Terminal.grouped(people)) people; writing for \(seconds) s while shipping to \(scratch)/vault…")

            var drill = RansomwareDrill()
            drill.writeSeconds = seconds
            var restoreInto = configuration
            restoreInto.dataDirectory = scratch + "/restored"
            let report = try await drill.run(
                register: register, vault: try VaultAddress.open("file://" + scratch + "/vault"), restoreInto: restoreInto)

            print("writes acknowledged before the attack: \(report.acknowledged)")
            print("  of which shipped (must all come back): \(report.shipped)")
            print("  lost after restore: \(report.lost)")
            print("RPO: \(report.rpoEntries) entries, \(String(format: "%.2f", report.rpoSeconds)) s")
            print(
                "RTO: restored \(Terminal.grouped(Int(report.restore.entries))) entries and \(Terminal.grouped(report.restore.people)) people "
                    + "in \(Terminal.seconds(report.restore.seconds))")
            print("digest: restored \(report.restoredDigest.prefix(16))…, expected \(report.expectedDigest.prefix(16))… "
                + (report.restoredDigest == report.expectedDigest ? "(match)" : "(MISMATCH)"))
            print(report.passed ? "drill passed" : "drill FAILED")
            if !report.passed { throw ExitCode(1) }
        }
    }
}
