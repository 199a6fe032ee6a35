import Foundation
import MusterCSV
public import MusterCore
public import MusterCrypto
import MusterLedger
import MusterStore

extension Register {
    /// Imports a register CSV in one transaction. All-or-nothing unless `options.rejectFile` is
    /// set: then valid rows are imported and the rejected ones written there with reasons.
    /// Throws ``ImportFailed`` (having changed nothing) when the file has problems.
    public func importCSV(path: String, options: ImportOptions = ImportOptions()) async throws -> ImportReport {
        let fingerprint: (hex: String, bytes: Int)
        do {
            fingerprint = try FileDigest.sha256(path: path)
        } catch {
            throw RegisterError(.notFound, "cannot read \(path)")
        }
        let input = CSVImport.Input(name: path, sha256: fingerprint.hex, bytes: fingerprint.bytes) {
            do throws(CSVError) {
                return try CSVReader(path: path)
            } catch {
                throw RegisterError(.notFound, "cannot read \(path): \(error.message)")
            }
        }
        return try await importCSV(input, options: options)
    }

    /// Imports a register CSV held in a finished ``SealedSpool`` (an upload), exactly as
    /// ``importCSV(path:options:)`` imports a file; `name` stands for the file in problems.
    public func importCSV(spool: SealedSpool, name: String, options: ImportOptions = ImportOptions()) async throws -> ImportReport {
        guard let sha256 = spool.sha256 else { throw RegisterError(.invalid, "the upload is not complete") }
        let input = CSVImport.Input(name: name, sha256: sha256, bytes: spool.byteCount) {
            CSVReader(source: SpoolSource(try spool.reader(), size: spool.byteCount))
        }
        return try await importCSV(input, options: options)
    }

    private func importCSV(_ input: CSVImport.Input, options: ImportOptions) async throws -> ImportReport {
        let cipher = try cipher()
        if let rejectFile = options.rejectFile {
            // Rejected rows hold personal data in clear: never inside the data directory.
            try DirectoryLayout.checkOutside(rejectFile, of: configuration.dataDirectory, what: "the reject file")
        }
        let started = Date()
        let writerContext = (actor: configuration.actor, time: configuration.clock())
        do {
            var report = try await ledger.transact { tx in
                // About 300 bytes a row in typical register files.
                try tx.beginBulkWrites(expectedRows: input.bytes / 300)
                let writer = PersonWriter(tx: tx, cipher: cipher, actor: writerContext.actor, time: writerContext.time)
                var importer = BulkImporter(writer: writer, stopWritingOnProblem: options.rejectFile == nil)
                try CSVImport(input: input, options: options).run(into: &importer, cipher: cipher)
                if options.rejectFile == nil && importer.problemCount > 0 {
                    throw ImportFailed(problems: importer.report.problems, total: importer.problemCount)
                }
                try tx.endBulkWrites()
                _ = try tx.append(importer.summary(source: "csv", sha256: input.sha256, bytes: input.bytes))
                return importer.report
            }
            report.bytes = input.bytes
            report.seconds = Date().timeIntervalSince(started)
            return report
        } catch {
            if let rejectFile = options.rejectFile { try? FileManager.default.removeItem(atPath: rejectFile) }
            throw error
        }
    }

    /// Adds `count` records, the i-th made by `record(i)` (for example a synthetic demo register),
    /// through the same path as an import.
    public func importRecords(
        count: Int, source: String, record: @escaping @Sendable (Int) -> PersonRecord
    ) async throws -> ImportReport {
        let cipher = try cipher()
        let started = Date()
        let writerContext = (actor: configuration.actor, time: configuration.clock())
        var report = try await ledger.transact { tx in
            try tx.beginBulkWrites(expectedRows: count)
            let writer = PersonWriter(tx: tx, cipher: cipher, actor: writerContext.actor, time: writerContext.time)
            var importer = BulkImporter(writer: writer, stopWritingOnProblem: true)
            for start in stride(from: 0, to: count, by: RowProducer.batchSize) {
                let batch = (start..<min(start + RowProducer.batchSize, count)).map { index in
                    let record = record(index)
                    return (record: record, sealed: cipher.sealNew(record.identity))
                }
                try importer.prepare(batch)
                for (offset, row) in batch.enumerated() {
                    try importer.ingest(row.record, sealed: row.sealed, file: source, line: start + offset + 1)
                    if importer.problemCount > 0 {
                        throw ImportFailed(problems: importer.report.problems, total: importer.problemCount)
                    }
                }
            }
            try tx.endBulkWrites()
            _ = try tx.append(importer.summary(source: source, sha256: nil, bytes: 0))
            return importer.report
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// Reads one CSV file into a ``BulkImporter``, writing rejected rows when asked.
struct CSVImport {
    /// What is imported: its name in problems, its fingerprint, and how to open a reader on it.
    struct Input: Sendable {
        var name: String
        var sha256: String
        var bytes: Int
        var open: @Sendable () throws -> CSVReader
    }

    let input: Input
    let options: ImportOptions
    private var path: String { input.name }

    init(input: Input, options: ImportOptions) {
        self.input = input
        self.options = options
    }

    /// The column a reject file adds; ignored when such a file is imported again after fixing.
    static let rejectReasonColumn = "reject_reason"

    func run(into importer: inout BulkImporter, cipher: PersonCipher) throws {
        var lastBytes: (Int, Int?) = (0, nil)
        var reader = try input.open()
        guard let headerRow = try next(&reader) else {
            throw ImportFailed(problems: [ImportProblem(file: path, line: 1, message: "the file is empty")], total: 1)
        }
        let reasonIndex = headerRow.fields.firstIndex { Text.tidy($0).lowercased() == Self.rejectReasonColumn }
        let header: RegisterHeader
        do {
            header = try RegisterHeader(Self.dropping(reasonIndex, from: headerRow), file: path)
        } catch {
            throw ImportFailed(problems: error.problems, total: error.problems.count)
        }
        var rejects = try options.rejectFile.map { file in
            let writer = try CSVWriter(path: file)
            try writer.write([Self.rejectReasonColumn] + Self.dropping(reasonIndex, from: headerRow).fields)
            return writer
        }
        defer { try? rejects?.close() }
        let producer = RowProducer(reader: reader, header: header, dropColumn: reasonIndex, path: path, cipher: cipher)
        producer.start()
        defer { producer.stop() }
        var rowsSinceProgress = 0
        while let batch = producer.queue.take() {
            try importer.prepare(batch.rows.compactMap {
                if case .valid(_, let record, let sealed) = $0 { (record, sealed) } else { nil }
            })
            for prepared in batch.rows {
                let problems: [ImportProblem]
                switch prepared {
                case .valid(let row, let record, let sealed):
                    problems = try importer.ingest(record, sealed: sealed, file: path, line: row.line)
                case .rejected(_, let rowProblems):
                    problems = rowProblems
                    importer.reject(problems)
                }
                if !problems.isEmpty, let writer = rejects {
                    try writer.write([problems.map(\.message).joined(separator: "; ")] + prepared.row.fields)
                }
            }
            if let failure = batch.failure { throw failure }
            rowsSinceProgress += batch.rows.count
            if rowsSinceProgress >= 2000, let progress = options.progress {
                rowsSinceProgress = 0
                progress(ImportProgress(rows: importer.report.rows, bytesRead: batch.bytesRead, totalBytes: batch.totalBytes))
            }
            lastBytes = (batch.bytesRead, batch.totalBytes)
        }
        try rejects?.flush()
        rejects = nil
        options.progress?(ImportProgress(rows: importer.report.rows, bytesRead: lastBytes.0, totalBytes: lastBytes.1))
    }

    /// The next row, or a failed import when the file cannot be parsed past this point.
    private func next(_ reader: inout CSVReader) throws -> CSVRow? {
        do {
            return try reader.next()
        } catch {
            throw ImportFailed(problems: [ImportProblem(file: path, error: error)], total: 1)
        }
    }

    static func dropping(_ index: Int?, from row: CSVRow) -> CSVRow {
        guard let index, index < row.fields.count else { return row }
        var row = row
        row.fields.remove(at: index)
        return row
    }
}

/// A spool's chunks as a CSV byte source.
final class SpoolSource: CSVByteSource {
    private let reader: SealedSpool.Reader
    let size: Int?

    init(_ reader: SealedSpool.Reader, size: Int) {
        self.reader = reader
        self.size = size
    }

    func append(to buffer: inout [UInt8], line: Int) throws(CSVError) -> Int {
        do {
            // The last chunk may be empty; keep asking until there are bytes or the end.
            while let chunk = try reader.next() {
                if chunk.isEmpty { continue }
                buffer += chunk
                return chunk.count
            }
            return 0
        } catch {
            throw CSVError(.io, line: line, "cannot read the upload back: \(error)")
        }
    }
}
