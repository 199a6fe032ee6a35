import Foundation
import GRDB
import MusterLedger

/// The embedded default: one SQLite file (`register.sqlite`) in the data directory, in WAL mode.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    /// Read-only connections for ``lookup(_:)`` alone. A lookup blocks its thread while it waits
    /// for a connection; if it shared `pool` with asynchronous reads, which hold a connection
    /// while they wait to be scheduled, blocked lookups on every cooperative thread would wait
    /// for them for ever (seen under load: the server hung at shutdown). Here every holder is
    /// a lookup running on its thread, so a wait is always short.
    private let lookups: LookupConnections
    public let path: String
    /// How long a write waits for another process's write to end before it fails.
    let busyTimeout: Double
    /// Long enough for a large import beside a server; an operator who would rather fail fast
    /// says so (`muster --wait`).
    public static let standardBusyTimeout = 30.0

    /// Opens the register database at `path`; `create` makes it (and its schema) if absent.
    /// `memoryMapped` reads pages through a memory map (see `RegisterConfiguration`).
    public init(path: String, create: Bool, memoryMapped: Bool = true, busyTimeout: Double = standardBusyTimeout) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.notInitialised, "no register database at \(path): run `muster init` first")
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Deleted content is overwritten, so a destroyed data key does not linger in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Temporary tables and sort spills stay in memory, never in temp files.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Read pages through a memory map instead of a read() call and a copy per page: the
            // ledger scans of verify and restore are read-bound.
            if memoryMapped { try db.execute(sql: "PRAGMA mmap_size = 4294967296") }
        }
        // Another process (the CLI beside the server, say) may be writing: wait for its
        // transaction to end rather than fail at once with "database is locked". Writes take the
        // lock when they begin (GRDB begins them IMMEDIATE), so waiting can never deadlock.
        configuration.busyMode = .timeout(busyTimeout)
        // Lookups run on the calling thread (see `lookup`): more readers than threads that
        // could run them at once, so a lookup never waits for a connection.
        configuration.maximumReaderCount = max(8, 2 * ProcessInfo.processInfo.activeProcessorCount + 4)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteSchema.migrator.migrate(pool)
            lookups = LookupConnections(path: path, configuration: configuration, count: configuration.maximumReaderCount)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw Self.busy(waited: busyTimeout)
        } catch {
            throw StoreError(.io, "cannot open the register database at \(path): \(SQLiteStore.describe(error))")
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T {
        try await namingBusy { try await pool.read { db in try body(SQLiteTransaction(db)) } }
    }

    /// Runs on the calling thread: SQLite is in this process, and a lookup is a few microseconds
    /// of work on pages already in memory, far less than the two thread hops of GRDB's async
    /// read (measured: about a sixth of a person GET). Only for lookups: a scan here would hold
    /// one of the few threads Swift concurrency runs everything on. Reads never wait for the
    /// writer (WAL), only for a free reader connection, of which there are more than threads.
    public func lookup<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T {
        do { return try lookups.read { tx in try body(tx) } } catch { throw namingBusy(error) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T {
        try await namingBusy { try await pool.write { db in try body(SQLiteTransaction(db)) } }
    }

    /// Holds the writer connection for the whole series (up to ``seriesHold``), committing one
    /// transaction per piece of work on it: a disclosure batch then costs no thread hop to
    /// GRDB's writer queue and back, which under load took longer than its transaction
    /// (measured with 32 clients reading people: 0.19 ms to reach the writer, 0.17 ms of work).
    public func writeSeries<Work: Sendable, T: Sendable>(
        next: @escaping @Sendable () -> Work?,
        body: @escaping @Sendable (any StoreWriting, Work) throws -> T,
        committed: @escaping @Sendable (Result<T, any Error>) -> Void
    ) async throws {
        try await namingBusy { try await series(next: next, body: body, committed: committed) }
    }

    private func series<Work: Sendable, T: Sendable>(
        next: @escaping @Sendable () -> Work?,
        body: @escaping @Sendable (any StoreWriting, Work) throws -> T,
        committed: @escaping @Sendable (Result<T, any Error>) -> Void
    ) async throws {
        try await pool.writeWithoutTransaction { db in
            let deadline = ContinuousClock.now + Self.seriesHold
            let statements = StatementCache()
            // No one else in this process writes while the series holds the writer: each
            // transaction starts from the ledger's end as the last one committed it, without
            // reading the tree's border again (up to 64 range reads of kept nodes, see
            // `MerkleTiles`), unless another process has committed in between.
            var tail = LedgerTail()
            var version: Int?
            while ContinuousClock.now < deadline, let work = next() {
                var result: T?
                var tx: SQLiteTransaction?
                do {
                    try db.inTransaction {
                        // Read inside the transaction, which holds the write lock, so no other
                        // process can commit between this check and the appends: if one has
                        // committed since the last transaction, the end is read again.
                        let now = try Self.dataVersion(db)
                        if now != version { (tail, version) = (LedgerTail(), now) }
                        let transaction = SQLiteTransaction(db, statements: statements, tail: tail)
                        tx = transaction
                        result = try body(transaction, work)
                        return .commit
                    }
                    tail = tx!.tail(after: tail)
                    committed(.success(result!))
                } catch {
                    tail = LedgerTail()  // rolled back: read the end again
                    committed(.failure(self.namingBusy(error)))
                }
            }
        }
    }

    /// How long a series keeps the writer before letting the writes queued behind it run.
    static let seriesHold = Duration.milliseconds(20)

    /// A number that changes whenever another connection, in any process, commits to the
    /// database (SQLite's `data_version`): read without touching the file.
    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    /// Writes everything in the WAL back to the main file and truncates the WAL, so pages that
    /// held destroyed keys are gone from every file of the database.
    /// It waits (up to the busy timeout) for other processes' readers to finish with the log.
    public func checkpoint() async throws {
        try await namingBusy {
            try await pool.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)
            }
        }
    }

    /// Runs `body`, turning SQLite's "database is locked" into an error that says what happened.
    func namingBusy<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw namingBusy(error) }
    }

    func namingBusy(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY else { return error }
        return Self.busy(waited: busyTimeout)
    }

    static func busy(waited seconds: Double) -> StoreError {
        StoreError(
            .busy, "the register database is busy: another process has held it for over \(String(format: "%g", seconds)) s; try again when it has finished")
    }

    /// GRDB errors can quote SQL; keep only SQLite's own message, which names no values.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return String(describing: type(of: error))
    }
}
