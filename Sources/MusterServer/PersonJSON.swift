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

    /// The register CSV column names in sorted order: the order of `fields` in the JSON.
    private static let sortedFieldNames = Field.csvOrder.map(\.rawValue).sorted()

    /// The same JSON as `JSONEncoder.api` gives, built directly (see ``JSONText``).
    func appendJSON(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let continuousSince {
            JSONText.append("\"continuousSince\":", to: &out)
            JSONText.appendQuoted(continuousSince, to: &out)
            out.append(UInt8(ascii: ","))
        }
        JSONText.append("\"fields\":", to: &out)
        if fields.count == Self.sortedFieldNames.count {
            out.append(UInt8(ascii: "{"))
            for (index, name) in Self.sortedFieldNames.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(name, to: &out)
                out.append(UInt8(ascii: ":"))
                JSONText.appendQuoted(fields[name] ?? "", to: &out)
            }
            out.append(UInt8(ascii: "}"))
        } else {
            JSONText.appendObject(fields.map { ($0.key, $0.value) }, to: &out)
        }
        JSONText.append(",\"number\":", to: &out)
        JSONText.appendQuoted(number, to: &out)
        if let statusSince {
            JSONText.append(",\"statusSince\":", to: &out)
            JSONText.appendQuoted(statusSince, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    var json: [UInt8] {
        var out: [UInt8] = []
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
    var json: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(1024 * (people.count + 1))
        if let next {
            JSONText.append("\"next\":", to: &out)
            JSONText.appendQuoted(next, to: &out)
            out.append(UInt8(ascii: ","))
        }
        JSONText.append("\"people\":[", to: &out)
        for (index, person) in people.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            person.appendJSON(to: &out)
        }
        JSONText.append("]}", to: &out)
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
