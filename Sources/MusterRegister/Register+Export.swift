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
    /// committed *before* anything is decrypted or written: if recording fails, nothing leaves.
    /// People added between the two passes are not exported (they were not recorded).
    public func export(
        to destination: ExportDestination, filter: PersonFilter = .everyone, disclosure: Disclosure,
        progress: (@Sendable (ExportProgress) -> Void)? = nil
    ) async throws -> ExportReport {
        let cipher = try cipher()
        if case .file(let path) = destination {
            try DirectoryLayout.checkOutside(path, of: configuration.dataDirectory, what: "an export")
        }
        let started = Date()
        let subjects = try await store.read { tx in
            var ids: [SubjectID] = []
            try tx.forEachPerson(filter) { row in if row.erasedAt == nil { ids.append(row.id) } }
            return ids
        }
        try await recordDisclosure(disclosure, of: subjects, summary: true)
        let recorded = Set(subjects)
        do {
            var report = try await store.read { tx in
                let writer: CSVWriter
                switch destination {
                case .file(let path): writer = try CSVWriter(path: path)
                case .standardOutput: writer = CSVWriter(standardOutput: ())
                }
                var report = ExportReport()
                try writer.write(RegisterCSV.headerRow)
                try tx.forEachPerson(filter) { row in
                    guard row.erasedAt == nil else {
                        report.erasedSkipped += 1
                        return
                    }
                    guard recorded.contains(row.id) else { return }
                    try writer.write(RegisterCSV.fields(of: try Register.details(row, cipher: cipher, tx: tx).record))
                    report.people += 1
                    if report.people % 2000 == 0 { progress?(ExportProgress(people: report.people, total: recorded.count)) }
                }
                try writer.close()
                progress?(ExportProgress(people: report.people, total: recorded.count))
                return report
            }
            report.seconds = Date().timeIntervalSince(started)
            return report
        } catch {
            if case .file(let path) = destination { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }
}
