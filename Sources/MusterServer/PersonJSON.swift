import MusterCore
import MusterRegister

/// A person as the API returns them: every register CSV column by name, plus the lifecycle
/// facts the register derives.
struct PersonJSON: Encodable, Sendable {
    var number: String
    /// Register CSV column name → value as in the CSV (see `docs/register-csv.md`).
    var fields: [String: String]
    var statusSince: String?
    var continuousSince: String?

    init(_ person: PersonDetails) {
        number = person.number
        var fields: [String: String] = [:]
        for field in Field.csvOrder { fields[field.rawValue] = person.record.text(of: field) }
        self.fields = fields
        statusSince = person.membership.statusSince?.description
        continuousSince = person.membership.continuousSince?.description
    }

    /// The same JSON as `JSONEncoder.api` gives, built directly (see ``JSONText``).
    func appendJSON(to out: inout String) {
        out += "{"
        if let continuousSince {
            out += "\"continuousSince\":"
            JSONText.appendQuoted(continuousSince, to: &out)
            out += ","
        }
        out += "\"fields\":"
        JSONText.appendObject(fields.map { ($0.key, $0.value) }, to: &out)
        out += ",\"number\":"
        JSONText.appendQuoted(number, to: &out)
        if let statusSince {
            out += ",\"statusSince\":"
            JSONText.appendQuoted(statusSince, to: &out)
        }
        out += "}"
    }

    var json: String {
        var out = ""
        out.reserveCapacity(1024)
        appendJSON(to: &out)
        return out
    }
}

/// `{"people": [...], "next": "..."}`: a page of people and the cursor for the next one.
struct PeopleJSON: Encodable, Sendable {
    var people: [PersonJSON]
    var next: String?

    /// The same JSON as `JSONEncoder.api` gives, built directly (see ``JSONText``).
    var json: String {
        var out = "{"
        if let next {
            out += "\"next\":"
            JSONText.appendQuoted(next, to: &out)
            out += ","
        }
        out += "\"people\":["
        for (index, person) in people.enumerated() {
            if index > 0 { out += "," }
            person.appendJSON(to: &out)
        }
        out += "]}"
        return out
    }
}

/// `POST /api/v1/people` and `PATCH /api/v1/people/{number}` body: fields by CSV column name.
struct FieldsRequest: Decodable, Sendable {
    var fields: [String: String]

    /// The fields as `Field`s, in CSV order; an unknown column is a 400.
    func changes() throws -> [(Field, String)] {
        var changes: [(Field, String)] = []
        for (name, value) in fields {
            guard let field = Field(rawValue: name) else {
                throw APIError(.badRequest, "unknown_field", "unknown field: use the register CSV column names")
            }
            changes.append((field, value))
        }
        guard !changes.isEmpty else { throw APIError.badRequest("no fields given") }
        return changes.sorted { $0.0.tag < $1.0.tag }
    }
}

/// `POST /api/v1/people/{number}/status` body.
struct StatusRequest: Decodable, Sendable {
    var status: String
    var reason: String?
}
