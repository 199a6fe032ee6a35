import Testing

@testable import MusterCSV

/// The RFC 4180 dialect: line ends, quoting, blank lines and line numbers.
struct CSVReaderTests {
    @Test func readsFieldsAndLineNumbers() throws {
        #expect(
            try rows("a,b,c\n1,2,3\n") == [
                CSVRow(fields: ["a", "b", "c"], line: 1), CSVRow(fields: ["1", "2", "3"], line: 2),
            ])
    }

    @Test func stripsByteOrderMarkAtStartOnly() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name,x\n\u{FEFF}y,z\n".utf8)
        // At the start it is an encoding marker; anywhere else it is data and is kept.
        #expect(try rows(bytes: bytes) == [CSVRow(fields: ["name", "x"], line: 1), CSVRow(fields: ["\u{FEFF}y", "z"], line: 2)])
        #expect(try rows(bytes: [0xEF, 0xBB, 0xBF]) == [])
    }

    @Test func readsCRLF() throws {
        #expect(try rows("a,b\r\nc,d\r\n") == [CSVRow(fields: ["a", "b"], line: 1), CSVRow(fields: ["c", "d"], line: 2)])
    }

    @Test func readsMixedLineEnds() throws {
        #expect(
            try rows("a\r\nb\nc\r\nd") == [
                CSVRow(fields: ["a"], line: 1), CSVRow(fields: ["b"], line: 2), CSVRow(fields: ["c"], line: 3),
                CSVRow(fields: ["d"], line: 4),
            ])
    }

    @Test func readsQuotedCommasQuotesAndNewlines() throws {
        let text = "\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\",\"\"\nnext,row\n"
        #expect(
            try rows(text) == [
                CSVRow(fields: ["x, y", "say \"hi\"", "line1\nline2", ""], line: 1),
                // The quoted newline moved the next record to line 3.
                CSVRow(fields: ["next", "row"], line: 3),
            ])
    }

    @Test func keepsCRLFInsideQuotes() throws {
        #expect(
            try rows("\"a\r\nb\r\nc\",d\r\ne,f\r\n") == [
                CSVRow(fields: ["a\r\nb\r\nc", "d"], line: 1), CSVRow(fields: ["e", "f"], line: 4),
            ])
    }

    @Test func skipsBlankLinesButNotEmptyFields() throws {
        let text = "a\n\n   \n\t \nb\n\r\n \r\n,\n\"\"\nc"
        #expect(
            try rows(text) == [
                CSVRow(fields: ["a"], line: 1), CSVRow(fields: ["b"], line: 5),
                // A comma is two empty fields and a quoted empty string is one: neither is blank.
                CSVRow(fields: ["", ""], line: 8), CSVRow(fields: [""], line: 9), CSVRow(fields: ["c"], line: 10),
            ])
    }

    @Test func readsLastLineWithoutLineEnd() throws {
        #expect(try rows("a,b\nc,d") == [CSVRow(fields: ["a", "b"], line: 1), CSVRow(fields: ["c", "d"], line: 2)])
        #expect(try rows("a,") == [CSVRow(fields: ["a", ""], line: 1)])
        #expect(try rows("\"q\"") == [CSVRow(fields: ["q"], line: 1)])
        #expect(try rows("a\r") == [CSVRow(fields: ["a"], line: 1)])
        #expect(try rows("a\n   ") == [CSVRow(fields: ["a"], line: 1)])
    }

    @Test func readsNothingFromEmptyInput() throws {
        #expect(try rows("") == [])
        #expect(try rows("\n\r\n  \n") == [])
    }

    @Test func keepsSpacesAndUnicodeVerbatim() throws {
        // Trimming is the record mapping's business, not the reader's.
        #expect(try rows(" a , Zoë Núñez ,€,😀\n") == [CSVRow(fields: [" a ", " Zoë Núñez ", "€", "😀"], line: 1)])
    }

    @Test func reportsProgressForInMemoryInput() throws {
        var reader = CSVReader(bytes: Array("ab,c\nd\n".utf8))
        #expect(reader.totalBytes == 7)
        #expect(reader.bytesRead == 0)
        _ = try reader.next()
        #expect(reader.bytesRead == 5)
        _ = try reader.next()
        #expect(try reader.next() == nil)
        #expect(reader.bytesRead == 7)
    }
}
