import ArgumentParser
import Foundation
import MusterVault

/// The vaults a command ships to or reads from, and the token for remote ones.
struct VaultOptions: ParsableArguments {
    @Option(name: .customLong("vault"), help: ArgumentHelp("A vault: file:///path or http://host:port (repeat for several).", valueName: "url"))
    var urls: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file holding the remote vault's token (default: $MUSTER_VAULT_TOKEN).", valueName: "file"))
    var vaultTokenFile: String?

    /// For the commands that cannot work without a vault.
    func requireOne() throws {
        guard !urls.isEmpty else { throw ValidationError("name at least one --vault") }
    }

    /// The token for remote vaults, never taken from the command line (others can read that).
    func token() throws -> String? {
        if let file = vaultTokenFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read the vault token file \(file)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ProcessInfo.processInfo.environment["MUSTER_VAULT_TOKEN"]
    }

    func open() throws -> [any Vault] {
        let token = try token()
        return try urls.map { try VaultAddress.open($0, token: token) }
    }
}
