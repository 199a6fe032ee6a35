/// One CSV record: its fields, unquoted, and the physical line it starts on.
public struct CSVRow: Sendable, Equatable {
    /// The record's fields, with quotes removed and `""` turned back into `"`.
    public var fields: [String]
    /// The 1-based physical line on which the record starts (a quoted newline makes a record
    /// span several lines; this is the first of them).
    public var line: Int

    /// A row with the given fields, starting on `line`.
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}
