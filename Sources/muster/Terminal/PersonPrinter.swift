import MusterCore
import MusterRegister

/// Prints a person as `field: value` lines, in the register CSV's column order.
enum PersonPrinter {
    static func lines(_ person: PersonDetails) -> [String] {
        var lines: [String] = []
        for field in Field.csvOrder {
            let value = person.record.text(of: field)
            if !value.isEmpty { lines.append("\(field.rawValue): \(value.replacingOccurrences(of: "\n", with: "\\n"))") }
        }
        if let since = person.membership.statusSince { lines.append("status_since: \(since)") }
        if let since = person.membership.continuousSince { lines.append("continuous_since: \(since)") }
        return lines
    }
}
