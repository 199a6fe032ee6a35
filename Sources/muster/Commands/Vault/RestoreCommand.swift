import ArgumentParser
import Foundation
import MusterCore
import MusterRegister
import MusterSystem
import MusterVault

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a register from a vault into a new data directory (or empty database), verified first.",
        discussion: """
            Fetches every segment, verifies every hash, signature and consistency step, and only \
            then replays the ledger, with the key store from its snapshots. --keys must hold the \
            register's own keys. A failed restore leaves nothing behind that looks like a register. \
            Given several vaults (copies of the same log), it verifies each, passes over any that \
            fails (naming what is wrong), and restores from the one holding the most entries.
            """)

    @OptionGroup var options: RegisterOptions

    @OptionGroup var vaults: VaultOptions

    @Option(name: .long, help: ArgumentHelp("Restore the register as it was at this time (ISO 8601, UTC).", valueName: "time"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Restore the first N entries only.", valueName: "n"))
    var untilEntry: UInt64?

    func validate() throws {
        try vaults.requireOne()
        if until != nil && untilEntry != nil { throw ValidationError("give --until or --until-entry, not both") }
        if let until, Timestamp(iso: until) == nil { throw ValidationError("--until must be an ISO 8601 time, e.g. 2026-11-26T10:00:00Z") }
    }

    func run() async throws {
        try await runCommand {
            keepLargeFreedBlocks()  // see there: a tenth of a restore's time
            var point = RestorePoint.latest
            if let untilEntry { point = .entry(untilEntry) }
            if let until, let time = Timestamp(iso: until) { point = .time(time.secondsSinceEpoch * 1000 + 999) }
            let sources = try vaults.open()
            Terminal.printError("restoring from \(sources.map(\.location).joined(separator: ", "))…")
            let report = try await Register.restore(from: sources, into: options.configuration, until: point)
            for vault in report.passedOver { Terminal.printError("passed over \(vault)") }
            if let vault = report.vault { Terminal.printError("restored from \(vault)") }
            if let refused = report.refusedSnapshot {
                Terminal.printError("register snapshot \(refused); replayed every entry instead")
            }
            if let snapshot = report.registerSnapshot {
                Terminal.printError(
                    "started from register snapshot \(snapshot) (\(Terminal.grouped(Int(report.snapshotEntries))) entries), "
                        + "replayed the \(Terminal.grouped(Int(report.entries - report.snapshotEntries))) after it")
            }
            let last = report.lastEntryTime.map { Timestamp(secondsSinceEpoch: $0 / 1000).description } ?? "-"
            print(
                "restored \(Terminal.grouped(Int(report.entries))) entries (\(report.segments) segments, verified) and "
                    + "\(Terminal.grouped(report.people)) people in \(Terminal.seconds(report.seconds)) "
                    + "(\(Terminal.rate(Int(report.entries), report.seconds)) entries/s); last entry \(last)")
        }
    }
}
