import Testing

@testable import MusterCSV

/// Malformed input: each error names the right line and field, and never the contents.
struct CSVReaderErrorTests {
    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        let error = csvError("a,b\nc,\"open\nmore\nstuff\n")
        #expect(error == CSVError(.unterminatedQuote, line: 2, "field 2: the quoted field opened on this line has no closing quote"))
        #expect(error?.description == "line 2: field 2: the quoted field opened on this line has no closing quote")
    }

    @Test func quoteInsideAnUnquotedField() {
        #expect(
            csvError("a,b\nc,d\"e\n")
                == CSVError(
                    .strayQuote, line: 2,
                    "field 2: a quote inside an unquoted field (quote the whole field and double the quotes inside it)"))
        // A space before the opening quote makes the field unquoted.
        #expect(csvError("a, \"b\"\n")?.code == .strayQuote)
    }

    @Test func textAfterClosingQuote() {
        #expect(csvError("\"ab\"c,d\n") == CSVError(.strayQuote, line: 1, "field 1: text after the closing quote"))
        // After a quoted field spanning lines, the error is on the line of the stray text.
        #expect(csvError("x\ny,\"a\nb\" z\n") == CSVError(.strayQuote, line: 3, "field 2: text after the closing quote"))
    }

    @Test func invalidUTF8() {
        #expect(
            csvError(bytes: Array("ok\nfine,".utf8) + [0xFF] + Array("bad\n".utf8))
                == CSVError(.invalidUTF8, line: 2, "field 2: the text is not valid UTF-8"))
        // Inside a quoted field spanning lines, the line of the bad bytes.
        #expect(csvError(bytes: Array("\"a\nb\nc".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))?.line == 3)
        // A multi-byte character cut short by the end of the input.
        #expect(csvError(bytes: Array("a,".utf8) + [0xE2, 0x82])?.code == .invalidUTF8)
        // Overlong encoding of "/" and a UTF-16 surrogate are not UTF-8 either.
        #expect(csvError(bytes: [0xC0, 0xAF])?.code == .invalidUTF8)
        #expect(csvError(bytes: [0xED, 0xA0, 0x80])?.code == .invalidUTF8)
    }

    @Test func carriageReturnWithoutLineFeed() {
        #expect(
            csvError("a,b\rc\n")
                == CSVError(.bareCarriageReturn, line: 1, "field 2: a carriage return without a line feed (lines must end in LF or CRLF)"))
    }

    @Test func recordLongerThanTheBound() throws {
        // 16 bytes including the line end is allowed at a bound of 16; 17 is not.
        #expect(try rows(bytes: Array("0123456789abcde\n".utf8), maxRecordBytes: 16).count == 1)
        #expect(
            csvError(bytes: Array("ok\n0123456789abcdef\n".utf8), maxRecordBytes: 16)
                == CSVError(.recordTooLong, line: 2, "the record starting on this line is longer than 16 bytes"))
    }

    @Test func unclosedQuoteInABigFileStopsAtTheBound() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("open.csv", Array(("a\n\"" + String(repeating: "x,\n", count: 100)).utf8))
        #expect(throws: CSVError(.unterminatedQuote, line: 2, "the quoted field opened on this line is not closed within 64 bytes")) {
            try rows(path: path, chunkSize: 8, maxRecordBytes: 64)
        }
    }

    /// Every kind of error, on input whose cells hold a marker: no message may repeat it.
    @Test(arguments: [
        "canary,\"canary\ncanary", "canary,can\"ary\n", "\"canary\"canary\n", "canary\rcanary\n",
        "canary,canary\u{FFFF}\n",
    ])
    func messagesNeverContainCellContents(_ text: String) {
        var bytes = Array(text.utf8)
        if let index = text.utf8.firstIndex(of: 0xEF) {
            // Swap the (valid) U+FFFF for an invalid byte.
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
            bytes.replaceSubrange(offset..<offset + 3, with: [0xFF])
        }
        for bound in [8, CSVReader.defaultMaxRecordBytes] {
            let error = csvError(bytes: bytes, maxRecordBytes: bound)
            #expect(error != nil)
            #expect(error.map { !$0.description.contains("canary") } == true)
        }
    }

    @Test func stopsAtTheBadRecord() throws {
        var reader = CSVReader(bytes: Array("a\n\"b\"c\nd\n".utf8))
        #expect(try reader.next() == CSVRow(fields: ["a"], line: 1))
        #expect(throws: CSVError.self) { try reader.next() }
        #expect(throws: CSVError.self) { try reader.next() }
    }

    @Test func missingFileIsAnIOError() {
        #expect {
            _ = try CSVReader(path: "/nonexistent/muster/members.csv")
        } throws: { error in
            (error as? CSVError)?.code == .io && (error as? CSVError)?.line == 0
        }
    }
}
