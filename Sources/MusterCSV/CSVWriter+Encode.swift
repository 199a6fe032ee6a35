/// Turning fields into CSV bytes.
extension CSVWriter {
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// One record as CSV text, without the line end. Fields are quoted only when they must be.
    public static func encode(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(fields, to: &bytes)
        bytes.removeLast()  // the LF
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one record and its LF to `out` (for output that is not a file, such as an HTTP
    /// response streamed a page at a time).
    public static func append(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(comma) }
            appendField(field, to: &out)
        }
        // A record of one empty field would be an empty line, which readers skip as blank.
        if fields.count == 1 && fields[0].isEmpty { out += [quote, quote] }
        out.append(lf)
    }

    private static func appendField(_ field: String, to out: inout [UInt8]) {
        guard needsQuotes(field) else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(quote)
        for byte in field.utf8 {
            out.append(byte)
            if byte == quote { out.append(quote) }
        }
        out.append(quote)
    }

    /// Separators, quotes and line breaks must be quoted; so are leading and trailing spaces,
    /// which many readers (and `Text.tidy` on import) would otherwise drop.
    private static func needsQuotes(_ field: String) -> Bool {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == space || first == tab || last == space || last == tab { return true }
        return utf8.contains { $0 == comma || $0 == quote || $0 == lf || $0 == cr }
    }
}
