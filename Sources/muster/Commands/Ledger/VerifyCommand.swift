import ArgumentParser
import Foundation
import MusterRegister
import MusterSystem

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole register against its ledger; name the first problem.",
        discussion: """
            Recomputes every entry hash and link, the Merkle tree and every stored node, every \
            checkpoint's signature and root, replays the ledger against the tables, and checks the \
            key store. Needs no secret: only the public key (from the keys directory, or --public-key).
            """)

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "The verifier key to check checkpoints with (default: derived from the keys directory).")
    var publicKey: String?

    func run() async throws {
        try await runCommand {
            // Verify holds every replayed person in pages of megabytes; glibc maps each apart
            // and zeroes it (4% of verify's time on 430,000 people). See there.
            keepLargeFreedBlocks()
            let bar = ProgressBar(label: "verifying")
            let report = try await options.open().verify(verifierKey: publicKey) { done, total in
                bar.update(count: Int(done), unit: "entries", fraction: total > 0 ? Double(done) / Double(total) : nil)
            }
            bar.finish()
            let megabytes = Double(report.bytes) / 1_000_000
            print(
                "verified \(Terminal.grouped(Int(report.entries))) entries (\(String(format: "%.1f", megabytes)) MB), "
                    + "\(Terminal.grouped(report.checkpoints)) checkpoints and \(Terminal.grouped(report.people)) people "
                    + "in \(Terminal.seconds(report.seconds)) (\(Terminal.rate(Int(report.entries), report.seconds)) entries/s, "
                    + "\(String(format: "%.0f", megabytes / max(report.seconds, 0.000_001))) MB/s; "
                    + "the ledger \(Terminal.seconds(report.ledgerSeconds)), the tables and keys \(Terminal.seconds(report.tablesSeconds)))")
        }
    }
}

struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Drop the tables and blind indexes and rebuild them from the ledger and the key store.")

    @OptionGroup var options: RegisterOptions

    func run() async throws {
        try await runCommand {
            let started = Date()
            let count = try await options.open().rebuild()
            let seconds = Date().timeIntervalSince(started)
            print("rebuilt \(Terminal.grouped(count)) people from the ledger in \(Terminal.seconds(seconds))")
        }
    }
}
