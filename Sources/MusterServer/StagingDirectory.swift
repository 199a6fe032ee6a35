import Foundation
import Hummingbird
import MusterCrypto
import MusterRegister

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private directory (0700) for one upload. Only sealed spools are written there, but it still
/// lies outside the data and keys directories, and ``remove()`` runs whatever
/// happens.
struct StagingDirectory: Sendable {
    let path: String

    /// Creates a new directory under `parent`, refusing one inside the register's directories.
    init(under parent: String, register: Register) throws {
        let parentPath = Self.resolved(parent)
        for protected in [register.configuration.dataDirectory, register.configuration.keysDirectory] {
            let guarded = Self.resolved(protected)
            if parentPath == guarded || parentPath.hasPrefix(guarded + "/") {
                throw APIError(.internalServerError, "misconfigured", "the staging directory must be outside the data and keys directories")
            }
        }
        var template = Array((parentPath + "/muster-staging-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw APIError(.serviceUnavailable, "staging_unavailable", "no room to stage the file: try again later", retryAfter: 5)
        }
        path = String(cString: made)
        _ = chmod(path, 0o700)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let real = realpath(absolute, nil) else { return absolute }
        defer { free(real) }
        return String(cString: real)
    }

    /// A new sealed spool file in the directory.
    func spool(_ name: String) throws -> SealedSpool {
        do {
            return try SealedSpool(creating: file(name))
        } catch {
            throw APIError(.serviceUnavailable, "staging_unavailable", "cannot stage the file: try again later", retryAfter: 5)
        }
    }

    /// Streams `body` into `spool` and finishes it, refusing more than `limit` bytes (413).
    static func receive(_ body: RequestBody, into spool: SealedSpool, limit: Int) async throws -> Int {
        do {
            for try await chunk in body {
                guard spool.byteCount + chunk.readableBytes <= limit else { throw APIError.bodyTooLarge(limit) }
                try chunk.withUnsafeReadableBytes { try spool.append($0) }
            }
            try spool.finish()
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.serviceUnavailable, "staging_unavailable", "cannot stage the file: try again later", retryAfter: 5)
        }
        return spool.byteCount
    }
}
