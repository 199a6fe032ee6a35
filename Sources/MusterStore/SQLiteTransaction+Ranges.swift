import MusterLedger

/// The scans by subject id, whole or one ``SubjectRange`` at a time (`ledger verify` reads the
/// ranges of a partition on several threads).
extension SQLiteTransaction {
    func forEachEntryBySubject(in range: SubjectRange, _ body: (SubjectID, UInt64, [UInt8]) throws -> Void) throws {
        // SQLite sorts NULL before every blob, so a whole scan meets an entry whose subject is
        // missing first (and fails on it, as malformed). `subject < ?` leaves NULL out: the
        // first range reads those entries itself, first, as the whole scan would.
        if range.lower == nil && range.upper != nil {
            try entriesBySubject(" AND subject IS NULL", [], body)
        }
        let (condition, values) = Self.condition("subject", range)
        try entriesBySubject(condition, values, body)
    }

    func forEachPersonByID(in range: SubjectRange, _ body: (PersonRow) throws -> Void) throws {
        let (condition, values) = Self.condition("id", range)
        let query = try raw("SELECT \(PersonRowMapping.selectColumnsWithoutIndexes) FROM people WHERE 1\(condition) ORDER BY id")
        Self.bind(values, to: query)
        defer { query.reset() }
        while try query.step() { try body(PersonRowMapping.decode(query)) }
    }

    /// By rowid: the table's own B-tree, read in order. The first part has no lower bound and
    /// the last no upper one, so a row at any rowid (even one edited to be negative) is in a part.
    func forEachPersonAsStored(part: Int, of parts: Int, _ body: (any StoredPerson) throws -> Void) throws {
        let parts = max(parts, 1)
        let highest = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM people") ?? 0
        let cut = { (index: Int) in Int64((Double(highest) * Double(index) / Double(parts)).rounded(.down)) }
        var condition = ""
        var bounds: [Int64] = []
        if part > 0 {
            condition += " AND rowid > ?"
            bounds.append(cut(part))
        }
        if part < parts - 1 {
            condition += " AND rowid <= ?"
            bounds.append(cut(part + 1))
        }
        let query = try raw("SELECT \(PersonRowMapping.selectColumnsWithoutIndexes) FROM people WHERE 1\(condition) ORDER BY rowid")
        for (index, bound) in bounds.enumerated() { query.bind(Int32(index + 1), bound) }
        defer { query.reset() }
        let row = SQLiteStoredPerson(statement: query)
        while try query.step() { try body(row) }
    }

    func forEachWrappedKey(in range: SubjectRange, _ body: (SubjectID, [UInt8]) throws -> Void) throws {
        let (condition, values) = Self.condition("id", range)
        let query = try raw("SELECT id, wrapped FROM data_keys WHERE 1\(condition) ORDER BY id")
        Self.bind(values, to: query)
        defer { query.reset() }
        while try query.step() {
            guard let id = SubjectID(bytes: query.blob(0)) else { throw StoreError(.corrupt, "the key store holds a malformed id") }
            try body(id, query.blob(1))
        }
    }

    /// Lends each id where SQLite holds it: no array per key, and the key is not read at all.
    func forEachKeyOwner(in range: SubjectRange, _ body: ((UInt64, UInt64)?) throws -> Void) throws {
        let (condition, values) = Self.condition("id", range)
        let query = try raw("SELECT id FROM data_keys WHERE 1\(condition) ORDER BY id")
        Self.bind(values, to: query)
        defer { query.reset() }
        while try query.step() {
            try body(query.withBlob(0) { $0.count == 16 ? SubjectID.words(in: $0) : nil })
        }
    }

    /// Only the entries that change people (not disclosures), through their own partial index.
    private func entriesBySubject(_ condition: String, _ values: [[UInt8]], _ body: (SubjectID, UInt64, [UInt8]) throws -> Void) throws {
        let query = try raw(
            """
            SELECT subject, seq, entry FROM ledger INDEXED BY ledger_changes_by_subject
            WHERE kind BETWEEN 1 AND 4\(condition) ORDER BY subject, seq
            """)
        Self.bind(values, to: query)
        defer { query.reset() }
        while try query.step() {
            guard let subject = SubjectID(bytes: query.blob(0)) else {
                throw StoreError(.corrupt, "entry \(query.int64(1)) names a malformed subject")
            }
            try body(subject, UInt64(query.int64(1)), query.blob(2))
        }
    }

    /// The SQL that keeps `column` within `range` (empty for every id, else starting with
    /// ` AND`), and the values of its parameters, in order. The SQL names only fixed columns;
    /// the range's ends are bound.
    static func condition(_ column: String, _ range: SubjectRange) -> (sql: String, values: [[UInt8]]) {
        switch (range.lower, range.upper) {
        case (nil, nil): ("", [])
        case (let lower?, nil): (" AND \(column) >= ?", [lower])
        case (nil, let upper?): (" AND \(column) < ?", [upper])
        case (let lower?, let upper?): (" AND \(column) >= ? AND \(column) < ?", [lower, upper])
        }
    }

    private static func bind(_ values: [[UInt8]], to statement: RawStatement) {
        for (index, value) in values.enumerated() { statement.bind(Int32(index + 1), value) }
    }
}
