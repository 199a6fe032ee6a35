import Foundation
import Testing

@testable import MusterCSV

/// Every row of in-memory CSV.
func rows(_ text: String) throws -> [CSVRow] {
    try rows(bytes: Array(text.utf8))
}

/// Every row of in-memory CSV given as bytes (for invalid UTF-8 and byte order marks).
func rows(bytes: [UInt8], maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws -> [CSVRow] {
    var reader = CSVReader(bytes: bytes, maxRecordBytes: maxRecordBytes)
    var all: [CSVRow] = []
    while let row = try reader.next() { all.append(row) }
    return all
}

/// Every row of a file, read `chunkSize` bytes at a time.
func rows(path: String, chunkSize: Int, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws -> [CSVRow] {
    var reader = try CSVReader(path: path, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    var all: [CSVRow] = []
    while let row = try reader.next() { all.append(row) }
    return all
}

/// The error reading `bytes` throws, or `nil` when it reads cleanly.
func csvError(bytes: [UInt8], maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) -> CSVError? {
    do {
        _ = try rows(bytes: bytes, maxRecordBytes: maxRecordBytes)
        return nil
    } catch {
        return error as? CSVError
    }
}

func csvError(_ text: String) -> CSVError? { csvError(bytes: Array(text.utf8)) }

/// A fresh path in a private temporary directory; the directory is removed by `cleanUp`.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("muster-csv-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to a new file and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The shared 12-row synthetic register, found relative to this source file:
/// /work/main/Tests/MusterCSVTests/ → /work/shared/samples/.
enum Sample {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/samples/members-sample.csv").standardizedFileURL.path

    static var exists: Bool { FileManager.default.fileExists(atPath: path) }
}
