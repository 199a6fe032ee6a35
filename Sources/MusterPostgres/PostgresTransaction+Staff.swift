import Foundation
import MusterStore
import NIOCore
import PostgresNIO

/// Staff accounts and access tokens.
extension PostgresTransaction {
    private static let staffColumns = "username, role, branches, password_hash, totp_secret, totp_last_step, disabled_at, created_at"

    func staff(username: String) throws -> StaffRow? {
        try run(PostgresQuery(unsafeSQL: "SELECT \(Self.staffColumns) FROM staff WHERE username = $1", binds: Self.binds(username)))
            .first.map(Self.staffRow)
    }

    func allStaff() throws -> [StaffRow] {
        try run(PostgresQuery(unsafeSQL: "SELECT \(Self.staffColumns) FROM staff ORDER BY username")).map(Self.staffRow)
    }

    func putStaff(_ row: StaffRow) throws {
        var binds = PostgresBindings()
        binds.append(row.username)
        binds.append(row.role)
        binds.append(row.branchesText)
        binds.append(row.passwordHash)
        binds.append(row.sealedTOTPSecret.map { ByteBuffer(bytes: $0) })
        binds.append(row.lastTOTPStep)
        binds.append(row.disabledAt)
        binds.append(row.createdAt)
        let updates = Self.staffColumns.split(separator: ",").dropFirst().map { c in "\(c.trimmingCharacters(in: .whitespaces)) = excluded.\(c.trimmingCharacters(in: .whitespaces))" }
        try run(
            PostgresQuery(
                unsafeSQL: "INSERT INTO staff (\(Self.staffColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                    + "ON CONFLICT (username) DO UPDATE SET " + updates.joined(separator: ", "),
                binds: binds))
    }

    func accessToken(digest: [UInt8]) throws -> AccessTokenRow? {
        try run("SELECT digest, username, kind, expires_at, revoked_at FROM access_tokens WHERE digest = \(Data(digest))").first.map { row in
            let (digest, username, kind, expiresAt, revokedAt) = try row.decode((Data, String, String, Int64, Int64?).self)
            return AccessTokenRow(digest: [UInt8](digest), username: username, kind: kind, expiresAt: expiresAt, revokedAt: revokedAt)
        }
    }

    func putAccessToken(_ row: AccessTokenRow) throws {
        try run(
            """
            INSERT INTO access_tokens (digest, username, kind, expires_at, revoked_at)
            VALUES (\(Data(row.digest)), \(row.username), \(row.kind), \(row.expiresAt), \(row.revokedAt))
            """)
    }

    func revokeAccessTokens(username: String, at time: Int64) throws {
        try run("UPDATE access_tokens SET revoked_at = \(time) WHERE username = \(username) AND revoked_at IS NULL")
    }

    func revokeAccessToken(digest: [UInt8], at time: Int64) throws {
        try run("UPDATE access_tokens SET revoked_at = \(time) WHERE digest = \(Data(digest)) AND revoked_at IS NULL")
    }

    func deleteAccessTokens(expiredBefore time: Int64) throws {
        try run("DELETE FROM access_tokens WHERE expires_at < \(time)")
    }

    private static func binds(_ value: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }

    private static func staffRow(_ row: PostgresRow) throws -> StaffRow {
        let (username, role, branches, passwordHash, secret, step, disabledAt, createdAt) =
            try row.decode((String, String, String, String, Data?, Int64?, Int64?, Int64).self)
        return StaffRow(
            username: username, role: role, branches: StaffRow.branches(from: branches), passwordHash: passwordHash,
            sealedTOTPSecret: secret.map { [UInt8]($0) }, lastTOTPStep: step, disabledAt: disabledAt, createdAt: createdAt)
    }
}
