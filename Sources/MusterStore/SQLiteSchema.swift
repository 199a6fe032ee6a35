import GRDB

/// The SQLite schema, as named migrations applied in order. A shipped migration is never edited:
/// changes come as new migrations.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-register") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    -- The append-only ledger. `entry` holds the canonical bytes that are hashed.
                    CREATE TABLE ledger (
                        seq INTEGER PRIMARY KEY,
                        kind INTEGER NOT NULL,
                        subject BLOB,
                        time INTEGER NOT NULL,
                        entry BLOB NOT NULL,
                        hash BLOB NOT NULL
                    );
                    -- The projection: clear fields, the sealed identity and blind indexes.
                    CREATE TABLE people (
                        rowid INTEGER PRIMARY KEY,
                        id BLOB NOT NULL,
                        number TEXT NOT NULL UNIQUE,
                        category TEXT NOT NULL,
                        status TEXT NOT NULL,
                        status_since INTEGER,
                        continuous_since INTEGER,
                        join_date INTEGER,
                        region TEXT NOT NULL,
                        constituency TEXT NOT NULL,
                        branch TEXT NOT NULL,
                        union_name TEXT NOT NULL,
                        dues_pence INTEGER NOT NULL,
                        dues_frequency TEXT NOT NULL,
                        payment_method TEXT,
                        consent_email INTEGER NOT NULL,
                        consent_phone INTEGER NOT NULL,
                        consent_post INTEGER NOT NULL,
                        consent_sms INTEGER NOT NULL,
                        consent_updated_at INTEGER,
                        updated_at INTEGER,
                        identity BLOB,
                        email_index BLOB,
                        phone_index BLOB,
                        postcode_name_index BLOB,
                        erased_at INTEGER,
                        version INTEGER NOT NULL
                    );
                    CREATE INDEX people_by_email ON people(email_index) WHERE email_index IS NOT NULL;
                    -- The key store: per-person data keys wrapped by the master key. Kept out of the
                    -- ledger so that deleting a row here erases the person everywhere.
                    CREATE TABLE data_keys (
                        id BLOB PRIMARY KEY NOT NULL,
                        wrapped BLOB NOT NULL
                    ) WITHOUT ROWID;
                    """)
            for index in searchIndexes { try db.execute(sql: index.createSQL) }
        }
        migrator.registerMigration("v2-merkle-checkpoints") { db in
            try db.execute(
                sql: """
                    -- Hashes of the perfect subtrees of the ledger's Merkle tree (RFC 6962): node
                    -- (level, idx) covers entries idx·2^level + 1 … (idx+1)·2^level. From v5 on,
                    -- level 0 (the leaf hashes) is not here: it is the ledger's `hash` column. From v6
                    -- on, only levels 4, 8, 12, … are (MerkleTiles).
                    CREATE TABLE merkle_nodes (
                        level INTEGER NOT NULL,
                        idx INTEGER NOT NULL,
                        hash BLOB NOT NULL,
                        PRIMARY KEY (level, idx)
                    ) WITHOUT ROWID;
                    -- Signed checkpoints (C2SP tlog-checkpoint), exactly as signed.
                    CREATE TABLE checkpoints (
                        size INTEGER PRIMARY KEY,
                        text TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-changes-by-subject") { db in
            // Every index statement is IF NOT EXISTS: registers created after this index joined the
            // list already have it.
            for index in searchIndexes { try db.execute(sql: index.createSQL) }
        }
        migrator.registerMigration("v4-staff") { db in
            try db.execute(sql: StaffSchema.sqlite)
        }
        migrator.registerMigration("v5-leaf-hashes-in-ledger") { db in
            // Level 0 of the tree is each entry's hash, which the ledger row holds beside it.
            try db.execute(sql: "DELETE FROM merkle_nodes WHERE level = 0")
        }
        migrator.registerMigration("v6-merkle-tiles") { db in
            // Only every fourth level of the tree is kept (`MerkleTiles`): the levels between are
            // recomputed from the kept level below when a proof needs them.
            try db.execute(sql: "DELETE FROM merkle_nodes WHERE level % 4 <> 0")
        }
        return migrator
    }

    /// Indexes that serve searches but that a bulk import never reads. A large import drops
    /// them and builds them again at its end, in the same transaction: building an index by
    /// sorting is far cheaper than hundreds of thousands of inserts at random places.
    static let searchIndexes: [(name: String, createSQL: String)] = [
        // Ids are 128 random bits: unique by construction, so the index may be set aside too.
        ("people_by_id", "CREATE UNIQUE INDEX IF NOT EXISTS people_by_id ON people(id)"),
        ("ledger_by_subject", "CREATE INDEX IF NOT EXISTS ledger_by_subject ON ledger(subject) WHERE subject IS NOT NULL"),
        // The entries that change people, by person: what a replay (verify, rebuild) folds.
        (
            "ledger_changes_by_subject",
            "CREATE INDEX IF NOT EXISTS ledger_changes_by_subject ON ledger(subject, seq) WHERE kind BETWEEN 1 AND 4"
        ),
        ("people_by_phone", "CREATE INDEX IF NOT EXISTS people_by_phone ON people(phone_index) WHERE phone_index IS NOT NULL"),
        (
            "people_by_postcode_name",
            "CREATE INDEX IF NOT EXISTS people_by_postcode_name ON people(postcode_name_index) WHERE postcode_name_index IS NOT NULL"
        ),
        ("people_by_branch", "CREATE INDEX IF NOT EXISTS people_by_branch ON people(branch)"),
    ]
}
