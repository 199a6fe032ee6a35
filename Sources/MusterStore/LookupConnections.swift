import Dispatch
import GRDB
import Synchronization

/// Read-only connections for ``SQLiteStore/lookup(_:)``, each used by one caller at a time, on
/// the caller's thread.
///
/// GRDB's reader pool does the same, but each of its reads built key paths at run time and
/// parsed its BEGIN and COMMIT: together a tenth of a person GET's cost in the server. Here a
/// connection is taken from a free list under a lock, and the transaction statements are
/// prepared once per connection. Connections are opened when first needed, so a command that
/// makes no lookup opens none.
final class LookupConnections: Sendable {
    private let path: String
    private let configuration: Configuration
    /// Bounds the connections in use; a caller past the bound waits for one to come back.
    private let available: DispatchSemaphore
    private let free = Mutex<[Connection]>([])

    /// A connection and the statements prepared on it. Used by one caller at a time: it is
    /// taken from the free list, under its lock, and given back after.
    private struct Connection: @unchecked Sendable {
        let queue: DatabaseQueue
        let statements = StatementCache()
    }

    init(path: String, configuration: Configuration, count: Int) {
        self.path = path
        var configuration = configuration
        configuration.readonly = true
        self.configuration = configuration
        available = DispatchSemaphore(value: count)
    }

    /// Runs `body` in a read transaction (one snapshot for all its statements) on a free
    /// connection, on this thread.
    func read<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
        available.wait()
        defer { available.signal() }
        let connection = try free.withLock { $0.popLast() } ?? Connection(queue: DatabaseQueue(path: path, configuration: configuration))
        defer { free.withLock { $0.append(connection) } }
        return try connection.queue.inDatabase { db in
            let tx = SQLiteTransaction(db, statements: connection.statements)
            try tx.raw("BEGIN DEFERRED").execute()
            defer {
                // A transaction left open would pin its snapshot, and the WAL could not be reset.
                if (try? tx.raw("COMMIT").execute()) == nil { try? tx.raw("ROLLBACK").execute() }
            }
            return try body(tx)
        }
    }
}
