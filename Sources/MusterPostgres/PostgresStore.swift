import Foundation
import Logging
public import MusterStore
import NIOCore
import NIOPosix
import PostgresNIO

/// The production backend: a PostgreSQL database that several Muster processes may share.
///
/// Transactions run on this store's own thread and block on the connection's futures, so the
/// same synchronous ``StoreWriting`` code serves both backends. Writers take one advisory
/// lock, so every process appends to one gap-free, totally ordered ledger.
public final class PostgresStore: Store {
    private let connection: PostgresConnection
    private let queue = DispatchQueue(label: "muster.postgres")
    let logger: Logger

    /// The advisory lock every writer holds for its transaction (any fixed 64-bit number).
    static let writerLock: Int64 = 0x6D75_7374_6572  // "muster"

    private init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database`), creating the
    /// schema (versioned migrations) when `create` is set, and checking it exists otherwise.
    public static func connect(url: String, create: Bool) async throws -> PostgresStore {
        let configuration = try PostgresURL.configuration(url)
        var logger = Logger(label: "muster.postgres")
        logger.logLevel = .error
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw StoreError(.io, "cannot connect to PostgreSQL at \(PostgresURL.redacted(url)): \(PostgresStore.describe(error))")
        }
        let store = PostgresStore(connection: connection, logger: logger)
        try await store.run { try PostgresSchema.migrate(PostgresTransaction(store: store), create: create) }
        return store
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN", lock: true, body)
    }

    /// Runs `body` in one transaction on the store's thread; writers first take the writer lock.
    private func transaction<T: Sendable>(
        begin: String, lock: Bool, _ body: @escaping @Sendable (PostgresTransaction) throws -> T
    ) async throws -> T {
        try await run {
            let tx = PostgresTransaction(store: self)
            try tx.execute(begin)
            do {
                if lock { try tx.execute("SELECT pg_advisory_xact_lock(\(Self.writerLock))") }
                let result = try body(tx)
                try tx.execute("COMMIT")
                return result
            } catch {
                tx.abandonWrites()  // held-back writes die with the transaction
                try? tx.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes the connection.
    public func close() async throws {
        try await connection.close()
    }

    deinit {
        // The connection must be closed before it goes away; the callback keeps it alive until
        // the close has completed on its event loop.
        let connection = connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs `body` on the store's thread (never on an event loop, where blocking is forbidden).
    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs one query and waits for all its rows.
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try wait(send(query))
    }

    /// Sends one query; the connection runs the queries sent in order.
    func send(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(query, logger: logger)
    }

    /// Waits for the answer to a query sent.
    func wait(_ answer: EventLoopFuture<PostgresQueryResult>) throws -> PostgresQueryResult {
        do {
            return try answer.wait()
        } catch {
            throw StoreError(Self.isUniqueViolation(error) ? .conflict : .io, "PostgreSQL: \(Self.describe(error))")
        }
    }

    /// Whether the server refused a row for a unique constraint (SQLSTATE 23505). Read from the
    /// server's fields: PostgresNIO's description of an error leaves them out.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }

    /// PostgreSQL's own message (which names tables and constraints, and, for our parameterised
    /// statements, never values), without the query text PostgresNIO's description adds.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            let code = error.serverInfo?[.sqlState].map { " (\($0))" } ?? ""
            return message + code
        }
        return String(describing: type(of: error))
    }
}
