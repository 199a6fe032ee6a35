import MusterStore
import PostgresNIO

/// The PostgreSQL schema, as named migrations applied in order, mirroring SQLite's (v1 tables,
/// v2 Merkle nodes and checkpoints, v3 the changes-by-subject index, v4 staff accounts, v5 leaf hashes only in the ledger, v6 every fourth level of the tree). Never edit a shipped one.
enum PostgresSchema {
    static let migrations: [(name: String, sql: [String])] = [
        (
            "v1-register",
            [
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                """
                CREATE TABLE ledger (seq BIGINT PRIMARY KEY, kind SMALLINT NOT NULL, subject BYTEA, time BIGINT NOT NULL,
                    entry BYTEA NOT NULL, hash BYTEA NOT NULL)
                """,
                """
                CREATE TABLE people (id BYTEA NOT NULL, number TEXT NOT NULL UNIQUE, category TEXT NOT NULL,
                    status TEXT NOT NULL, status_since INTEGER, continuous_since INTEGER, join_date INTEGER,
                    region TEXT NOT NULL, constituency TEXT NOT NULL, branch TEXT NOT NULL, union_name TEXT NOT NULL,
                    dues_pence BIGINT NOT NULL, dues_frequency TEXT NOT NULL, payment_method TEXT,
                    consent_email BOOLEAN NOT NULL, consent_phone BOOLEAN NOT NULL, consent_post BOOLEAN NOT NULL,
                    consent_sms BOOLEAN NOT NULL, consent_updated_at BIGINT, updated_at BIGINT, identity BYTEA,
                    email_index BYTEA, phone_index BYTEA, postcode_name_index BYTEA, erased_at BIGINT, version BIGINT NOT NULL)
                """,
                "CREATE INDEX people_by_email ON people (email_index) WHERE email_index IS NOT NULL",
                // The key store: per-person data keys wrapped by the master key, never in the ledger.
                "CREATE TABLE data_keys (id BYTEA PRIMARY KEY, wrapped BYTEA NOT NULL)",
            ] + searchIndexes.filter { $0.name != "ledger_changes_by_subject" }.map(\.createSQL)
        ),
        (
            "v2-merkle-checkpoints",
            [
                "CREATE TABLE merkle_nodes (level INTEGER NOT NULL, idx BIGINT NOT NULL, hash BYTEA NOT NULL, PRIMARY KEY (level, idx))",
                "CREATE TABLE checkpoints (size BIGINT PRIMARY KEY, text TEXT NOT NULL)",
            ]
        ),
        ("v3-changes-by-subject", [searchIndexes.first { $0.name == "ledger_changes_by_subject" }!.createSQL]),
        (
            "v4-staff",
            [
                """
                CREATE TABLE staff (username TEXT PRIMARY KEY, role TEXT NOT NULL, branches TEXT NOT NULL,
                    password_hash TEXT NOT NULL, totp_secret BYTEA, totp_last_step BIGINT, disabled_at BIGINT,
                    created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE access_tokens (digest BYTEA PRIMARY KEY, username TEXT NOT NULL REFERENCES staff (username),
                    kind TEXT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT)
                """,
                "CREATE INDEX access_tokens_by_username ON access_tokens (username)",
            ]
        ),
        // Level 0 of the tree is each entry's hash, which the ledger row holds beside it.
        ("v5-leaf-hashes-in-ledger", ["DELETE FROM merkle_nodes WHERE level = 0"]),
        // Only every fourth level of the tree is kept (MerkleTiles); the rest are recomputed.
        ("v6-merkle-tiles", ["DELETE FROM merkle_nodes WHERE level % 4 <> 0"]),
    ]

    /// As in SQLite: indexes a bulk import sets aside and rebuilds at its end.
    static let searchIndexes: [(name: String, createSQL: String)] = [
        ("people_by_id", "CREATE UNIQUE INDEX IF NOT EXISTS people_by_id ON people (id)"),
        ("ledger_by_subject", "CREATE INDEX IF NOT EXISTS ledger_by_subject ON ledger (subject) WHERE subject IS NOT NULL"),
        (
            "ledger_changes_by_subject",
            "CREATE INDEX IF NOT EXISTS ledger_changes_by_subject ON ledger (subject, seq) WHERE kind BETWEEN 1 AND 4"
        ),
        ("people_by_phone", "CREATE INDEX IF NOT EXISTS people_by_phone ON people (phone_index) WHERE phone_index IS NOT NULL"),
        (
            "people_by_postcode_name",
            "CREATE INDEX IF NOT EXISTS people_by_postcode_name ON people (postcode_name_index) WHERE postcode_name_index IS NOT NULL"
        ),
        ("people_by_branch", "CREATE INDEX IF NOT EXISTS people_by_branch ON people (branch)"),
    ]

    /// Applies the migrations not yet applied, in one transaction (so two processes starting at
    /// once cannot both apply one). Without `create`, an empty database is an error.
    static func migrate(_ tx: PostgresTransaction, create: Bool) throws {
        try tx.execute("BEGIN")
        do {
            try tx.execute("SELECT pg_advisory_xact_lock(\(PostgresStore.writerLock))")
            try tx.execute("CREATE TABLE IF NOT EXISTS muster_migrations (name TEXT PRIMARY KEY)")
            let applied = Set(try tx.strings("SELECT name FROM muster_migrations"))
            if applied.isEmpty && !create {
                throw StoreError(.notInitialised, "the PostgreSQL database holds no register: run `muster init` first")
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.sql { try tx.execute(statement) }
                try tx.run("INSERT INTO muster_migrations (name) VALUES (\(migration.name))")
            }
            try tx.execute("COMMIT")
        } catch {
            try? tx.execute("ROLLBACK")
            throw error
        }
    }
}
