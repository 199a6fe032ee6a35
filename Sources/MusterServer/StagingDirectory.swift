import Foundation
import Hummingbird
import MusterRegister

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private directory (0700) for one import or export: plaintext personal data passes through
/// it, so it must lie outside the data and keys directories, and ``remove()`` runs whatever
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

    /// Writes `body` to a new 0600 file at `path`, refusing more than `limit` bytes (413).
    static func write(_ body: RequestBody, to path: String, limit: Int) async throws -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw APIError(.serviceUnavailable, "staging_unavailable", "cannot stage the file: try again later", retryAfter: 5)
        }
        defer { close(descriptor) }
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            guard total <= limit else {
                throw APIError(.contentTooLarge, "body_too_large", "the file is larger than \(limit) bytes")
            }
            try chunk.withUnsafeReadableBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw APIError(.serviceUnavailable, "staging_unavailable", "cannot stage the file: try again later", retryAfter: 5)
                    }
                    offset += written
                }
            }
        }
        return total
    }
}

#if canImport(Glibc)
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(descriptor, bytes, count) }
#elseif canImport(Darwin)
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(descriptor, bytes, count) }
#endif
