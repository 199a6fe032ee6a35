import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MusterAccess
import MusterCore
import MusterRegister
import MusterTesting
import Synchronization
import Testing

@testable import MusterServer

/// A register of the 12 sample people, one staff member of each role (the branch officer looks
/// after Preston), a clock the test moves, captured logs, and the server built on them.
final class ServerFixture: Sendable {
    static let password = "correct horse battery staple"
    /// The branch officer's branch, a person in it, and a person outside it.
    static let officerBranch = "Preston Canal branch"
    static let inBranch = "M1083616"
    static let outOfBranch = "M1036102"
    static let otherBranch = "Edmonton and Winchmore Hill Southside branch"

    let directory = TemporaryDirectory("muster-server")
    let clock = TestClock()
    let register: Register
    let accounts: StaffAccounts
    let configuration: ServerConfiguration
    let metrics = ServerMetrics()
    let logs = LogCapture()
    let enrolments: [String: StaffEnrolment]
    /// A signed-in token per username: admin, dpo, officer, auditor.
    let tokens: [String: String]

    static let roles: [(String, Role, [String])] = [
        ("admin", .nationalAdmin, []), ("dpo", .dataProtectionOfficer, []), ("officer", .branchOfficer, [officerBranch]),
        ("auditor", .auditor, []),
    ]

    init(configure: (inout ServerConfiguration) -> Void = { _ in }) async throws {
        let clock = self.clock
        register = try await Register.initialise(
            RegisterConfiguration(
                dataDirectory: directory.file("data"), keysDirectory: directory.file("keys"), actor: "test:setup",
                clock: { clock.milliseconds.withLock { $0 } }))
        _ = try await register.importCSV(path: SampleFiles.membersSample)
        accounts = StaffAccounts(register: register, passwordCost: 4)
        var enrolments: [String: StaffEnrolment] = [:]
        var tokens: [String: String] = [:]
        let now = Timestamp(secondsSinceEpoch: clock.milliseconds.withLock { $0 } / 1000)
        for (username, role, branches) in Self.roles {
            let enrolment = try await accounts.add(username: username, role: role, branches: branches, password: Self.password)
            enrolments[username] = enrolment
            let code = try #require(try TOTPSecret(base32: enrolment.totpSecret).code(at: now))
            tokens[username] = try await accounts.signIn(username: username, password: Self.password, code: code).token
        }
        self.enrolments = enrolments
        self.tokens = tokens
        try FileManager.default.createDirectory(atPath: directory.file("staging"), withIntermediateDirectories: true)
        var configuration = ServerConfiguration(
            perClient: .init(requestsPerSecond: 10_000, burst: 10_000), perAccount: .init(requestsPerSecond: 10_000, burst: 10_000),
            signInPerClient: .init(requestsPerSecond: 100, burst: 100), signInPerAccount: .init(requestsPerSecond: 100, burst: 100),
            trustForwardedFor: true, temporaryDirectory: directory.file("staging"), passwordCost: 4)
        configure(&configuration)
        self.configuration = configuration
    }

    /// The application, logging into ``logs``.
    func application() -> some ApplicationProtocol {
        let logs = self.logs
        let logger = Logger(label: "muster.test") { label in JSONLogHandler(label: label) { logs.append($0) } }
        return MusterServer.makeApplication(register: register, configuration: configuration, metrics: metrics, logger: logger)
    }

    /// Runs `body` with a client talking to the router (no sockets).
    func withClient<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await application().test(.router) { client in try await body(client) }
    }

    /// The current TOTP code for `username` after moving the clock to a fresh step.
    func nextCode(_ username: String) throws -> String {
        let now = clock.milliseconds.withLock { value in
            value += 30_000
            return value
        }
        return try #require(try TOTPSecret(base32: enrolments[username]!.totpSecret).code(at: Timestamp(secondsSinceEpoch: now / 1000)))
    }

    /// Entries on the ledger now.
    func ledgerSize() async throws -> UInt64 {
        try await API.ledgerSize(register)
    }

    /// Files left in the staging directory.
    func stagedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.file("staging"))
    }
}

/// The register's clock, moved by the tests (milliseconds since the epoch).
final class TestClock: Sendable {
    let milliseconds = Mutex<Int64>(1_780_315_200_000)
}

/// Log lines written by the server under test.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined() } }
}

extension TestClientProtocol {
    /// A request with the staff member's bearer token (none for `nil`) and an optional client
    /// address in `X-Forwarded-For` (trusted in these tests).
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, client: String? = nil, json: String? = nil,
        body: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let client { headers[HTTPField.Name("X-Forwarded-For")!] = client }
        if json != nil { headers[.contentType] = "application/json" }
        let payload = json ?? body
        return try await execute(uri: uri, method: method, headers: headers, body: payload.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// `error.code` of an error body.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
}
