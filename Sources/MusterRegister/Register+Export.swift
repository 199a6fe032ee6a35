import Foundation
import MusterCSV
import MusterCore
public import MusterStore
import MusterLedger

/// Where an export goes.
public enum ExportDestination: Sendable {
    /// A new file, readable by its owner only.
    case file(String)
    case standardOutput
}

/// What an export wrote.
public struct ExportReport: Sendable, Equatable {
    public var people = 0
    /// Erased people matched by the filter: they have no data left to export.
    public var erasedSkipped = 0
    public var seconds = 0.0
}

/// How far a long export has got.
public struct ExportProgress: Sendable {
    public var people: Int
    public var total: Int
}

extension Register {
    /// Decrypts the selected people into the register CSV (the import format, so an export
    /// re-imports), in membership-number order.
    ///
    /// Every exported person gets a disclosure entry (plus one summary entry with the count),
    /// committed before the export is reported done; if that fails, the file is removed.
    public func export(
        to destination: ExportDestination, filter: PersonFilter = .everyone, disclosure: Disclosure,
        progress: (@Sendable (ExportProgress) -> Void)? = nil
    ) async throws -> ExportReport {
        let cipher = try cipher()
        if case .file(let path) = destination {
            try DirectoryLayout.checkOutside(path, of: configuration.dataDirectory, what: "an export")
        }
        let started = Date()
        do {
            let (written, subjects) = try await store.read { tx in
                let total = progress == nil ? 0 : try tx.counts().total
                let writer: CSVWriter
                switch destination {
                case .file(let path): writer = try CSVWriter(path: path)
                case .standardOutput: writer = CSVWriter(standardOutput: ())
                }
                var report = ExportReport()
                var subjects: [SubjectID] = []
                try writer.write(RegisterCSV.headerRow)
                try tx.forEachPerson(filter) { row in
                    guard row.erasedAt == nil else {
                        report.erasedSkipped += 1
                        return
                    }
                    try writer.write(RegisterCSV.fields(of: try Register.details(row, cipher: cipher, tx: tx).record))
                    report.people += 1
                    subjects.append(row.id)
                    if report.people % 2000 == 0 { progress?(ExportProgress(people: report.people, total: total)) }
                }
                try writer.close()
                progress?(ExportProgress(people: report.people, total: total))
                return (report, subjects)
            }
            try await recordDisclosure(disclosure, of: subjects, summary: true)
            var report = written
            report.seconds = Date().timeIntervalSince(started)
            return report
        } catch {
            if case .file(let path) = destination { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }
}
