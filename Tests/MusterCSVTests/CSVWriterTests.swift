import Foundation
import Testing

@testable import MusterCSV

/// Quoting, buffering, file permissions, and write → read round trips.
struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVWriter.encode(["plain", "Zoë", "", "a-b"]) == "plain,Zoë,,a-b")
        #expect(CSVWriter.encode(["a,b"]) == "\"a,b\"")
        #expect(CSVWriter.encode(["say \"hi\""]) == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.encode(["line\nbreak", "cr\rx", "crlf\r\ny"]) == "\"line\nbreak\",\"cr\rx\",\"crlf\r\ny\"")
        #expect(CSVWriter.encode([" lead", "trail ", "\ttab", "in side"]) == "\" lead\",\"trail \",\"\ttab\",in side")
        #expect(CSVWriter.encode(["\""]) == "\"\"\"\"")
    }

    @Test func aLoneEmptyFieldIsQuotedSoItIsNotABlankLine() throws {
        #expect(CSVWriter.encode([""]) == "\"\"")
        #expect(try rows(CSVWriter.encode([""]) + "\n") == [CSVRow(fields: [""], line: 1)])
    }

    static let tricky: [[String]] = [
        ["plain", "with, comma", "with \"quotes\"", "\"", "\"\""],
        ["crlf\r\ninside", "lf\ninside", "cr\rinside", "  leading", "trailing  "],
        ["", "", "", "", ""],
        ["Zoë Núñez", "€", "😀", "O'Brien-Seán", "日本語"],
        [""],
        ["last"],
    ]

    @Test func writeThenReadIsIdentity() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("tricky.csv")
        let writer = try CSVWriter(path: path)
        for row in Self.tricky { try writer.write(row) }
        try writer.close()
        #expect(try rows(path: path, chunkSize: 3).map(\.fields) == Self.tricky)
        #expect(try rows(path: path, chunkSize: 1 << 20).map(\.fields) == Self.tricky)
    }

    @Test func writesMoreThanTheBuffer() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("big.csv")
        let writer = try CSVWriter(path: path)
        let written = (0..<20_000).map { ["\($0)", "note \($0), with \"quotes\"\nand a line"] }
        for row in written { try writer.write(row) }
        try writer.close()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > 64 * 1024)
        #expect(try rows(path: path, chunkSize: 1 << 20).map(\.fields) == written)
    }

    @Test func createsOwnerOnlyFiles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("new.csv")
        let writer = try CSVWriter(path: path)
        try writer.close()
        #expect(try permissions(path) == 0o600)
    }

    @Test func narrowsAndTruncatesAnExistingFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("old.csv", Array("old contents that are longer\n".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let writer = try CSVWriter(path: path)
        try writer.write(["new"])
        try writer.close()
        #expect(try permissions(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func honoursRequestedPermissions() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("shared.csv")
        let writer = try CSVWriter(path: path, permissions: 0o640)
        try writer.close()
        #expect(try permissions(path) & 0o700 == 0o600)
        #expect(try permissions(path) & 0o007 == 0)
    }

    @Test func writingAfterCloseFails() throws {
        let directory = try TemporaryDirectory()
        let writer = try CSVWriter(path: directory.path("closed.csv"))
        try writer.close()
        try writer.close()  // closing twice is harmless
        #expect(throws: CSVError(.io, line: 0, "the writer is closed")) { try writer.write(["x"]) }
    }

    @Test func unwritableLocationIsAnIOError() {
        #expect {
            _ = try CSVWriter(path: "/nonexistent/muster/out.csv")
        } throws: { error in
            (error as? CSVError)?.code == .io
        }
    }

    private func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
