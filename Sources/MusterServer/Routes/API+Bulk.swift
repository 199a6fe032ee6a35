import Foundation
import Hummingbird
import MusterRegister

/// `POST /api/v1/people/import` answer.
struct ImportJSON: Encodable, Sendable {
    struct Duplicate: Encodable, Sendable {
        var line: Int
        var matches: String
    }
    var rows: Int
    var created: Int
    var updated: Int
    var unchanged: Int
    var sharedEmails: Int
    var likelyDuplicates: [Duplicate]

    init(_ report: ImportReport) {
        rows = report.rows
        created = report.created
        updated = report.updated
        unchanged = report.unchanged
        sharedEmails = report.sharedEmails
        likelyDuplicates = report.likelyDuplicates.map { Duplicate(line: $0.line, matches: $0.matches) }
    }
}

extension API {
    /// Import: the CSV body is streamed to a 0600 file in a private directory outside the data
    /// directory (it is plaintext personal data), imported all-or-nothing as by the CLI, and the
    /// directory is removed whatever happens.
    func addImportRoute() {
        let state = self.state
        guarded(.importPeople) { request, _, access in
            let limit = state.configuration.maxImportBodyBytes
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
                throw APIError(.contentTooLarge, "body_too_large", "the file is larger than \(limit) bytes")
            }
            let staging = try StagingDirectory(under: state.configuration.temporaryDirectory, register: state.register)
            defer { staging.remove() }
            let path = staging.file("import.csv")
            guard try await StagingDirectory.write(request.body, to: path, limit: limit) > 0 else {
                throw APIError.badRequest("send the register CSV as the request body")
            }
            let report = try await access.register.importCSV(path: path)
            return try API.json(ImportJSON(report))
        }
    }

    /// Export: a reason is required; every exported person's disclosure is on the ledger before
    /// a byte is sent. The CSV is staged in a private directory that is removed as soon as the
    /// file is open, then streamed from the open file.
    func addExportRoute() {
        let state = self.state
        guarded(.exportPeople) { request, _, access in
            let reason = try API.requiredReason(request, what: "an export")
            let filter = try API.personFilter(request, within: access.withinBranches)
            let staging = try StagingDirectory(under: state.configuration.temporaryDirectory, register: state.register)
            let handle: FileHandle
            let size: Int
            do {
                defer { staging.remove() }
                let path = staging.file("export.csv")
                _ = try await access.register.export(to: .file(path), filter: filter, disclosure: access.disclosure(reason: reason))
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
                size = Int(try handle.seekToEnd())
                try handle.seek(toOffset: 0)
            }
            let body = ResponseBody(contentLength: size) { writer in
                defer { try? handle.close() }
                while let data = try handle.read(upToCount: 64 * 1024), !data.isEmpty {
                    try await writer.write(ByteBuffer(bytes: data))
                }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"muster-export.csv\""],
                body: body)
        }
    }
}
