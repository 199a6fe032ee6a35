import Foundation
import GRDB
import MusterCore
import MusterLedger

/// The ``RawStatement``s prepared on one connection, by their SQL. A connection used for many
/// short transactions (lookups, disclosure batches) keeps one, so each transaction does not
/// look its statements up in GRDB's cache and fill a dictionary of its own again (2% of a
/// person GET).
final class StatementCache {
    var byText: [String: RawStatement] = [:]
}

/// The ledger's end, as a committed transaction left it: its chain head and the Merkle tree's
/// border. Valid for the next transaction on the same writer connection only while nothing else
/// writes (a series of transactions holding the writer, see `SQLiteStore.writeSeries`); empty
/// (`nil`s) means read it from the tables.
struct LedgerTail {
    var head: ChainHead?
    var tree: MerkleAppender?
}

/// ``StoreWriting`` over one GRDB connection inside a transaction. Statements are cached and
/// parameterised (never built from values), so the import path prepares each SQL once; the
/// statements that run once per person use ``RawStatement``.
final class SQLiteTransaction: StoreWriting {
    let db: Database
    private var head: ChainHead?
    private let statements: StatementCache
    private var indexesSetAside = false
    /// The Merkle tree's right border, restored on the first append of the transaction.
    private var merkle: MerkleAppender?

    /// A transaction on `db`; `statements` are those already prepared on it, if it keeps them
    /// from one transaction to the next, and `tail` the ledger's end as the transaction before
    /// it on the same connection committed it, if nothing has written since.
    init(_ db: Database, statements: StatementCache = StatementCache(), tail: LedgerTail = LedgerTail()) {
        self.db = db
        self.statements = statements
        self.head = tail.head
        self.merkle = tail.tree
    }

    /// The ledger's end as this transaction leaves it, for the next one on the connection once
    /// this one has committed (what it did not read stays as `before` had it).
    func tail(after before: LedgerTail) -> LedgerTail {
        LedgerTail(head: head ?? before.head, tree: merkle ?? before.tree)
    }

    deinit {
        // The statements live on in the connection's cache: leave none of them mid-way.
        for statement in statements.byText.values { statement.reset() }
    }

    /// The statement for `sql`, prepared once per transaction (and cached by the connection).
    func raw(_ sql: String) throws -> RawStatement {
        if let statement = statements.byText[sql] { return statement }
        let statement = try RawStatement(db, sql)
        statements.byText[sql] = statement
        return statement
    }

    // MARK: Ledger

    func ledgerHead() throws -> ChainHead {
        if let head { return head }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1"))
        let found = row.map { ChainHead(size: UInt64($0[0] as Int64), hash: EntryHash(bytes: ($0[1] as Data))!) }
        head = found ?? .empty
        return head!
    }

    func append(_ draft: EntryDraft) throws -> SealedEntry {
        var current = try ledgerHead()
        let sealed = current.append(draft)
        let insert = try raw("INSERT INTO ledger (seq, kind, subject, time, entry, hash) VALUES (?, ?, ?, ?, ?, ?)")
        insert.bind(1, Int64(sealed.entry.sequence))
        insert.bind(2, Int(sealed.entry.kind.rawValue))
        insert.bind(3, sealed.entry.subject?.bytes)
        insert.bind(4, sealed.entry.time)
        insert.bind(5, sealed.bytes)
        insert.bind(6, sealed.hash.bytes)
        try insert.execute()
        head = current
        var tree = try merkle ?? MerkleAppender.restoring(size: sealed.entry.sequence - 1, from: self)
        let node = try raw("INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)")
        // Only the levels kept apart (see `MerkleTiles`): the leaf is the entry's own hash.
        for new in tree.append(leafHash: sealed.hash) where MerkleTiles.isNodeRow(level: new.level) {
            node.bind(1, new.level)
            node.bind(2, Int64(new.index))
            node.bind(3, new.hash.bytes)
            try node.execute()
        }
        merkle = tree
        return sealed
    }

    func knownRoot(size: UInt64) -> EntryHash? {
        guard let merkle, merkle.size == size else { return nil }
        return merkle.root
    }

    func node(level: Int, index: UInt64) throws -> EntryHash {
        try MerkleTiles.node(level: level, index: index, readKept: keptNodes)
    }

    /// The hashes of the kept nodes `first ..< first + count` of `level` (see ``MerkleTiles``),
    /// in order, as many as are stored: level 0 from the ledger's rows, the rest from the node
    /// table. A hash of the wrong length ends the run, like a missing one.
    private func keptNodes(level: Int, first: UInt64, count: Int) throws -> [EntryHash] {
        let query =
            try level == 0
            ? raw("SELECT hash FROM ledger WHERE seq >= ?2 AND seq < ?2 + ?3 ORDER BY seq")
            : raw("SELECT hash FROM merkle_nodes WHERE level = ?1 AND idx >= ?2 AND idx < ?2 + ?3 ORDER BY idx")
        // Level 0 is numbered from 0 here and from 1 in the ledger.
        query.bind(1, level)
        query.bind(2, Int64(first) + (level == 0 ? 1 : 0))
        query.bind(3, count)
        defer { query.reset() }
        var hashes: [EntryHash] = []
        hashes.reserveCapacity(count)
        while try query.step(), let hash = query.withBlob(0, EntryHash.init(raw:)) { hashes.append(hash) }
        return hashes
    }

    // MARK: Checkpoints

    func latestCheckpoint() throws -> (size: UInt64, text: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT size, text FROM checkpoints ORDER BY size DESC LIMIT 1"))
            .map { (UInt64($0[0] as Int64), $0[1]) }
    }

    func checkpoint(size: UInt64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT text FROM checkpoints WHERE size = ?", arguments: [Int64(size)])
    }

    func forEachCheckpoint(_ body: (UInt64, String) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT size, text FROM checkpoints ORDER BY size")
        while let row = try cursor.next() { try body(UInt64(row[0] as Int64), row[1]) }
    }

    func putCheckpoint(size: UInt64, text: String) throws {
        try db.cachedStatement(sql: "INSERT INTO checkpoints (size, text) VALUES (?, ?)").execute(arguments: [Int64(size), text])
    }

    func forEachEntry(from sequence: UInt64, through last: UInt64, _ body: (UInt64, [UInt8], [UInt8]) throws -> Void) throws {
        let query = try raw("SELECT seq, entry, hash FROM ledger WHERE seq >= ? AND seq <= ? ORDER BY seq")
        query.bind(1, Int64(sequence))
        query.bind(2, Int64(clamping: last))
        defer { query.reset() }
        while try query.step() { try body(UInt64(query.int64(0)), query.blob(1), query.blob(2)) }
    }

    func forEachEntryInPlace(from sequence: UInt64, through last: UInt64, _ body: (StoredEntryRow) throws -> Void) throws {
        let query = try raw("SELECT seq, entry, hash, kind, time, subject FROM ledger WHERE seq >= ? AND seq <= ? ORDER BY seq")
        query.bind(1, Int64(sequence))
        query.bind(2, Int64(clamping: last))
        defer { query.reset() }
        while try query.step() {
            let (seq, kind, time) = (UInt64(query.int64(0)), query.int64(3), query.int64(4))
            try query.withBlob(1) { entry in
                try query.withBlob(2) { hash in
                    if query.isNull(5) {
                        try body(StoredEntryRow(sequence: seq, bytes: entry, hash: hash, kind: kind, time: time, subject: nil))
                    } else {
                        try query.withBlob(5) { try body(StoredEntryRow(sequence: seq, bytes: entry, hash: hash, kind: kind, time: time, subject: $0)) }
                    }
                }
            }
        }
    }

    func forEachMerkleNode(_ body: (MerkleNode) throws -> Void) throws {
        let query = try raw("SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx")
        defer { query.reset() }
        while try query.step() {
            guard let hash = query.withBlob(2, EntryHash.init(raw:)) else {
                throw StoreError(.corrupt, "Merkle node \(query.int64(0))/\(query.int64(1)) is not 32 bytes")
            }
            try body(MerkleNode(level: Int(query.int64(0)), index: UInt64(query.int64(1)), hash: hash))
        }
    }

    func personCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM people") ?? 0
    }

    func wrappedKeyCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM data_keys") ?? 0
    }

    func deleteProjection() throws {
        try db.execute(sql: "DELETE FROM people")
    }

    func entry(sequence: UInt64) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT entry FROM ledger WHERE seq = ?", arguments: [Int64(sequence)]).map { [UInt8]($0) }
    }

    func forEachEntry(about subject: SubjectID, _ body: (UInt64, [UInt8]) throws -> Void) throws {
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT seq, entry FROM ledger WHERE subject = ? ORDER BY seq"), arguments: [Data(subject.bytes)])
        while let row = try cursor.next() {
            try body(UInt64(row[0] as Int64), [UInt8](row[1] as Data))
        }
    }

    // MARK: People

    func person(number: String) throws -> PersonRow? {
        let query = try raw("SELECT \(PersonRowMapping.selectColumns) FROM people WHERE number = ?")
        query.bind(1, number)
        defer { query.reset() }
        return try query.step() ? PersonRowMapping.decode(query) : nil
    }

    func person(id: SubjectID) throws -> PersonRow? {
        let query = try raw("SELECT \(PersonRowMapping.selectColumns) FROM people WHERE id = ?")
        query.bind(1, id.bytes)
        defer { query.reset() }
        return try query.step() ? PersonRowMapping.decode(query) : nil
    }

    func people(index kind: BlindIndexKind, digest: [UInt8]) throws -> [PersonRow] {
        let query = try raw(
            "SELECT \(PersonRowMapping.selectColumns) FROM people WHERE \(PersonRowMapping.column(for: kind)) = ? ORDER BY number")
        query.bind(1, digest)
        defer { query.reset() }
        var rows: [PersonRow] = []
        while try query.step() { rows.append(try PersonRowMapping.decode(query)) }
        return rows
    }

    func numbers(index kind: BlindIndexKind, digest: [UInt8]) throws -> [String] {
        let query = try raw("SELECT number FROM people WHERE \(PersonRowMapping.column(for: kind)) = ? ORDER BY number")
        query.bind(1, digest)
        defer { query.reset() }
        var numbers: [String] = []
        while try query.step() { numbers.append(query.text(0)) }
        return numbers
    }

    func forEachPerson(_ filter: PersonFilter, _ body: (PersonRow) throws -> Void) throws {
        let (whereClause, values, limit) = filter.sqlConditions { _ in "?" }
        let query = try raw("SELECT \(PersonRowMapping.selectColumns) FROM people\(whereClause) ORDER BY number\(limit)")
        for (index, value) in values.enumerated() { query.bind(Int32(index + 1), value) }
        defer { query.reset() }
        while try query.step() { try body(PersonRowMapping.decode(query)) }
    }

    func insert(_ row: PersonRow) throws {
        let insert = try raw(PersonRowMapping.insertSQL)
        PersonRowMapping.bind(row, to: insert)
        try insert.execute()
    }

    func update(_ row: PersonRow) throws {
        let update = try raw(PersonRowMapping.updateSQL)
        PersonRowMapping.bind(row, to: update)
        try update.execute()
        guard update.changes == 1 else { throw StoreError(.conflict, "no person with that number to update") }
    }

    func counts() throws -> RegisterCounts {
        var counts = RegisterCounts()
        for row in try Row.fetchAll(
            db, sql: "SELECT category, status, count(*) FROM people WHERE erased_at IS NULL GROUP BY category, status")
        {
            guard let category = Category(rawValue: row[0]), let status = Status(rawValue: row[1]) else {
                throw StoreError(.corrupt, "unknown category or status in the people table")
            }
            counts.byCategoryAndStatus[.init(category, status)] = row[2]
        }
        for row in try Row.fetchAll(db, sql: "SELECT region, count(*) FROM people WHERE erased_at IS NULL GROUP BY region") {
            counts.byRegion[row[0]] = row[1]
        }
        counts.erased = try Int.fetchOne(db, sql: "SELECT count(*) FROM people WHERE erased_at IS NOT NULL") ?? 0
        return counts
    }

    // MARK: Key store

    func wrappedKey(for id: SubjectID) throws -> [UInt8]? {
        let query = try raw("SELECT wrapped FROM data_keys WHERE id = ?")
        query.bind(1, id.bytes)
        defer { query.reset() }
        return try query.step() ? query.blob(0) : nil
    }

    func putWrappedKey(_ wrapped: [UInt8], for id: SubjectID) throws {
        let insert = try raw("INSERT INTO data_keys (id, wrapped) VALUES (?, ?)")
        insert.bind(1, id.bytes)
        insert.bind(2, wrapped)
        try insert.execute()
    }

    func deleteWrappedKey(for id: SubjectID) throws {
        try db.cachedStatement(sql: "DELETE FROM data_keys WHERE id = ?").execute(arguments: [Data(id.bytes)])
    }

    // MARK: Metadata

    func metadata(_ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }

    func setMetadata(_ key: String, _ value: String) throws {
        try db.cachedStatement(sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .execute(arguments: [key, value])
    }

    func allocateMembershipNumber() throws -> String {
        var next = Int(try metadata("next_membership_number") ?? "") ?? 1_000_000
        while try person(number: "M\(next)") != nil { next += 1 }
        try setMetadata("next_membership_number", String(next + 1))
        return "M\(next)"
    }

    func beginBulkWrites(expectedRows: Int) throws {
        // Blind indexes are random keys: a large cache keeps their B-trees in memory during bulk work.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger") ?? 0
        guard expectedRows >= Self.bulkThreshold, expectedRows >= stored else { return }
        for index in SQLiteSchema.searchIndexes {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
        }
        indexesSetAside = true
    }

    func endBulkWrites() throws {
        guard indexesSetAside else { return }
        for index in SQLiteSchema.searchIndexes { try db.execute(sql: index.createSQL) }
        indexesSetAside = false
    }

    /// Below this many rows, dropping and rebuilding indexes costs more than it saves.
    static let bulkThreshold = 20_000
}
