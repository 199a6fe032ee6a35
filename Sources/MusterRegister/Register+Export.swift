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
        let plan = try await planExport(filter: filter, disclosure: disclosure)
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
                    guard let fields = try plan.fields(of: row, cipher: cipher, tx: tx, counting: &report) else { return }
                    try writer.write(fields)
                    if report.people % 2000 == 0 { progress?(ExportProgress(people: report.people, total: plan.people)) }
                }
                try writer.close()
                progress?(ExportProgress(people: report.people, total: plan.people))
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

/// An export whose disclosures are recorded, ready to be streamed a page at a time.
public struct ExportPlan: Sendable {
    let filter: PersonFilter
    let recorded: Set<SubjectID>
    /// How many people were recorded as disclosed (the most the export will hold).
    public var people: Int { recorded.count }

    /// The register CSV fields of `row` if it belongs in the export, counted in `report`: an
    /// erased person is counted as skipped, someone not recorded as disclosed is left out.
    func fields(of row: PersonRow, cipher: PersonCipher, tx: any StoreReading, counting report: inout ExportReport) throws -> [String]? {
        guard row.erasedAt == nil else {
            report.erasedSkipped += 1
            return nil
        }
        guard recorded.contains(row.id) else { return nil }
        report.people += 1
        return RegisterCSV.fields(of: try Register.details(row, cipher: cipher, tx: tx).record)
    }
}

extension Register {
    /// Records the disclosure of everyone `filter` selects, for ``exportPages(_:pageSize:page:)``.
    public func planExport(filter: PersonFilter = .everyone, disclosure: Disclosure) async throws -> ExportPlan {
        let subjects = try await store.read { tx in
            var ids: [SubjectID] = []
            try tx.forEachPerson(filter) { row in if row.erasedAt == nil { ids.append(row.id) } }
            return ids
        }
        try await recordDisclosure(disclosure, of: subjects, summary: true)
        return ExportPlan(filter: filter, recorded: Set(subjects))
    }

    /// Streams a planned export as register CSV, `pageSize` people at a time: each page is read
    /// and decrypted in its own short read transaction and handed to `page` as CSV bytes, so a
    /// slow reader holds no transaction open and nothing is staged on disk. People added after
    /// the plan are left out (they were not recorded); people erased since are skipped.
    public func exportPages(
        _ plan: ExportPlan, pageSize: Int = 1000, page: (_ csv: [UInt8]) async throws -> Void
    ) async throws -> ExportReport {
        let cipher = try cipher()
        let started = Date()
        var report = ExportReport()
        var header: [UInt8] = []
        CSVWriter.append(RegisterCSV.headerRow, to: &header)
        try await page(header)
        var filter = plan.filter
        filter.limit = max(1, pageSize)
        while true {
            let pageFilter = filter
            let (bytes, last, seen, counted) = try await store.read { tx in
                var bytes: [UInt8] = []
                var last: String?
                var seen = 0
                var counted = ExportReport()
                try tx.forEachPerson(pageFilter) { row in
                    seen += 1
                    last = row.number
                    if let fields = try plan.fields(of: row, cipher: cipher, tx: tx, counting: &counted) { CSVWriter.append(fields, to: &bytes) }
                }
                return (bytes, last, seen, counted)
            }
            report.people += counted.people
            report.erasedSkipped += counted.erasedSkipped
            if !bytes.isEmpty { try await page(bytes) }
            guard let last, seen == filter.limit else { break }
            filter.afterNumber = last
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
