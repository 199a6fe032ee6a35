import Hummingbird
import MusterCore
import MusterRegister

extension API {
    /// One person: read, create, update, change status, erase, history. The gate has decided on
    /// the person's branch before any handler here runs.
    func addPersonRoutes() {
        let state = self.state
        guarded(.getPerson) { request, context, access in
            let number = try context.parameters.require("number")
            switch try await access.register.person(number: number, disclosure: access.disclosure(reason: request.query("reason"))) {
            case .present(let person):
                return API.json(bytes: PersonJSON(person).json)
            case .erased(let number, let at):
                throw APIError(.gone, "erased", "\(number) was erased on \(at): no copy of their data can be read")
            }
        }
        guarded(.createPerson) { request, _, access in
            let changes = try await state.body(FieldsRequest.self, of: request).changes()
            var record = PersonRecord.blank
            for (field, text) in changes { try record.set(field, text: text) }
            try access.require(branch: record.branch)
            let number = try await access.register.add(record)
            return try API.json(["number": number], status: .created)
        }
        guarded(.updatePerson) { request, context, access in
            let number = try context.parameters.require("number")
            let changes = try await state.body(FieldsRequest.self, of: request).changes()
            // Moving someone to another branch needs the permission there too.
            for (field, branch) in changes where field == .branch { try access.require(branch: branch) }
            let changed = try await access.register.update(number: number, changes: changes)
            return try API.json(["changed": changed.map(\.rawValue)])
        }
        guarded(.changeStatus) { request, context, access in
            let number = try context.parameters.require("number")
            let body = try await state.body(StatusRequest.self, of: request)
            guard let status = Status(rawValue: body.status) else {
                throw APIError(.badRequest, "invalid_value", "unknown status: use one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await access.register.changeStatus(number: number, to: status, reason: body.reason)
            return try API.json(["number": number, "status": status.rawValue])
        }
        guarded(.erasePerson) { request, context, access in
            let number = try context.parameters.require("number")
            let reason = try API.requiredReason(request, what: "an erasure")
            try await access.register.erase(number: number, reason: reason)
            return Response(status: .noContent)
        }
        guarded(.personHistory) { request, context, access in
            let number = try context.parameters.require("number")
            let items = try await access.register.history(number: number, disclosure: access.disclosure(reason: request.query("reason")))
            return try API.json(["entries": items.map(HistoryJSON.init)])
        }
    }

    /// The `reason` query parameter, required (400 `reason_required` without it).
    static func requiredReason(_ request: Request, what: String) throws -> String {
        guard let reason = request.query("reason"), !reason.allSatisfy(\.isWhitespace) else {
            throw APIError(.badRequest, "reason_required", "\(what) needs ?reason= saying why (recorded in clear on the ledger: no personal data)")
        }
        return String(reason.prefix(500))
    }
}

/// One history item.
struct HistoryJSON: Encodable, Sendable {
    var sequence: UInt64
    var time: String
    var actor: String
    var kind: String
    var summary: String
    var reason: String?

    init(_ item: HistoryItem) {
        sequence = item.sequence
        time = item.time.description
        actor = item.actor
        kind = item.kind.description
        summary = item.summary
        reason = item.reason
    }
}
