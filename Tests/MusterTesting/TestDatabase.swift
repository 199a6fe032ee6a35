import Foundation

/// The PostgreSQL server tests may use: `MUSTER_TEST_DATABASE` (an admin URL such as
/// `postgres://postgres@127.0.0.1:54329/postgres`), set by scripts/test.
public enum TestDatabase {
    public static var adminURL: String? { ProcessInfo.processInfo.environment["MUSTER_TEST_DATABASE"] }

    /// Whether the test command promised a server (so its absence is a failure, not a skip).
    public static var required: Bool { ProcessInfo.processInfo.environment["MUSTER_REQUIRE_POSTGRES"] == "1" }

    /// Creates a new empty database on the test server and returns its URL.
    public static func create() async throws -> String {
        guard let admin = adminURL, var components = URLComponents(string: admin) else {
            throw CocoaError(.featureUnsupported)
        }
        let name = "muster_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        psql.arguments = [admin, "-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"]
        psql.standardOutput = FileHandle.nullDevice
        try psql.run()
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        components.path = "/" + name
        return components.string!
    }
}
