/// JSON written by hand for the hottest outputs (the log line of every request, a person and a
/// page of people), where `JSONEncoder` and `JSONSerialization` cost a measurable share of a
/// request. The output is what `JSONEncoder.api` gives for the same values: keys sorted, `/`
/// not escaped; tests compare the two.
enum JSONText {
    /// Appends `text` as a JSON string (RFC 8259 escaping). Only ASCII bytes ever need escaping,
    /// so the UTF-8 is copied as it is unless one of those is present.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: needsEscape) {
            out.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
                guard needsEscape(byte) else {
                    out.append(byte)
                    continue
                }
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default: out += Array("u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the literal ASCII `text` (punctuation and key names written by this module).
    static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends an object of string members in key order, leaving out `nil` values.
    static func appendObject(_ members: [(key: String, value: String?)], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let value else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendQuoted(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendQuoted(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
