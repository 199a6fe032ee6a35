import PostgresNIO

/// Rows for one table, held back during bulk writes and sent as multi-row `INSERT`s.
///
/// A round trip to the server costs far more than inserting a row, so a bulk import that sent
/// one statement per row ran at a few hundred rows a second; batching a few thousand rows into a
/// statement makes the round trips vanish into the noise.
struct PendingInserts {
    let table: String
    let columns: [String]
    private var chunks: [(binds: PostgresBindings, rows: Int)] = []
    private var current = PostgresBindings()
    private var currentRows = 0
    /// Rows held back so far.
    private(set) var count = 0
    /// The text of a statement of ``rowsPerStatement`` rows, once made.
    private var fullStatement: String?

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    /// PostgreSQL takes at most 65,535 parameters in one statement.
    private var rowsPerStatement: Int { 60_000 / columns.count }

    /// Holds back one row; `fill` appends exactly one value per column, in ``columns`` order.
    mutating func add(_ fill: (inout PostgresBindings) -> Void) {
        let before = current.count
        fill(&current)
        precondition(current.count - before == columns.count, "a row of \(table) needs \(columns.count) values")
        currentRows += 1
        count += 1
        if currentRows == rowsPerStatement { closeChunk() }
    }

    /// The statements that insert every row held back, which are then forgotten.
    mutating func take() -> [PostgresQuery] {
        closeChunk()
        defer {
            chunks = []
            count = 0
        }
        var statements: [PostgresQuery] = []
        for chunk in chunks { statements.append(PostgresQuery(unsafeSQL: statement(rows: chunk.rows), binds: chunk.binds)) }
        return statements
    }

    /// The text of an `INSERT` of `rows` rows. Every full chunk has the same: it is made once,
    /// not once per chunk (a string per value of each).
    private mutating func statement(rows: Int) -> String {
        guard rows == rowsPerStatement else { return Self.insert(into: table, columns: columns, rows: rows) }
        if fullStatement == nil { fullStatement = Self.insert(into: table, columns: columns, rows: rows) }
        return fullStatement!
    }

    /// `INSERT` of `rows` rows, their values numbered row by row.
    static func insert(into table: String, columns: [String], rows: Int) -> String {
        let values = (0..<rows).map { row in
            "(" + (1...columns.count).map { "$\(row * columns.count + $0)" }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + values.joined(separator: ", ")
    }

    private mutating func closeChunk() {
        guard currentRows > 0 else { return }
        chunks.append((current, currentRows))
        current = PostgresBindings()
        currentRows = 0
    }
}
