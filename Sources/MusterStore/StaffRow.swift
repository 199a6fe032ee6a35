/// A member of staff who may sign in to the server, as stored. Staff accounts are operational
/// data beside the register (like the key store): changes to them are recorded on the ledger,
/// but the table is not a projection of it.
public struct StaffRow: Sendable, Equatable {
    public var username: String
    /// The role's stable name (`national-admin`, `dpo`, `branch-officer`, `auditor`).
    public var role: String
    /// The branches a branch officer works in (empty for national roles).
    public var branches: [String]
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// The TOTP secret, sealed under a key derived from the master key; `nil` until enrolled.
    public var sealedTOTPSecret: [UInt8]?
    /// The last TOTP time step accepted, so no code is accepted twice.
    public var lastTOTPStep: Int64?
    /// When the account was disabled (milliseconds since the epoch), if it was.
    public var disabledAt: Int64?
    /// When the account was created (milliseconds since the epoch).
    public var createdAt: Int64

    public init(
        username: String, role: String, branches: [String], passwordHash: String, sealedTOTPSecret: [UInt8]?,
        lastTOTPStep: Int64? = nil, disabledAt: Int64? = nil, createdAt: Int64
    ) {
        self.username = username
        self.role = role
        self.branches = branches
        self.passwordHash = passwordHash
        self.sealedTOTPSecret = sealedTOTPSecret
        self.lastTOTPStep = lastTOTPStep
        self.disabledAt = disabledAt
        self.createdAt = createdAt
    }

    /// Branches as stored: one per line (branch names are single lines).
    public var branchesText: String { branches.joined(separator: "\n") }

    public static func branches(from text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

/// A bearer token or browser session, stored only as the SHA-256 digest of its text.
public struct AccessTokenRow: Sendable, Equatable {
    public var digest: [UInt8]
    public var username: String
    /// `session` (a browser cookie) or `api` (a bearer token).
    public var kind: String
    /// Milliseconds since the epoch.
    public var expiresAt: Int64
    public var revokedAt: Int64?

    public init(digest: [UInt8], username: String, kind: String, expiresAt: Int64, revokedAt: Int64? = nil) {
        self.digest = digest
        self.username = username
        self.kind = kind
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}
