import ArgumentParser
import Dispatch
import Foundation
import MusterRegister
import MusterVault

struct ShipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ship",
        abstract: "Ship new ledger entries to one or more vaults, continuously (about every second).",
        discussion: """
            Seals committed entries into segments (with the signed checkpoint that covers them) and \
            the key-store changes they imply, and sends them to every vault. A vault that is down \
            is retried with backoff and catches up when back; writes are never held up. Stops on \
            SIGINT or SIGTERM after a last round. Key-store snapshots are kept for --retention-days \
            (default 30): once that has passed, an erasure has reached every backup.
            """)

    @OptionGroup var options: RegisterOptions
    @OptionGroup var vaults: VaultOptions

    func validate() throws {
        try vaults.requireOne()
    }

    @Flag(name: .long, help: "Ship what is committed now, then stop.")
    var once = false

    @Option(name: .long, help: "Days to keep key-store snapshots (default 30).")
    var retentionDays = 30

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            var shipper = ContinuousShipper(register: register, vaults: try vaults.open())
            shipper.retention = TimeInterval(retentionDays) * 24 * 3600
            let stop = StopSignal()
            if once { stop.set() }
            let signals = Self.stopOnSignals(stop)
            defer { signals.forEach { $0.cancel() } }
            await shipper.run(stop: stop) { Self.print($0) }
        }
    }

    static func print(_ event: ShipEvent) {
        switch event {
        case .shipped(let vault, let round, let lag):
            Terminal.printError(
                "\(vault): shipped \(Terminal.grouped(round.entries)) entries in \(round.segments.count) segment(s), "
                    + "through entry \(round.shippedThrough) (lag \(lag))")
        case .keySnapshot(let vault, let name, let keys):
            Terminal.printError("\(vault): key-store snapshot \(name) (\(Terminal.grouped(keys)) keys)")
        case .registerSnapshot(let vault, let snapshot):
            Terminal.printError(
                "\(vault): register snapshot \(snapshot.name) (\(Terminal.grouped(Int(snapshot.ledgerSize))) entries, "
                    + "\(snapshot.bytes / 1_000_000) MB)")
        case .failed(let vault, let message, let retryIn):
            Terminal.printError("\(vault): \(message); retrying in \(retryIn.components.seconds) s")
        case .recovered(let vault):
            Terminal.printError("\(vault): reachable again")
        }
    }

    /// SIGINT and SIGTERM set `stop` (the shipper then makes a last round and returns).
    static func stopOnSignals(_ stop: StopSignal) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop.set() }
            source.resume()
            return source
        }
    }
}
