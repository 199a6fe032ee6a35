public import MusterCore

/// A register file's header row: which ``Field`` each column holds.
///
/// Column names are matched ignoring case and surrounding spaces, in any order. Columns other
/// than ``requiredColumns`` may be left out; their fields keep ``PersonRecord/blank``'s values.
/// A column with an empty name (spreadsheets often add one at the end) is allowed and ignored,
/// as long as its cells are empty.
public struct RegisterHeader: Sendable {
    /// The columns every register file must have.
    public static let requiredColumns: [Field] = [.category, .status, .firstName, .lastName]

    /// The field of each column, in file order; `nil` for a column with an empty name.
    public let columns: [Field?]

    /// Reads the header row. Throws every problem at once: unknown columns (with the nearest known
    /// name as a suggestion), duplicated columns and missing required columns.
    public init(_ row: CSVRow, file: String) throws(ImportProblems) {
        var columns: [Field?] = []
        var firstColumn: [Field: Int] = [:]
        var unknown: [(number: Int, name: String)] = []
        var problems: [ImportProblem] = []
        for (index, cell) in row.fields.enumerated() {
            let name = Text.tidy(cell)
            guard !name.isEmpty else {
                columns.append(nil)
                continue
            }
            guard let field = Field(rawValue: name.lowercased()) else {
                unknown.append((index + 1, name))
                columns.append(nil)
                continue
            }
            if let first = firstColumn[field] {
                problems.append(
                    ImportProblem(
                        file: file, line: row.line,
                        message: "duplicate column '\(field.rawValue)' (columns \(first) and \(index + 1))"))
            } else {
                firstColumn[field] = index + 1
            }
            columns.append(field)
        }

        let named = columns.count(where: { $0 != nil }) + unknown.count
        if named == 0 || firstColumn.count * 2 < named {
            // Mostly unknown names usually means the file has no header and this is a person's
            // row: echoing its cells would print their details, so give column numbers only.
            let numbers = unknown.map { String($0.number) }.joined(separator: ", ")
            throw ImportProblems([
                ImportProblem(
                    file: file, line: row.line,
                    message: "this is not a register header row (\(named == 0 ? "no column names" : "unknown names in columns \(numbers)")); "
                        + "the file must start with a row naming its columns, such as "
                        + RegisterCSV.headerRow.prefix(6).joined(separator: ","))
            ])
        }
        for (number, name) in unknown {
            problems.append(
                ImportProblem(file: file, line: row.line, message: Self.unknownColumnMessage(name, column: number, present: firstColumn)))
        }
        for field in Self.requiredColumns where firstColumn[field] == nil {
            problems.append(ImportProblem(file: file, line: row.line, message: "missing required column '\(field.rawValue)'"))
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        self.columns = columns
    }

    /// "unknown column 'emial' (did you mean 'email'?)": the suggestion is the known name at the
    /// smallest edit distance, if that is at most 2, preferring columns the file does not have yet.
    private static func unknownColumnMessage(_ name: String, column: Int, present: [Field: Int]) -> String {
        let lowered = name.lowercased()
        var best: (field: Field, distance: Int, isPresent: Bool)?
        for field in Field.csvOrder {
            let distance = editDistance(lowered, field.rawValue)
            let isPresent = present[field] != nil
            guard distance <= 2 else { continue }
            if let current = best, (current.distance, current.isPresent ? 1 : 0) <= (distance, isPresent ? 1 : 0) {
                continue
            }
            best = (field, distance, isPresent)
        }
        let shown = name.count > 40 ? name.prefix(40) + "…" : Substring(name)
        guard let best else { return "unknown column '\(shown)'" }
        return "unknown column '\(shown)' (did you mean '\(best.field.rawValue)'?)"
    }
}
