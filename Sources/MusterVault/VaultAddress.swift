import Foundation

/// Opens a vault from its URL: `file:///path` (a directory, created 0700 if missing) or, with a
/// token, `http://host:port` (a `muster vault serve`).
public enum VaultAddress {
    public static func open(_ url: String, token: String? = nil) throws -> any Vault {
        if url.hasPrefix("file://") {
            let path = String(url.dropFirst("file://".count))
            guard path.hasPrefix("/") else { throw VaultError(.invalidName, "a file vault URL is file:///absolute/path") }
            if !FileManager.default.fileExists(atPath: path) {
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw VaultError(.io, "cannot create the vault directory \(path)")
                }
            }
            return try FileVault(directory: path)
        }
        if url.hasPrefix("http://") || url.hasPrefix("https://") {
            guard let token, !token.isEmpty else {
                throw VaultError(.notAllowed, "a remote vault needs its token (--vault-token-file or $MUSTER_VAULT_TOKEN)")
            }
            return try HTTPVault(url: url, token: token)
        }
        throw VaultError(.invalidName, "a vault URL starts with file:// or http://")
    }
}
