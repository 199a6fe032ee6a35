import ArgumentParser
import Foundation
import MusterCore
import MusterRegister

/// `muster vault …`: the state of the vaults, and the remote vault server.
struct VaultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Vaults: shipping status, and the append-only vault server.",
        subcommands: [VaultStatusCommand.self, VaultServeCommand.self])
}

struct VaultStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Per vault: the last entry shipped, the lag behind the ledger, the newest key-store snapshot.")

    @OptionGroup var options: RegisterOptions
    @OptionGroup var vaults: VaultOptions

    func validate() throws {
        try vaults.requireOne()
    }

    func run() async throws {
        try await runCommand {
            let register = try await options.open()
            var behind = false
            for vault in try vaults.open() {
                let status = try await VaultShipper(register: register, vault: vault).status()
                var line = "\(status.location): shipped through entry \(status.shippedThrough) of \(status.ledgerSize)"
                line += status.lagEntries == 0 ? " (up to date)" : " (lag \(status.lagEntries) entries"
                if let since = status.oldestUnshippedTime {
                    let seconds = max(0, (register.configuration.clock() - since) / 1000)
                    line += ", \(seconds) s)"
                } else if status.lagEntries > 0 {
                    line += ")"
                }
                if let snapshot = status.latestKeySnapshot { line += "; key store: \(snapshot)" }
                if let snapshot = status.latestRegisterSnapshot {
                    line += "; register: \(snapshot.name) (\(Terminal.grouped(Int(snapshot.entries))) entries)"
                }
                print(line)
                behind = behind || status.lagEntries > 0
            }
            if behind { throw ExitCode(1) }
        }
    }
}
