import PostgresNIO

/// Rows for one table, held back during bulk writes and sent in chunks, each one `INSERT` of a
/// few parameters: every column's values as one array (``ColumnValues``), made into rows by
/// `unnest`.
///
/// A round trip to the server costs far more than inserting a row, so a bulk import that sent
/// one statement per row ran at a few hundred rows a second. Multi-row `VALUES` statements (a
/// parameter per value, thousands of them) took that away, but the server then parsed, planned
/// and type-checked every value of every statement: on 100,000 people, PostgreSQL spent 13 s of
/// CPU where inserting the same rows from another table took under 4 s.
struct PendingInserts {
    let table: String
    /// Each column's name and the type of its values.
    let columns: [(name: String, type: PostgresDataType)]
    private var chunks: [[ColumnValues]] = []
    private var current: [ColumnValues]
    /// Rows held back so far.
    private(set) var count = 0
    /// The statement of every chunk, made once.
    private let statement: String

    /// Rows per statement: enough that statements are few, few enough that one stays a few
    /// megabytes.
    static let rowsPerStatement = 10_000

    init(table: String, columns: [(name: String, type: PostgresDataType)]) {
        self.table = table
        self.columns = columns
        current = Self.emptyColumns(columns)
        let parameters = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        statement = "INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) SELECT * FROM unnest(\(parameters))"
    }

    /// Holds back one row; `fill` appends exactly one value per column, in ``columns`` order.
    mutating func add(_ fill: (inout PendingRow) -> Void) {
        // The columns move into the row and back, never copied (their buffers stay unshared).
        var row = PendingRow(values: current)
        current = []
        fill(&row)
        precondition(row.filled == columns.count, "a row of \(table) needs \(columns.count) values")
        current = row.values
        count += 1
        if current[0].count == Self.rowsPerStatement { closeChunk() }
    }

    /// The statements that insert every row held back, which are then forgotten.
    mutating func take() -> [PostgresQuery] {
        closeChunk()
        defer {
            chunks = []
            count = 0
        }
        return chunks.map { chunk in
            var binds = PostgresBindings(capacity: chunk.count)
            for column in chunk { binds.append(column) }
            return PostgresQuery(unsafeSQL: statement, binds: binds)
        }
    }

    /// `INSERT` of one row, a parameter per value: a row written at once, not held back.
    static func insertOne(into table: String, columns: [String]) -> String {
        let parameters = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(parameters))"
    }

    private mutating func closeChunk() {
        guard current[0].count > 0 else { return }
        chunks.append(current)
        current = Self.emptyColumns(columns)
    }

    private static func emptyColumns(_ columns: [(name: String, type: PostgresDataType)]) -> [ColumnValues] {
        columns.map { ColumnValues(of: $0.type) }
    }
}

/// Where a row's values go, one per column in order, NULL for `nil`: the parameters of a
/// statement (``PostgresBindings``), or the columns of rows held back (``PendingRow``).
protocol RowValues {
    mutating func add<T: PostgresNonThrowingEncodable>(_ value: T?)
}

extension PostgresBindings: RowValues {
    mutating func add<T: PostgresNonThrowingEncodable>(_ value: T?) {
        if let value { append(value) } else { appendNull() }
    }
}

/// One row being held back: its values, column by column.
struct PendingRow: RowValues {
    fileprivate var values: [ColumnValues]
    fileprivate var filled = 0

    mutating func add<T: PostgresNonThrowingEncodable>(_ value: T?) {
        values[filled].append(value)
        filled += 1
    }
}
