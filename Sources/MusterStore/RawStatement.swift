import Foundation
import GRDB
import GRDBSQLite

/// A prepared SQLite statement driven through the C API, for the few statements that run once
/// per person on the import path.
///
/// GRDB's `StatementArguments` box every value into an existential and copy it into a
/// `DatabaseValue` before binding; for the person insert that was about a sixth of import
/// time. Binding directly removes that, and nothing else: the SQL is still fixed text with `?`
/// parameters, so values are never part of SQL.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    /// GRDB's statement, kept alive: it owns `handle` and caches it with its connection, so a
    /// statement is compiled once per connection, not once per transaction (compiling, with
    /// GRDB's authorizer, was a visible part of every served request).
    private let owner: Statement

    init(_ db: Database, _ sql: String) throws {
        guard let connection = db.sqliteConnection else { throw StoreError(.io, "the database connection is closed") }
        self.connection = connection
        do {
            owner = try db.cachedStatement(sql: sql)
        } catch {
            throw StoreError(.io, "cannot prepare a statement: \(SQLiteStore.describe(error))")
        }
        handle = owner.sqliteStatement
        // A cached statement may have been left mid-way by its last user.
        reset()
    }

    // MARK: Binding (1-based parameter indexes)

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(handle, index, value ? 1 : 0)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var text = value
        text.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the bytes before this call returns.
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), SQLITE_TRANSIENT_POINTER)
        }
    }

    func bind(_ index: Int32, _ value: [UInt8]?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), SQLITE_TRANSIENT_POINTER)
        }
    }

    // MARK: Running

    /// Runs a statement that returns no rows.
    func execute() throws {
        defer { reset() }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Steps once: `true` when a row is available.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(code)
        }
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    /// Whether a text column holds exactly `text`'s bytes (NULL reads as empty, as in ``text(_:)``),
    /// compared where SQLite holds them.
    func textEquals(_ column: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { textEquals(column, $0) }
    }

    /// Whether a text column holds exactly `bytes`, as the method above for a string.
    func textEquals(_ column: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let stored = sqlite3_column_text(handle, column) else { return bytes.isEmpty }
        return Self.sameBytes(UnsafeRawBufferPointer(start: stored, count: Int(sqlite3_column_bytes(handle, column))), UnsafeRawBufferPointer(bytes))
    }

    /// Whether a blob column holds exactly `bytes` (NULL reads as empty), compared in place.
    func blobEquals(_ column: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        withBlob(column) { Self.sameBytes($0, bytes) }
    }

    /// `memcmp`, not `elementsEqual`, which compares byte by byte.
    private static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : int64(column)
    }

    func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    func optionalBlob(_ column: Int32) -> [UInt8]? {
        isNull(column) ? nil : blob(column)
    }

    func blob(_ column: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// Calls `body` with a blob column's bytes where SQLite holds them (valid until the next step).
    func withBlob<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let bytes = sqlite3_column_blob(handle, column)
        return try body(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    var changes: Int { Int(sqlite3_changes(connection)) }

    private func failure(_ code: Int32) -> StoreError {
        // SQLite's messages name tables and constraints, never bound values.
        let message = String(cString: sqlite3_errmsg(connection))
        reset()
        let constraint = code & 0xFF == SQLITE_CONSTRAINT
        return StoreError(constraint ? .conflict : .io, "SQLite: \(message)")
    }
}

/// `SQLITE_TRANSIENT`, which the C headers define as a cast Swift cannot import.
private let SQLITE_TRANSIENT_POINTER = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
