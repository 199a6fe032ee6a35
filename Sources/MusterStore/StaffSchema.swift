/// The staff accounts and their access tokens (migration v4-staff). Tokens are stored only as
/// digests; TOTP secrets only sealed.
enum StaffSchema {
    static let sqlite = """
        CREATE TABLE staff (
            username TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            branches TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            totp_secret BLOB,
            totp_last_step INTEGER,
            disabled_at INTEGER,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE access_tokens (
            digest BLOB PRIMARY KEY,
            username TEXT NOT NULL REFERENCES staff(username),
            kind TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX access_tokens_by_username ON access_tokens(username);
        """
}
