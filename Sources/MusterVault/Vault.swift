public import Foundation

/// Somewhere sealed segments and key-store snapshots are kept, which the primary can add to
/// but never rewrite: a filesystem vault (``FileVault``) or a remote vault server.
///
/// Every method may fail while the vault is unreachable; the shipper retries with backoff and
/// never lets a vault that is down block the register's writes.
public protocol Vault: Sendable {
    /// Where the vault is, for messages (a `file://` or `http://` URL, never a token).
    var location: String { get }
    /// Stores `bytes` under `name` once; the same bytes again is ``FileVault/PutResult/alreadyPresent``.
    func store(name: String, bytes: [UInt8]) async throws -> FileVault.PutResult
    /// The bytes stored under `name`.
    func fetch(name: String) async throws -> [UInt8]
    /// The stored names starting with `prefix`, sorted.
    func names(prefix: String) async throws -> [String]
    /// Stores a snapshot under a name the vault makes from its own clock; returns the name.
    func storeSnapshot(prefix: String, bytes: [UInt8]) async throws -> String
    /// Applies the snapshot retention: removes snapshots with `prefix` older than `cutoff`,
    /// keeping the newest `keepingNewest` whatever their age. Never touches segments.
    func pruneSnapshots(prefix: String, olderThan cutoff: Date, keepingNewest: Int) async throws -> [String]
}

extension FileVault: Vault {
    public var location: String { "file://" + directory }

    public func store(name: String, bytes: [UInt8]) async throws -> PutResult {
        try put(name: name, bytes: bytes)
    }

    public func fetch(name: String) async throws -> [UInt8] {
        try get(name: name)
    }

    public func names(prefix: String) async throws -> [String] {
        try list(prefix: prefix)
    }

    public func storeSnapshot(prefix: String, bytes: [UInt8]) async throws -> String {
        try putSnapshot(prefix: prefix, bytes: bytes, now: Date())
    }

    public func pruneSnapshots(prefix: String, olderThan cutoff: Date, keepingNewest: Int) async throws -> [String] {
        try prune(prefix: prefix, olderThan: cutoff, keepingNewest: keepingNewest)
    }
}
