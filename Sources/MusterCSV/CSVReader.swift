/// A streaming RFC 4180 reader for register files.
///
/// Hand-written rather than taken from a library, for two reasons: speed (it scans the bytes
/// directly and builds one `String` per field, so a multi-gigabyte register reads at disk
/// speed on one core) and exact physical line numbers for every record and error, which
/// general-purpose readers lose once a quoted field spans lines.
///
/// Accepts a UTF-8 byte order mark, LF and CRLF line ends (mixed), quoted fields with `""`
/// escapes and embedded commas and line breaks (kept exactly, CRLF included), blank lines
/// (empty, or only spaces and tabs: skipped), and a last line with or without a line end.
/// Errors name the line and field but never the contents.
///
/// ```swift
/// var reader = try CSVReader(path: "members.csv")
/// while let row = try reader.next() { print(row.line, row.fields.count) }
/// ```
///
/// A file-backed reader shares its open file between copies: read from one copy only. After an
/// error the reader stays at the bad record, so calling ``next()`` again throws again.
public struct CSVReader {
    /// How much of the file is read at a time.
    static let defaultChunkSize = 1 << 20
    /// The longest record accepted (1 MiB): far beyond any real row, and it bounds memory when a
    /// file has, say, an unclosed quote near the top.
    static let defaultMaxRecordBytes = 1 << 20

    /// The open file, until its end has been read; `nil` for in-memory input.
    private var source: (any CSVByteSource)?
    /// Bytes read but not yet consumed start at ``position``; earlier ones are dropped on refill.
    private var buffer: [UInt8]
    private var position = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Whether `buffer` already holds everything up to the end of the input.
    private var atEnd: Bool
    /// The physical line at ``position``.
    private var line = 1
    private var checkedByteOrderMark = false
    /// Used to undo `""` escapes; kept to avoid an allocation per escaped field.
    private var scratch: [UInt8] = []
    /// The widest row so far, to size the next row's array up front.
    private var expectedFieldCount = 0
    private let maxRecordBytes: Int

    /// The size of the input in bytes, when known (a regular file, or in-memory bytes).
    public let totalBytes: Int?

    /// How far into the input the reader has consumed, in bytes: the end of the last row returned.
    /// With ``totalBytes`` this drives a progress bar.
    public var bytesRead: Int { bufferOffset + position }

    /// Opens the file at `path` for reading a chunk at a time.
    public init(path: String) throws(CSVError) {
        try self.init(path: path, chunkSize: Self.defaultChunkSize)
    }

    /// Reads whatever `source` hands over, a chunk at a time.
    public init(source: any CSVByteSource) {
        self.source = source
        self.totalBytes = source.size
        self.buffer = []
        self.atEnd = false
        self.maxRecordBytes = Self.defaultMaxRecordBytes
    }

    /// Reads CSV already in memory.
    public init(bytes: [UInt8]) {
        self.init(bytes: bytes, maxRecordBytes: Self.defaultMaxRecordBytes)
    }

    /// Opens `path` with a given chunk size (tests use tiny chunks to make every construct
    /// straddle a chunk boundary) and record bound.
    init(path: String, chunkSize: Int, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws(CSVError) {
        precondition(chunkSize > 0 && maxRecordBytes > 0)
        let source = try FileSource(path: path, chunkSize: chunkSize)
        self.source = source
        self.totalBytes = source.size
        self.buffer = []
        self.atEnd = false
        self.maxRecordBytes = maxRecordBytes
        buffer.reserveCapacity(chunkSize + min(chunkSize, maxRecordBytes))
    }

    /// Reads `bytes` with a given record bound.
    init(bytes: [UInt8], maxRecordBytes: Int) {
        self.source = nil
        self.buffer = bytes
        self.atEnd = true
        self.totalBytes = bytes.count
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next record, or `nil` at the end of the input. Blank lines are skipped.
    public mutating func next() throws(CSVError) -> CSVRow? {
        if !checkedByteOrderMark { try skipByteOrderMark() }
        while true {
            let bytes = buffer  // a second reference, so the closure below may mutate `self`
            var scratch = self.scratch
            let start = position, startLine = line, atEnd = self.atEnd, capacity = expectedFieldCount
            let result = try bytes.withUnsafeBufferPointer { (pointer) throws(CSVError) -> Scan in
                try Self.scan(pointer, from: start, line: startLine, atEnd: atEnd, capacity: capacity, scratch: &scratch)
            }
            self.scratch = scratch
            switch result {
            case .row(let fields, let next, let nextLine):
                guard next - start <= maxRecordBytes else { throw tooLong(openQuoteLine: nil) }
                position = next
                line = nextLine
                expectedFieldCount = max(expectedFieldCount, fields.count)
                return CSVRow(fields: fields, line: startLine)
            case .blank(let next, let nextLine):
                position = next
                line = nextLine
            case .end:
                position = bytes.count
                return nil
            case .needMore(let openQuoteLine):
                guard bytes.count - start <= maxRecordBytes else { throw tooLong(openQuoteLine: openQuoteLine) }
                try refill()
            }
        }
    }

    /// Drops consumed bytes and reads the next chunk after the unconsumed ones.
    private mutating func refill() throws(CSVError) {
        guard let source else {
            atEnd = true
            return
        }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bufferOffset += position
            position = 0
        }
        if try source.append(to: &buffer, line: line) == 0 {
            atEnd = true
            self.source = nil
        }
    }

    /// Steps over a UTF-8 byte order mark at the very start of the input.
    private mutating func skipByteOrderMark() throws(CSVError) {
        while buffer.count - position < 3 && !atEnd { try refill() }
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB,
            buffer[position + 2] == 0xBF
        {
            position += 3
        }
        checkedByteOrderMark = true
    }

    /// The error for a record that outgrew ``maxRecordBytes``. When a quote is still open that is
    /// almost always the real problem, so say that.
    private func tooLong(openQuoteLine: Int?) -> CSVError {
        if let openQuoteLine {
            return CSVError(
                .unterminatedQuote, line: openQuoteLine,
                "the quoted field opened on this line is not closed within \(maxRecordBytes) bytes")
        }
        return CSVError(.recordTooLong, line: line, "the record starting on this line is longer than \(maxRecordBytes) bytes")
    }
}
