import Foundation
import GRDB

/// Staff accounts and access tokens.
extension SQLiteTransaction {
    private static let staffColumns = "username, role, branches, password_hash, totp_secret, totp_last_step, disabled_at, created_at"

    func staff(username: String) throws -> StaffRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.staffColumns) FROM staff WHERE username = ?"), arguments: [username])
            .map(Self.staffRow)
    }

    func allStaff() throws -> [StaffRow] {
        try Row.fetchAll(db, sql: "SELECT \(Self.staffColumns) FROM staff ORDER BY username").map(Self.staffRow)
    }

    func putStaff(_ row: StaffRow) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO staff (\(Self.staffColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                row.username, row.role, row.branchesText, row.passwordHash, row.sealedTOTPSecret.map { Data($0) },
                row.lastTOTPStep, row.disabledAt, row.createdAt,
            ])
    }

    func accessToken(digest: [UInt8]) throws -> AccessTokenRow? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT digest, username, kind, expires_at, revoked_at FROM access_tokens WHERE digest = ?"),
            arguments: [Data(digest)]
        ).map { row in
            AccessTokenRow(
                digest: [UInt8](row[0] as Data), username: row[1], kind: row[2], expiresAt: row[3], revokedAt: row[4])
        }
    }

    func putAccessToken(_ row: AccessTokenRow) throws {
        try db.execute(
            sql: "INSERT INTO access_tokens (digest, username, kind, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [Data(row.digest), row.username, row.kind, row.expiresAt, row.revokedAt])
    }

    func revokeAccessTokens(username: String, at time: Int64) throws {
        try db.execute(
            sql: "UPDATE access_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL", arguments: [time, username])
    }

    func revokeAccessToken(digest: [UInt8], at time: Int64) throws {
        try db.execute(
            sql: "UPDATE access_tokens SET revoked_at = ? WHERE digest = ? AND revoked_at IS NULL", arguments: [time, Data(digest)])
    }

    func deleteAccessTokens(expiredBefore time: Int64) throws {
        try db.execute(sql: "DELETE FROM access_tokens WHERE expires_at < ?", arguments: [time])
    }

    private static func staffRow(_ row: Row) -> StaffRow {
        StaffRow(
            username: row[0], role: row[1], branches: StaffRow.branches(from: row[2]), passwordHash: row[3],
            sealedTOTPSecret: (row[4] as Data?).map { [UInt8]($0) }, lastTOTPStep: row[5], disabledAt: row[6], createdAt: row[7])
    }
}
