import Foundation
import MusterCore
import MusterLedger
import MusterStore
import NIOCore
import PostgresNIO

/// ``StoreWriting`` over one PostgreSQL connection inside a transaction. Every statement is a
/// `PostgresQuery` whose values are bound parameters; only fixed column names are spliced in.
final class PostgresTransaction: StoreWriting {
    let store: PostgresStore
    private var head: ChainHead?
    private var merkle: MerkleAppender?
    private var cursors = 0
    private var indexesSetAside = false
    /// Writes held back during bulk work (`nil` otherwise); sent before any other statement.
    var pending: PendingWrites?
    /// Batches of held-back writes sent and not yet known to have succeeded, oldest first: each
    /// batch's statements, as the connection will answer them (see ``flushPendingWrites()``).
    private var inFlight: [[EventLoopFuture<PostgresQueryResult>]] = []

    init(store: PostgresStore) {
        self.store = store
    }

    // MARK: Running statements

    func execute(_ sql: String) throws {
        try run(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs one statement, after every write held back has succeeded, so it sees all of them.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try flushPendingWrites()
        try awaitWrites(keeping: 0)
        return try store.query(query)
    }

    /// Sends every write held back by bulk work, without waiting for it: the connection runs
    /// statements in the order sent, so while the server inserts one batch this thread holds
    /// back the next. Waiting for each batch, an import spent as long waiting as either side
    /// spent working (measured on 100,000 people: 9 s of Muster's CPU, 16 s of the server's,
    /// 35 s in all). At most one batch is left in flight, which bounds the memory held.
    func flushPendingWrites() throws {
        guard let count = pending?.count, count > 0 else { return }
        inFlight.append(pending!.take().map { store.send($0) })
        try awaitWrites(keeping: 1)
    }

    /// Waits until at most `kept` batches of writes are in flight, oldest first; throws the
    /// first failure (after the server has answered every statement of that batch).
    private func awaitWrites(keeping kept: Int) throws {
        while inFlight.count > kept {
            let batch = inFlight.removeFirst()
            var failure: (any Error)?
            for statement in batch {
                do { _ = try store.wait(statement) } catch { failure = failure ?? error }
            }
            if let failure { throw failure }
        }
    }

    /// Forgets the writes held back and waits for those in flight, whatever their outcome:
    /// the transaction is being rolled back.
    func abandonWrites() {
        pending = nil
        while !inFlight.isEmpty {
            for statement in inFlight.removeFirst() { _ = try? store.wait(statement) }
        }
    }

    /// Holds a write back when bulk work is under way (sending a batch once enough are held);
    /// otherwise runs `statement` at once.
    ///
    /// The writes are changed in place (`pending!`), never through a copy: a copy shares their
    /// buffers, and the next value added then copied the whole buffer of bound values first, for
    /// every value (a third of a PostgreSQL import's CPU).
    func write(_ hold: (inout PendingWrites) -> Void, else statement: @autoclosure () throws -> PostgresQuery) throws {
        guard pending != nil else {
            try run(try statement())
            return
        }
        hold(&pending!)
        if pending!.count >= PendingWrites.flushThreshold { try flushPendingWrites() }
    }

    func strings(_ sql: String) throws -> [String] {
        try run(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String.self) }
    }

    /// Calls `body` with each row of `query`, fetched through a cursor a batch at a time, so a
    /// large result never sits in memory whole and `body` runs on this thread.
    func forEachRow(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) throws {
        cursors += 1
        let name = "muster_cursor_\(cursors)"
        try run(PostgresQuery(unsafeSQL: "DECLARE \(name) NO SCROLL CURSOR FOR " + query.sql, binds: query.binds))
        defer { try? execute("CLOSE \(name)") }
        while true {
            let rows = try run(PostgresQuery(unsafeSQL: "FETCH 2000 FROM \(name)"))
            var count = 0
            for row in rows {
                count += 1
                try body(row)
            }
            if count < 2000 { return }
        }
    }

    // MARK: Ledger

    func ledgerHead() throws -> ChainHead {
        if let head { return head }
        let rows = try run("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
        var found = ChainHead.empty
        for row in rows {
            let (seq, hash) = try row.decode((Int64, Data).self)
            found = ChainHead(size: UInt64(seq), hash: EntryHash(bytes: hash)!)
        }
        head = found
        return found
    }

    func append(_ draft: EntryDraft) throws -> SealedEntry {
        var current = try ledgerHead()
        let sealed = current.append(draft)
        let entry = sealed.entry
        var tree = try merkle ?? MerkleAppender.restoring(size: entry.sequence - 1, from: self)
        try write(
            { $0.add(sealed) },
            else: """
                INSERT INTO ledger (seq, kind, subject, time, entry, hash)
                VALUES (\(Int64(entry.sequence)), \(Int16(entry.kind.rawValue)), \(entry.subject.map { Data($0.bytes) }),
                        \(entry.time), \(Data(sealed.bytes)), \(Data(sealed.hash.bytes)))
                """)
        head = current
        // Only the levels kept apart (see `MerkleTiles`): the leaf is the entry's own hash.
        for node in tree.append(leafHash: sealed.hash) where MerkleTiles.isNodeRow(level: node.level) {
            try write(
                { $0.add(node) },
                else: "INSERT INTO merkle_nodes (level, idx, hash) VALUES (\(node.level), \(Int64(node.index)), \(Data(node.hash.bytes)))")
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
        let (low, high) = (Int64(first), Int64(first) + Int64(count))
        let query: PostgresQuery =
            level == 0
            ? "SELECT hash FROM ledger WHERE seq > \(low) AND seq <= \(high) ORDER BY seq"
            : "SELECT hash FROM merkle_nodes WHERE level = \(level) AND idx >= \(low) AND idx < \(high) ORDER BY idx"
        var hashes: [EntryHash] = []
        for row in try run(query) {
            guard let hash = EntryHash(bytes: try row.decode(Data.self)) else { break }
            hashes.append(hash)
        }
        return hashes
    }

    func forEachEntry(from sequence: UInt64, through last: UInt64, _ body: (UInt64, [UInt8], [UInt8]) throws -> Void) throws {
        let query: PostgresQuery = "SELECT seq, entry, hash FROM ledger WHERE seq >= \(Int64(sequence)) AND seq <= \(Int64(clamping: last)) ORDER BY seq"
        try forEachRow(query) { row in
            let (seq, entry, hash) = try row.decode((Int64, Data, Data).self)
            try body(UInt64(seq), [UInt8](entry), [UInt8](hash))
        }
    }

    func forEachEntryInPlace(from sequence: UInt64, through last: UInt64, _ body: (StoredEntryRow) throws -> Void) throws {
        let query: PostgresQuery = """
            SELECT seq, entry, hash, kind, time, subject FROM ledger
            WHERE seq >= \(Int64(sequence)) AND seq <= \(Int64(clamping: last)) ORDER BY seq
            """
        try forEachRow(query) { row in
            let (seq, entry, hash, kind, time, subject) = try row.decode((Int64, Data, Data, Int16, Int64, Data?).self)
            try entry.withUnsafeBytes { entry in
                try hash.withUnsafeBytes { hash in
                    let stored = { (subject: UnsafeRawBufferPointer?) in
                        StoredEntryRow(sequence: UInt64(seq), bytes: entry, hash: hash, kind: Int64(kind), time: time, subject: subject)
                    }
                    if let subject { try subject.withUnsafeBytes { try body(stored($0)) } } else { try body(stored(nil)) }
                }
            }
        }
    }

    func forEachEntryBySubject(in range: SubjectRange, _ body: (SubjectID, UInt64, [UInt8]) throws -> Void) throws {
        let (condition, binds) = Self.condition("subject", range)
        try entriesBySubject(condition, binds, body)
        // PostgreSQL sorts NULL after every value, so a whole scan meets an entry whose subject
        // is missing last (and fails on it); `subject >= $1` leaves NULL out: the last range
        // reads those entries itself, last, as the whole scan would.
        if range.lower != nil && range.upper == nil {
            try entriesBySubject(" AND subject IS NULL", PostgresBindings(), body)
        }
    }

    private func entriesBySubject(
        _ condition: String, _ binds: PostgresBindings, _ body: (SubjectID, UInt64, [UInt8]) throws -> Void
    ) throws {
        let sql = "SELECT subject, seq, entry FROM ledger WHERE kind BETWEEN 1 AND 4\(condition) ORDER BY subject, seq"
        try forEachRow(PostgresQuery(unsafeSQL: sql, binds: binds)) { row in
            let (subject, seq, entry) = try row.decode((Data, Int64, Data).self)
            guard let id = SubjectID(bytes: subject) else { throw StoreError(.corrupt, "entry \(seq) names a malformed subject") }
            try body(id, UInt64(seq), [UInt8](entry))
        }
    }

    /// The SQL that keeps `column` within `range` (empty for every id, else starting with
    /// ` AND`) and its bound values: bytea compares as SQLite's blobs do (bytes, then length).
    static func condition(_ column: String, _ range: SubjectRange) -> (sql: String, binds: PostgresBindings) {
        var binds = PostgresBindings()
        var sql = ""
        if let lower = range.lower {
            binds.append(ByteBuffer(bytes: lower))
            sql += " AND \(column) >= $\(binds.count)"
        }
        if let upper = range.upper {
            binds.append(ByteBuffer(bytes: upper))
            sql += " AND \(column) < $\(binds.count)"
        }
        return (sql, binds)
    }

    func forEachEntry(about subject: SubjectID, _ body: (UInt64, [UInt8]) throws -> Void) throws {
        try forEachRow("SELECT seq, entry FROM ledger WHERE subject = \(Data(subject.bytes)) ORDER BY seq") { row in
            let (seq, entry) = try row.decode((Int64, Data).self)
            try body(UInt64(seq), [UInt8](entry))
        }
    }

    func entry(sequence: UInt64) throws -> [UInt8]? {
        try run("SELECT entry FROM ledger WHERE seq = \(Int64(sequence))").first.map { [UInt8](try $0.decode(Data.self)) }
    }

    func forEachMerkleNode(_ body: (MerkleNode) throws -> Void) throws {
        try forEachRow("SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx") { row in
            let (level, index, hash) = try row.decode((Int, Int64, Data).self)
            guard let hash = EntryHash(bytes: hash) else { throw StoreError(.corrupt, "Merkle node \(level)/\(index) is not 32 bytes") }
            try body(MerkleNode(level: level, index: UInt64(index), hash: hash))
        }
    }

    // MARK: Checkpoints

    func latestCheckpoint() throws -> (size: UInt64, text: String)? {
        try run("SELECT size, text FROM checkpoints ORDER BY size DESC LIMIT 1").first.map {
            let (size, text) = try $0.decode((Int64, String).self)
            return (UInt64(size), text)
        }
    }

    func checkpoint(size: UInt64) throws -> String? {
        try run("SELECT text FROM checkpoints WHERE size = \(Int64(size))").first.map { try $0.decode(String.self) }
    }

    func forEachCheckpoint(_ body: (UInt64, String) throws -> Void) throws {
        try forEachRow("SELECT size, text FROM checkpoints ORDER BY size") { row in
            let (size, text) = try row.decode((Int64, String).self)
            try body(UInt64(size), text)
        }
    }

    func putCheckpoint(size: UInt64, text: String) throws {
        try run("INSERT INTO checkpoints (size, text) VALUES (\(Int64(size)), \(text))")
    }

    // MARK: Metadata

    func metadata(_ key: String) throws -> String? {
        try run("SELECT value FROM meta WHERE key = \(key)").first.map { try $0.decode(String.self) }
    }

    func setMetadata(_ key: String, _ value: String) throws {
        try run("INSERT INTO meta (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    // MARK: Bulk work

    func beginBulkWrites(expectedRows: Int) throws {
        // The lookups of a bulk write find a few rows by an index each (`= ANY` of a batch's
        // numbers or emails). With the rows of this transaction not yet in the statistics, the
        // planner guessed such a lookup matches nearly every row and scanned the whole table
        // instead: per batch, so an import's time grew with the square of its size (430,000
        // people: 174 s of the server's CPU, most of it in those scans).
        try execute("SET LOCAL enable_seqscan = off")
        pending = PendingWrites()
        let stored = try run("SELECT count(*) FROM ledger").first.map { try $0.decode(Int64.self) } ?? 0
        guard expectedRows >= 20_000, Int64(expectedRows) >= stored else { return }
        for index in PostgresSchema.searchIndexes { try execute("DROP INDEX IF EXISTS \(index.name)") }
        indexesSetAside = true
    }

    func endBulkWrites() throws {
        try flushPendingWrites()
        try awaitWrites(keeping: 0)
        pending = nil
        guard indexesSetAside else { return }
        for index in PostgresSchema.searchIndexes { try execute(index.createSQL) }
        indexesSetAside = false
    }
}
