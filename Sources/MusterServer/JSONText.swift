/// JSON written by hand for the hottest outputs (the log line of every request, a person and a
/// page of people), where `JSONEncoder` and `JSONSerialization` cost a measurable share of a
/// request. The output is what `JSONEncoder.api` gives for the same values: keys sorted, `/`
/// not escaped; tests compare the two.
enum JSONText {
    /// Appends `text` as a JSON string (RFC 8259 escaping).
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Appends an object of string members in key order, leaving out `nil` values.
    static func appendObject(_ members: [(key: String, value: String?)], to out: inout String) {
        out += "{"
        var first = true
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let value else { continue }
            if !first { out += "," }
            first = false
            appendQuoted(key, to: &out)
            out += ":"
            appendQuoted(value, to: &out)
        }
        out += "}"
    }
}
