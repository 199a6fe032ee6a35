import Foundation
public import MusterAccess
import MusterRegister

/// How the server listens and how hard it pushes back. Only the executable reads the command
/// line or the environment; everything below takes this value.
public struct ServerConfiguration: Sendable {
    /// The address to bind (an IP literal). Loopback by default: put a TLS proxy in front.
    public var host: String
    /// The port; 0 picks a free one (the bound address is reported when the server is up).
    public var port: Int
    /// Requests per client IP address (all routes).
    public var perClient: GCRALimiter.Configuration
    /// Requests per signed-in account.
    public var perAccount: GCRALimiter.Configuration
    /// Sign-in attempts per client IP address.
    public var signInPerClient: GCRALimiter.Configuration
    /// Sign-in attempts per username (whether or not the account exists).
    public var signInPerAccount: GCRALimiter.Configuration
    /// Requests served at once; more are refused with 503 before any work.
    public var maxInFlight: Int
    /// Sign-ins (each a bcrypt check) at once; more are refused with 503.
    public var maxConcurrentSignIns: Int
    /// Open connections at once; the server stops accepting above this.
    public var maxConnections: Int
    /// The largest JSON request body.
    public var maxJSONBodyBytes: Int
    /// The largest register CSV accepted by `POST /api/v1/people/import`.
    public var maxImportBodyBytes: Int
    /// The largest single header line, and all headers together.
    public var maxHeaderBytes: Int
    /// A connection with nothing to read or write for this long is closed (slow headers too).
    public var idleTimeout: Duration
    /// A request must arrive whole (head to last body byte) within this time…
    public var requestReadTimeout: Duration
    /// …except an import, which may take this long to upload.
    public var importReadTimeout: Duration
    /// Whether to take the client address from the last `X-Forwarded-For` entry (only behind a
    /// proxy that sets it; otherwise clients could pick their own rate-limit key).
    public var trustForwardedFor: Bool
    /// Where imports and exports are staged: must be outside the data directory. Each request
    /// gets its own 0700 directory here, removed when the request ends. Default: the system's.
    public var temporaryDirectory: String
    /// How long a sign-in lasts (default: `StaffAccounts.defaultLifetime`, 8 hours).
    public var tokenLifetime: Duration
    /// bcrypt's work factor for staff passwords (tests lower it).
    public var passwordCost: Int
    /// Adds `GET /bench/hello`, a hello-world route behind the same middleware, so a benchmark
    /// can compare an API read with the server's floor in one build. Off unless asked for.
    public var benchmarkRoute = false

    public init(
        host: String = "127.0.0.1", port: Int = 8080,
        perClient: GCRALimiter.Configuration = .init(requestsPerSecond: 50, burst: 100),
        perAccount: GCRALimiter.Configuration = .init(requestsPerSecond: 50, burst: 100),
        signInPerClient: GCRALimiter.Configuration = .init(requestsPerSecond: 0.2, burst: 10),
        signInPerAccount: GCRALimiter.Configuration = .init(requestsPerSecond: 0.05, burst: 5),
        maxInFlight: Int = 256, maxConcurrentSignIns: Int = 4, maxConnections: Int = 2048,
        maxJSONBodyBytes: Int = 64 * 1024, maxImportBodyBytes: Int = 512 * 1024 * 1024, maxHeaderBytes: Int = 16 * 1024,
        idleTimeout: Duration = .seconds(30), requestReadTimeout: Duration = .seconds(30),
        importReadTimeout: Duration = .seconds(900), trustForwardedFor: Bool = false,
        temporaryDirectory: String? = nil, tokenLifetime: Duration = .seconds(8 * 3600),
        passwordCost: Int = PasswordHasher.defaultCost
    ) {
        self.host = host
        self.port = port
        self.perClient = perClient
        self.perAccount = perAccount
        self.signInPerClient = signInPerClient
        self.signInPerAccount = signInPerAccount
        self.maxInFlight = maxInFlight
        self.maxConcurrentSignIns = maxConcurrentSignIns
        self.maxConnections = maxConnections
        self.maxJSONBodyBytes = maxJSONBodyBytes
        self.maxImportBodyBytes = maxImportBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.idleTimeout = idleTimeout
        self.requestReadTimeout = requestReadTimeout
        self.importReadTimeout = importReadTimeout
        self.trustForwardedFor = trustForwardedFor
        self.temporaryDirectory = temporaryDirectory ?? NSTemporaryDirectory()
        self.tokenLifetime = tokenLifetime
        self.passwordCost = passwordCost
    }
}
