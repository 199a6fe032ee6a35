import Foundation

/// The PostgreSQL server tests may use: `MUSTER_TEST_DATABASE` (an admin URL such as
/// `postgres://postgres@127.0.0.1:54329/postgres`), set by scripts/test.
public enum TestDatabase {
    public static var adminURL: String? { ProcessInfo.processInfo.environment["MUSTER_TEST_DATABASE"] }

    /// The test server's data directory (`MUSTER_TEST_PGDATA`), when the tests may read its files.
    public static var dataDirectory: String? { ProcessInfo.processInfo.environment["MUSTER_TEST_PGDATA"] }

    /// Whether the test command promised a server (so its absence is a failure, not a skip).
    public static var required: Bool { ProcessInfo.processInfo.environment["MUSTER_REQUIRE_POSTGRES"] == "1" }

    /// Creates a new empty database on the test server and returns its URL.
    public static func create() async throws -> String {
        try await onItsOwnThread { try createDatabase() }
    }

    /// ``create()`` for callers that are not async.
    public static func createDatabase() throws -> String {
        guard let admin = adminURL, var components = URLComponents(string: admin) else {
            throw CocoaError(.featureUnsupported)
        }
        let name = "muster_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        psql.arguments = [admin, "-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"]
        psql.standardOutput = FileHandle.nullDevice
        try psql.runWhenDescriptorsAllow()
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        components.path = "/" + name
        return components.string!
    }

    /// Runs one SQL command through `psql` on `url` and returns what it printed (unaligned, no headers).
    @discardableResult
    public static func psql(_ url: String, _ command: String) throws -> String {
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        psql.arguments = [url, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", command]
        let pipe = Pipe()
        psql.standardOutput = pipe
        try psql.runWhenDescriptorsAllow()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
