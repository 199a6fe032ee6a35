/// The byte-level scanner behind ``CSVReader``: one record per call, straight off a buffer.
///
/// It is restartable rather than resumable: when the buffer ends mid-record it reports
/// `needMore` and the reader rescans the record after reading more. Records are tiny next to a
/// chunk, so the rescans cost nothing measurable, and there is no half-finished state to get wrong
/// at a chunk boundary (a CRLF pair, a `""` escape or a multi-byte character split in two).
extension CSVReader {
    /// What one scan found.
    enum Scan {
        /// A record, with the position and line just after it.
        case row([String], next: Int, line: Int)
        /// A blank line to skip.
        case blank(next: Int, line: Int)
        /// Nothing left.
        case end
        /// The buffer ends inside the record; `openQuoteLine` is set when inside a quoted field.
        case needMore(openQuoteLine: Int?)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Scans the record starting at `start` (on physical line `startLine`). `atEnd` says whether
    /// the buffer ends where the input does.
    static func scan(
        _ p: UnsafeBufferPointer<UInt8>, from start: Int, line startLine: Int, atEnd: Bool, capacity: Int,
        scratch: inout [UInt8]
    ) throws(CSVError) -> Scan {
        let n = p.count

        // A blank line (empty, or only spaces and tabs) is skipped, not read as one empty field.
        var j = start
        while j < n, p[j] == space || p[j] == tab { j += 1 }
        if j == n {
            guard atEnd else { return .needMore(openQuoteLine: nil) }
            return j == start ? .end : .blank(next: n, line: startLine)
        }
        if p[j] == lf { return .blank(next: j + 1, line: startLine + 1) }
        if p[j] == cr {
            if j + 1 == n { return atEnd ? .blank(next: n, line: startLine) : .needMore(openQuoteLine: nil) }
            if p[j + 1] == lf { return .blank(next: j + 2, line: startLine + 1) }
        }

        var fields: [String] = []
        fields.reserveCapacity(capacity)
        var i = start
        var line = startLine
        while true {
            let fieldNumber = fields.count + 1
            // OR of every byte in the field: below 0x80 means pure ASCII, which needs no validation.
            var high: UInt8 = 0
            if i < n && p[i] == quote {
                let openLine = line
                i += 1
                let valueStart = i
                var escaped = false
                while true {
                    guard i < n else {
                        if atEnd {
                            throw CSVError(
                                .unterminatedQuote, line: openLine,
                                "field \(fieldNumber): the quoted field opened on this line has no closing quote")
                        }
                        return .needMore(openQuoteLine: openLine)
                    }
                    let byte = p[i]
                    if byte == quote {
                        if i + 1 == n && !atEnd { return .needMore(openQuoteLine: openLine) }
                        if i + 1 < n && p[i + 1] == quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if byte == lf { line += 1 }
                    high |= byte
                    i += 1
                }
                let valueEnd = i
                i += 1  // the closing quote
                if escaped {
                    unescape(UnsafeBufferPointer(rebasing: p[valueStart..<valueEnd]), into: &scratch)
                    let value = try scratch.withUnsafeBufferPointer { (unescaped) throws(CSVError) in
                        try makeString(unescaped, ascii: high < 0x80, line: openLine, field: fieldNumber)
                    }
                    fields.append(value)
                } else {
                    fields.append(
                        try makeString(
                            UnsafeBufferPointer(rebasing: p[valueStart..<valueEnd]), ascii: high < 0x80, line: openLine,
                            field: fieldNumber))
                }
            } else {
                let valueStart = i
                while i < n {
                    let byte = p[i]
                    if byte == comma || byte == lf || byte == cr { break }
                    if byte == quote {
                        throw CSVError(
                            .strayQuote, line: line,
                            "field \(fieldNumber): a quote inside an unquoted field (quote the whole field and double the quotes inside it)")
                    }
                    high |= byte
                    i += 1
                }
                if i == n && !atEnd { return .needMore(openQuoteLine: nil) }
                fields.append(
                    try makeString(
                        UnsafeBufferPointer(rebasing: p[valueStart..<i]), ascii: high < 0x80, line: line, field: fieldNumber))
            }

            // After a field: a comma, the line end, or the end of the input.
            if i == n { return .row(fields, next: n, line: line) }
            switch p[i] {
            case comma:
                i += 1
            case lf:
                return .row(fields, next: i + 1, line: line + 1)
            case cr:
                if i + 1 == n {
                    return atEnd ? .row(fields, next: n, line: line) : .needMore(openQuoteLine: nil)
                }
                if p[i + 1] == lf { return .row(fields, next: i + 2, line: line + 1) }
                throw CSVError(
                    .bareCarriageReturn, line: line,
                    "field \(fieldNumber): a carriage return without a line feed (lines must end in LF or CRLF)")
            default:
                throw CSVError(.strayQuote, line: line, "field \(fieldNumber): text after the closing quote")
            }
        }
    }

    /// Copies a quoted field's bytes into `scratch`, turning each `""` into `"`.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var k = 0
        while k < bytes.count {
            scratch.append(bytes[k])
            // The scanner only lets a quote through as the first of a pair.
            k += bytes[k] == quote ? 2 : 1
        }
    }

    /// The field as a `String`, failing on bytes that are not UTF-8. `line` is where the field
    /// starts; the error moves it on past any line breaks before the bad bytes.
    @inline(__always)
    private static func makeString(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, line: Int, field: Int)
        throws(CSVError) -> String
    {
        // `String(decoding:)` has a fast path for ASCII and repairs bad bytes with U+FFFD rather than
        // failing. Non-ASCII fields are checked by comparing the result with the input: it is
        // byte-for-byte the same exactly when the input was valid. (`String(validating:as:)` would
        // do, but needs macOS 15 and the package supports macOS 14.)
        let string = String(decoding: bytes, as: UTF8.self)
        if ascii { return string }
        var firstBad = 0
        for byte in string.utf8 {
            guard firstBad < bytes.count, bytes[firstBad] == byte else { break }
            firstBad += 1
        }
        if firstBad == bytes.count && string.utf8.count == bytes.count { return string }
        let badLine = line + bytes[..<firstBad].reduce(0) { $0 + ($1 == lf ? 1 : 0) }
        throw CSVError(.invalidUTF8, line: badLine, "field \(field): the text is not valid UTF-8")
    }
}
