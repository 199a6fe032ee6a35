public import MusterCore

/// Turning a data row into a ``PersonRecord``.
extension RegisterHeader {
    /// The record a row describes, or every problem with it.
    ///
    /// Each column's text is set on ``PersonRecord/blank`` (one problem per bad column, all
    /// collected); only a row whose fields all parse is then checked against the cross-field
    /// rules of ``PersonRecord/validate()``.
    public func record(from row: CSVRow, file: String) -> Result<PersonRecord, ImportProblems> {
        guard row.fields.count == columns.count else {
            let message = "expected \(Self.count(columns.count, "field")), found \(row.fields.count)"
            return .failure(ImportProblems([ImportProblem(file: file, line: row.line, message: message)]))
        }
        var record = PersonRecord.blank
        var problems: [ImportProblem] = []
        for (index, column) in columns.enumerated() {
            let text = row.fields[index]
            guard let field = column else {
                if !Text.tidy(text).isEmpty {
                    problems.append(
                        ImportProblem(
                            file: file, line: row.line,
                            message: "column \(index + 1) has a value but no name in the header row"))
                }
                continue
            }
            do {
                try record.set(field, text: text)
            } catch {
                problems.append(ImportProblem(file: file, line: row.line, column: field.rawValue, message: error.message))
            }
        }
        if problems.isEmpty {
            do {
                try record.validate()
            } catch {
                problems.append(
                    ImportProblem(file: file, line: row.line, column: Self.column(of: error), message: error.message))
            }
        }
        return problems.isEmpty ? .success(record) : .failure(ImportProblems(problems))
    }

    /// The column a cross-field rule is about. `DomainError` does not carry a field, but its
    /// messages start with the field's name ("union_name is required for …"); a rule naming two
    /// ("first_name or last_name is required") belongs to the row.
    static func column(of error: DomainError) -> String? {
        let words = error.message.split(separator: " ", maxSplits: 2)
        guard let first = words.first, Field(rawValue: String(first)) != nil else { return nil }
        if words.count > 1 && words[1] == "or" { return nil }
        return String(first)
    }

    private static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
