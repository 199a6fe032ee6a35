import Foundation
import MusterCSV
import MusterCore

/// One row of an import file, parsed, checked and (when valid) with its encryption done.
enum PreparedRow: Sendable {
    case valid(CSVRow, PersonRecord, SealedPerson)
    case rejected(CSVRow, [ImportProblem])

    var row: CSVRow {
        switch self {
        case .valid(let row, _, _), .rejected(let row, _): row
        }
    }
}

/// A batch of prepared rows, with how far into the file they reach.
struct PreparedBatch: Sendable {
    var rows: [PreparedRow] = []
    var bytesRead = 0
    var totalBytes: Int?
    /// The file could not be parsed past this batch.
    var failure: ImportFailed?
}

/// Reads, parses, validates and encrypts rows on its own thread, ahead of the database writer.
///
/// Everything a new person needs that involves no database (parsing, validation, a fresh key,
/// sealing, wrapping, blind indexes) is about half of an import's work; doing it here lets it run
/// on the second core while the writer thread does the SQL. Rows stay in file order.
final class RowProducer: @unchecked Sendable {
    static let batchSize = 512

    let queue = BoundedQueue<PreparedBatch>(capacity: 8)
    private var reader: CSVReader
    private let header: RegisterHeader
    private let dropColumn: Int?
    private let path: String
    private let cipher: PersonCipher
    private let done = DispatchSemaphore(value: 0)

    init(reader: CSVReader, header: RegisterHeader, dropColumn: Int?, path: String, cipher: PersonCipher) {
        self.reader = reader
        self.header = header
        self.dropColumn = dropColumn
        self.path = path
        self.cipher = cipher
    }

    func start() {
        let thread = Thread { [self] in
            produce()
            queue.finish()
            done.signal()
        }
        thread.name = "muster-import-reader"
        thread.start()
    }

    /// Stops the producer (if still running) and waits for its thread to end.
    func stop() {
        queue.cancel()
        done.wait()
    }

    private func produce() {
        var atEnd = false
        while !atEnd && !queue.isCancelled {
            var batch = PreparedBatch()
            batch.rows.reserveCapacity(Self.batchSize)
            while batch.rows.count < Self.batchSize {
                let raw: CSVRow
                do {
                    guard let next = try reader.next() else {
                        atEnd = true
                        break
                    }
                    raw = next
                } catch {
                    batch.failure = ImportFailed(problems: [ImportProblem(file: path, error: error)], total: 1)
                    atEnd = true
                    break
                }
                let row = CSVImport.dropping(dropColumn, from: raw)
                switch header.record(from: row, file: path) {
                case .success(let record): batch.rows.append(.valid(row, record, cipher.sealNew(record.identity)))
                case .failure(let failure): batch.rows.append(.rejected(row, failure.problems))
                }
            }
            batch.bytesRead = reader.bytesRead
            batch.totalBytes = reader.totalBytes
            guard queue.put(batch) else { return }
        }
    }
}
