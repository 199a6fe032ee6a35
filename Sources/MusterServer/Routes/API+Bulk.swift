import Foundation
import Hummingbird
import MusterCrypto
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
    /// Import: the CSV body is received in full before the import starts (so a slow upload holds
    /// no transaction open), into a ``SealedSpool`` in a private directory outside the data
    /// directory: only ciphertext under a key held in memory touches the disk. Then it is
    /// imported all-or-nothing as by the CLI, and the directory is removed whatever happens.
    func addImportRoute() {
        let state = self.state
        guarded(.importPeople) { request, _, access in
            let limit = state.configuration.maxImportBodyBytes
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
                throw APIError.bodyTooLarge(limit)
            }
            let staging = try StagingDirectory(under: state.configuration.temporaryDirectory, register: state.register)
            defer { staging.remove() }
            let spool = try staging.spool("import")
            guard try await StagingDirectory.receive(request.body, into: spool, limit: limit) > 0 else {
                throw APIError.badRequest("send the register CSV as the request body")
            }
            let report = try await access.register.importCSV(spool: spool, name: "the uploaded file")
            return try API.json(ImportJSON(report))
        }
    }

    /// Export: a reason is required; every exported person's disclosure is on the ledger before
    /// a byte is sent. The CSV is then streamed a page of people at a time, straight from the
    /// register to the response: nothing is staged on disk, and a slow client holds no
    /// transaction open.
    func addExportRoute() {
        guarded(.exportPeople) { request, _, access in
            let reason = try API.requiredReason(request, what: "an export")
            let filter = try API.personFilter(request, within: access.withinBranches)
            let register = access.register
            let plan = try await register.planExport(filter: filter, disclosure: access.disclosure(reason: reason))
            let body = ResponseBody { writer in
                _ = try await register.exportPages(plan) { csv in try await writer.write(ByteBuffer(bytes: csv)) }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"muster-export.csv\""],
                body: body)
        }
    }
}
