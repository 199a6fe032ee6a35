import Foundation
public import MusterAccess
import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore

/// The staff who may sign in to the server: accounts, passwords (bcrypt), mandatory TOTP, and
/// access tokens. Every change to an account is a ledger entry; sign-in failures never say
/// whether the account exists, the password was wrong or the code was.
///
/// ```swift
/// let accounts = StaffAccounts(register: register)
/// let enrolment = try await accounts.add(username: "alice", role: .dataProtectionOfficer, branches: [], password: pw)
/// // alice scans enrolment.otpauthURI into an authenticator app, then:
/// let signIn = try await accounts.signIn(username: "alice", password: pw, code: "123456")
/// let staff = try await accounts.authenticate(token: signIn.token)
/// ```
public struct StaffAccounts: Sendable {
    let register: Register
    let passwords: PasswordHasher
    let recent: RecentTokens

    /// How long a bearer token or session lasts unless asked otherwise.
    public static let defaultLifetime: Duration = .seconds(8 * 3600)
    /// The issuer shown in authenticator apps.
    public static let issuer = "Muster"

    /// How long a checked token is trusted without reading the store again (see
    /// ``authenticate(token:)``).
    public static let defaultRecheck: Duration = .seconds(2)

    /// `passwordCost` is bcrypt's work factor (tests use a low one; 12 in production).
    /// `recheckTokensAfter` bounds how long a revocation made by another process takes to reach
    /// this one; `.zero` reads the store on every request.
    public init(register: Register, passwordCost: Int = PasswordHasher.defaultCost, recheckTokensAfter: Duration = defaultRecheck) {
        self.register = register
        self.passwords = PasswordHasher(cost: passwordCost)
        self.recent = RecentTokens(lifetime: recheckTokensAfter)
    }

    /// Adds an account and enrols it in TOTP. Branch officers need at least one branch; national
    /// roles have none.
    public func add(username: String, role: Role, branches: [String], password: String) async throws -> StaffEnrolment {
        try Self.validate(username: username)
        let branches = Array(Set(branches.map { Text.tidy($0) }.filter { !$0.isEmpty })).sorted()
        if role == .branchOfficer && branches.isEmpty {
            throw RegisterError(.invalid, "a branch officer needs at least one --branch")
        }
        if role != .branchOfficer && !branches.isEmpty {
            throw RegisterError(.invalid, "only branch officers are limited to branches")
        }
        let hash = try await passwords.hashOffLoop(password)
        let secret = TOTPSecret.generate()
        let row = StaffRow(
            username: username, role: role.rawValue, branches: branches, passwordHash: hash,
            sealedTOTPSecret: try sealer().seal(secret.bytes, owner: Array(username.utf8)), createdAt: register.configuration.clock())
        try await record(.added, row) { tx in
            if try tx.staff(username: username) != nil { throw RegisterError(.duplicate, "there is already a staff account \(username)") }
        }
        return try enrolment(username: username, secret: secret)
    }

    /// Every account, by username.
    public func list() async throws -> [StaffSummary] {
        try await register.store.read { tx in try tx.allStaff().map(StaffSummary.init) }
    }

    /// Disables the account and revokes all its tokens and sessions at once.
    public func disable(username: String) async throws {
        var row = try await require(username)
        let now = register.configuration.clock()
        row.disabledAt = now
        try await record(.disabled, row) { tx in try tx.revokeAccessTokens(username: username, at: now) }
        recent.forget(username: username)
    }

    /// Replaces the account's TOTP secret (a lost phone) and revokes its tokens.
    public func resetMFA(username: String) async throws -> StaffEnrolment {
        var row = try await require(username)
        let secret = TOTPSecret.generate()
        row.sealedTOTPSecret = try sealer().seal(secret.bytes, owner: Array(username.utf8))
        row.lastTOTPStep = nil
        let now = register.configuration.clock()
        try await record(.mfaReset, row) { tx in try tx.revokeAccessTokens(username: username, at: now) }
        recent.forget(username: username)
        return try enrolment(username: username, secret: secret)
    }

    /// Sets a new password and revokes the account's tokens.
    public func setPassword(username: String, password: String) async throws {
        var row = try await require(username)
        row.passwordHash = try await passwords.hashOffLoop(password)
        let now = register.configuration.clock()
        try await record(.passwordChanged, row) { tx in try tx.revokeAccessTokens(username: username, at: now) }
        recent.forget(username: username)
    }

    // MARK: Internals shared with sign-in

    func sealer() throws -> SecretSealer {
        guard let keyring = register.keyring else {
            throw RegisterError(.keys, "staff accounts cannot be managed without the keys directory")
        }
        return SecretSealer.staffSecrets(keyring.master)
    }

    private func require(_ username: String) async throws -> StaffRow {
        guard let row = try await register.store.read({ try $0.staff(username: username) }) else {
            throw RegisterError(.notFound, "no staff account \(username)")
        }
        return row
    }

    private func enrolment(username: String, secret: TOTPSecret) throws -> StaffEnrolment {
        StaffEnrolment(
            username: username, totpSecret: secret.base32, otpauthURI: try secret.otpauthURI(issuer: Self.issuer, account: username))
    }

    /// Writes `row` with its ledger entry (and `also`, in the same transaction).
    private func record(
        _ action: StaffChange, _ row: StaffRow, also: @escaping @Sendable (any StoreWriting) throws -> Void = { _ in }
    ) async throws {
        let actor = register.configuration.actor
        let time = register.configuration.clock()
        try await register.ledger.transact { tx in
            try also(tx)
            try tx.putStaff(row)
            _ = try tx.append(EntryDraft(time: time, actor: actor, kind: .staff, subject: nil, payload: action.payload(for: row)))
        }
    }

    static func validate(username: String) throws {
        let allowed = username.utf8.allSatisfy { c in
            (97...122).contains(c) || (48...57).contains(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
        }
        guard (1...64).contains(username.utf8.count), allowed else {
            throw RegisterError(.invalid, "a staff username is 1 to 64 characters: a-z, 0-9, '.', '-' or '_'")
        }
    }
}

/// What a new or re-enrolled account needs once: the TOTP secret, as text and as a URI for an
/// authenticator app. Shown once, never stored in clear.
public struct StaffEnrolment: Sendable {
    public let username: String
    public let totpSecret: String
    public let otpauthURI: String
}

/// An account as listed (no secrets).
public struct StaffSummary: Sendable, Equatable {
    public let username: String
    public let role: String
    public let branches: [String]
    public let mfaEnrolled: Bool
    public let disabled: Bool

    init(_ row: StaffRow) {
        username = row.username
        role = row.role
        branches = row.branches
        mfaEnrolled = row.sealedTOTPSecret != nil
        disabled = row.disabledAt != nil
    }
}

/// A change to a staff account, as recorded on the ledger (username, role, branches; no secrets).
enum StaffChange: String {
    case added, disabled, mfaReset = "mfa-reset", passwordChanged = "password-changed"

    func payload(for row: StaffRow) -> [UInt8] {
        var tlv = TLVWriter()
        tlv.append(1, text: rawValue)
        tlv.append(2, text: row.username)
        tlv.append(3, text: row.role)
        tlv.append(4, text: row.branchesText)
        return tlv.bytes
    }
}
