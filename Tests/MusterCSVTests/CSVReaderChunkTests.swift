import Testing

@testable import MusterCSV

/// Reading a file a chunk at a time must give exactly what parsing the whole buffer gives,
/// wherever the chunk boundaries fall.
struct CSVReaderChunkTests {
    /// Every construct that could be cut in two by a chunk boundary: a byte order mark, CRLF pairs
    /// (inside and outside quotes), `""` escapes, 2-, 3- and 4-byte characters, blank lines, a
    /// quoted field spanning lines, and a last line with no line end.
    static let tricky: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            (
                "id,name,notes\r\n"
                + "1,Zoë,\"said \"\"hi\"\", then left\"\r\n"
                + "\n  \r\n"
                + "2,Núñez,\"line one\r\nline two\nline three\"\n"
                + "3,€uro 😀,\"\"\r\n"
                + "4,\"O'Brien, Seán\",last"
            ).utf8)

    static let expected = [
        CSVRow(fields: ["id", "name", "notes"], line: 1),
        CSVRow(fields: ["1", "Zoë", "said \"hi\", then left"], line: 2),
        CSVRow(fields: ["2", "Núñez", "line one\r\nline two\nline three"], line: 5),
        CSVRow(fields: ["3", "€uro 😀", ""], line: 8),
        CSVRow(fields: ["4", "O'Brien, Seán", "last"], line: 9),
    ]

    @Test func wholeBufferParse() throws {
        #expect(try rows(bytes: Self.tricky) == Self.expected)
    }

    /// Chunk sizes 1 to 17 put a boundary at every offset of every construct above.
    @Test(arguments: Array(1...17) + [64, 1 << 20])
    func chunkedFileMatchesWholeBuffer(chunkSize: Int) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("tricky.csv", Self.tricky)
        #expect(try rows(path: path, chunkSize: chunkSize) == Self.expected)
    }

    @Test(arguments: [1, 2, 7])
    func chunkedErrorsMatchWholeBuffer(chunkSize: Int) throws {
        let directory = try TemporaryDirectory()
        let inputs: [[UInt8]] = [
            Array("a,b\nc,\"open\nmore\n".utf8),
            Array("a\n\"ab\"c\n".utf8),
            Array("a\nb,é".utf8) + [0xFF],
            Array("a\nb,\u{20AC}".utf8).dropLast(),  // a 3-byte character cut short at the end
            Array("a\rb\n".utf8),
        ]
        for (index, bytes) in inputs.enumerated() {
            let path = try directory.file("bad\(index).csv", bytes)
            let whole = csvError(bytes: bytes)
            #expect(whole != nil)
            #expect(throws: whole!) { try rows(path: path, chunkSize: chunkSize) }
        }
    }

    @Test func manyRecordsAcrossManyRefills() throws {
        var text = "n,text\n"
        for i in 0..<5000 { text += "\(i),\"row \(i), \"\"quoted\"\"\nsecond line é\"\r\n" }
        let directory = try TemporaryDirectory()
        let path = try directory.file("many.csv", Array(text.utf8))
        let whole = try rows(text)
        #expect(whole.count == 5001)
        #expect(whole.last == CSVRow(fields: ["4999", "row 4999, \"quoted\"\nsecond line é"], line: 2 + 2 * 4999))
        #expect(try rows(path: path, chunkSize: 4096) == whole)
        #expect(try rows(path: path, chunkSize: 333) == whole)
    }

    @Test func reportsFileSizeAndProgress() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("progress.csv", Self.tricky)
        var reader = try CSVReader(path: path, chunkSize: 5)
        #expect(reader.totalBytes == Self.tricky.count)
        #expect(reader.bytesRead == 0)
        _ = try reader.next()
        // The byte order mark and "id,name,notes\r\n".
        #expect(reader.bytesRead == 3 + 15)
        while try reader.next() != nil {}
        #expect(reader.bytesRead == Self.tricky.count)
    }

    @Test func publicPathInitializerReadsTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("public.csv", Self.tricky)
        var reader = try CSVReader(path: path)
        var all: [CSVRow] = []
        while let row = try reader.next() { all.append(row) }
        #expect(all == Self.expected)
    }
}
