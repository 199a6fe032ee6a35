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
        guard let admin = adminURL, var components = URLComponents(string: admin) else {
            throw CocoaError(.featureUnsupported)
        }
        let name = "muster_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await psql(admin, "CREATE DATABASE \(name)")
        components.path = "/" + name
        return components.string!
    }

    /// Runs one SQL command through `psql` on `url` and returns what it printed (unaligned, no headers).
    @discardableResult
    public static func psql(_ url: String, _ command: String) async throws -> String {
        let result = try await ChildProcess.run("/usr/bin/psql", [url, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", command])
        guard result.status == 0 else { throw PsqlFailed(status: result.status, message: result.stderr) }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// `psql` exited with an error; `message` is what it printed (SQL errors, no register data).
public struct PsqlFailed: Error, CustomStringConvertible {
    public let status: Int32
    public let message: String
    public var description: String { "psql exited \(status): \(message)" }
}
