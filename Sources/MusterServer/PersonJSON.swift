import MusterCore
import MusterRegister

/// A person as the API returns them: every register CSV column by name, plus the lifecycle
/// facts the register derives.
struct PersonJSON: Encodable, Sendable {
    var number: String
    /// The register CSV columns' values, in ``fieldNames`` order (`nil` leaves one out): held
    /// in the order the JSON writes them, not in a dictionary, because hashing 31 names per
    /// person was a few percent of a person GET.
    var values: [String?]
    var statusSince: String?
    var continuousSince: String?

    /// The register CSV columns, sorted by name: the order of `fields` in the JSON.
    private static let sortedFields = Field.csvOrder.sorted { $0.rawValue < $1.rawValue }
    static let fieldNames = sortedFields.map(\.rawValue)

    init(_ person: PersonDetails) {
        number = person.number
        values = Self.sortedFields.map { person.record.text(of: $0) }
        statusSince = person.membership.statusSince?.description
        continuousSince = person.membership.continuousSince?.description
    }

    /// Register CSV column name → value as in the CSV (see `docs/register-csv.md`).
    var fields: [String: String] {
        get {
            var fields: [String: String] = [:]
            for (name, value) in zip(Self.fieldNames, values) { fields[name] = value }
            return fields
        }
        set { values = Self.fieldNames.map { newValue[$0] } }
    }

    private enum CodingKeys: String, CodingKey {
        case number, fields, statusSince, continuousSince
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(fields, forKey: .fields)
        try container.encodeIfPresent(statusSince, forKey: .statusSince)
        try container.encodeIfPresent(continuousSince, forKey: .continuousSince)
    }

    /// The same JSON as `JSONEncoder.api` gives, built directly (see ``JSONText``).
    func appendJSON(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let continuousSince {
            JSONText.append("\"continuousSince\":", to: &out)
            JSONText.appendQuoted(continuousSince, to: &out)
            out.append(UInt8(ascii: ","))
        }
        JSONText.append("\"fields\":{", to: &out)
        var first = true
        for (name, value) in zip(Self.fieldNames, values) {
            guard let value else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONText.appendQuoted(name, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(value, to: &out)
        }
        JSONText.append("},\"number\":", to: &out)
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
