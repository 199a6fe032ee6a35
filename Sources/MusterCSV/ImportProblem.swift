/// One thing wrong with an import file, placed by file, line and (where there is one) column.
///
/// Messages never contain an identifying value, so problems can be printed, logged and written
/// to a rejects file without leaking the personal data they are about.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based physical line the record starts on (or the CSV error's line).
    public var line: Int
    /// The CSV column name the problem is about, or `nil` for the row or file as a whole.
    public var column: String?
    /// What is wrong.
    public var message: String

    /// A problem at `file:line`, about `column` when given.
    public init(file: String, line: Int, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The problem for a file that is not well-formed CSV.
    public init(file: String, error: CSVError) {
        self.init(file: file, line: error.line, message: error.message)
    }

    /// `file:line: column: message`, or `file:line: message` without a column: the shape
    /// compilers use, so editors and terminals can jump to the line.
    public var description: String {
        if let column { return "\(file):\(line): \(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// Every problem found in a header or a row, reported together so one pass fixes them all.
public struct ImportProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in the order found.
    public var problems: [ImportProblem]

    /// A set of problems.
    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
