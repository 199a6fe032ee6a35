import Foundation
public import MusterAccess
import MusterCore
import MusterLedger
import MusterStore

/// A successful sign-in: the token text (shown once; only its digest is stored) and who it is.
public struct SignIn: Sendable {
    public let token: String
    public let staff: Staff
    /// Milliseconds since the epoch.
    public let expiresAt: Int64
}

/// Whether a token is for a browser session (cookie) or an API client (bearer).
public enum TokenKind: String, Sendable {
    case session
    case api
}

extension StaffAccounts {
    /// The one answer to every failed sign-in, so that none tells an attacker what was wrong.
    static let denied = RegisterError(.denied, "sign-in failed: check the username, password and code")

    /// Checks username, password and TOTP code, and issues a token. Costs one bcrypt check
    /// whether or not the account exists. A code is accepted once only.
    public func signIn(
        username: String, password: String, code: String, kind: TokenKind = .api, lifetime: Duration = defaultLifetime
    ) async throws -> SignIn {
        let row = try await register.store.read { try $0.staff(username: username) }
        guard let row else {
            await passwords.dummyVerifyOffLoop()
            throw Self.denied
        }
        guard await passwords.verifyOffLoop(password, against: row.passwordHash), row.disabledAt == nil,
            let role = Role(rawValue: row.role), let sealed = row.sealedTOTPSecret
        else { throw Self.denied }
        let secret = try TOTPSecret(bytes: try sealer().open(sealed, owner: Array(username.utf8)))
        let now = register.configuration.clock()
        let token = AccessToken.generate(now: Timestamp(secondsSinceEpoch: now / 1000), lifetime: lifetime)
        guard let digest = Hex.decode(token.digest) else { throw RegisterError(.corrupt, "a token digest is not hex") }
        let expiresAt = now + Int64(lifetime.components.seconds) * 1000
        // The code check and the step update share one write transaction, so two sign-ins racing
        // with one code (even on two servers sharing PostgreSQL) cannot both succeed.
        try await register.store.write { tx in
            guard var current = try tx.staff(username: username), current.disabledAt == nil else { throw Self.denied }
            var last = current.lastTOTPStep.map { UInt64($0) }
            guard case .accepted(let step) = secret.verify(code: code, at: Timestamp(secondsSinceEpoch: now / 1000), lastUsedStep: &last)
            else { throw Self.denied }
            current.lastTOTPStep = Int64(step)
            try tx.putStaff(current)
            try tx.putAccessToken(AccessTokenRow(digest: digest, username: username, kind: kind.rawValue, expiresAt: expiresAt))
        }
        return SignIn(token: token.text, staff: Staff(username: username, role: role, branches: Set(row.branches)), expiresAt: expiresAt)
    }

    /// The staff member a token belongs to, if the token is live and the account enabled;
    /// otherwise ``RegisterError/Code/denied``. A token checked against the store in the last
    /// `recheckTokensAfter` is taken from memory (revocations through these accounts apply at
    /// once; those made by another process within that time).
    public func authenticate(token: String) async throws -> Staff {
        guard AccessToken.isWellFormed(token), let digest = Hex.decode(AccessToken.digest(of: token)) else { throw Self.denied }
        let now = register.configuration.clock()
        if let staff = recent.staff(digest: digest, now: now) { return staff }
        let found = try await register.store.lookup { tx -> (AccessTokenRow, StaffRow)? in
            guard let token = try tx.accessToken(digest: digest), let staff = try tx.staff(username: token.username) else { return nil }
            return (token, staff)
        }
        guard let (row, staff) = found, row.revokedAt == nil, row.expiresAt > now, staff.disabledAt == nil,
            let role = Role(rawValue: staff.role)
        else { throw Self.denied }
        let member = Staff(username: staff.username, role: role, branches: Set(staff.branches))
        recent.remember(digest: digest, RecentTokens.Entry(staff: member, expiresAt: row.expiresAt, checkedAt: now))
        return member
    }

    /// Ends a session or revokes a bearer token (signing out); unknown tokens are ignored.
    public func revoke(token: String) async throws {
        guard let digest = Hex.decode(AccessToken.digest(of: token)) else { return }
        let now = register.configuration.clock()
        try await register.store.write { tx in
            try tx.revokeAccessToken(digest: digest, at: now)
        }
        recent.forget(digest: digest)
    }
}
