import Foundation
import MusterCore
import MusterLedger
import MusterStore
import NIOCore
import PostgresNIO

/// The people table and the key store.
extension PostgresTransaction {
    static let columns = PersonColumns.names.joined(separator: ", ")
    /// ``columns`` with the blind indexes left out (decoded as `.none`).
    static let columnsWithoutIndexes = PersonColumns.withoutIndexes(null: "NULL::bytea").joined(separator: ", ")

    func person(number: String) throws -> PersonRow? {
        try run(PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM people WHERE number = $1", binds: bindings(number))).first
            .map(decodePerson)
    }

    func person(id: SubjectID) throws -> PersonRow? {
        try run(PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM people WHERE id = $1", binds: bindings(id.bytes))).first
            .map(decodePerson)
    }

    func people(index kind: BlindIndexKind, digest: [UInt8]) throws -> [PersonRow] {
        try run(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.columns) FROM people WHERE \(PersonColumns.index(kind)) = $1 ORDER BY number",
                binds: bindings(digest))
        ).map(decodePerson)
    }

    func numbers(index kind: BlindIndexKind, digest: [UInt8]) throws -> [String] {
        try run(
            PostgresQuery(
                unsafeSQL: "SELECT number FROM people WHERE \(PersonColumns.index(kind)) = $1 ORDER BY number",
                binds: bindings(digest))
        ).map { try $0.decode(String.self) }
    }

    func forEachPerson(_ filter: PersonFilter, _ body: (PersonRow) throws -> Void) throws {
        let (whereClause, values, limit) = filter.sqlConditions { "$\($0)" }
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        let sql = "SELECT \(Self.columns) FROM people\(whereClause) ORDER BY number\(limit)"
        try forEachRow(PostgresQuery(unsafeSQL: sql, binds: binds)) { try body(try decodePerson($0)) }
    }

    func insert(_ row: PersonRow) throws {
        try write({ writes in writes.people.add { Self.append(row, to: &$0) } }, else: PostgresQuery(unsafeSQL: Self.insertSQL, binds: bindings(row)))
    }

    /// Made once: an import inserts hundreds of thousands of people.
    private static let insertSQL = PendingInserts.insertOne(into: "people", columns: PersonColumns.names)

    /// Many people at once: one query for the lot.
    func people(numbers: [String]) throws -> [String: PersonRow] {
        guard !numbers.isEmpty else { return [:] }
        var binds = PostgresBindings()
        binds.append(numbers)
        var found: [String: PersonRow] = [:]
        for row in try run(PostgresQuery(unsafeSQL: Self.peopleByNumbersSQL, binds: binds)) {
            let person = try decodePerson(row)
            found[person.number] = person
        }
        return found
    }

    /// The batched lookups of a bulk import (`$1` an array of numbers, or of digests).
    static let peopleByNumbersSQL = "SELECT \(columns) FROM people WHERE number = ANY($1)"
    static func numbersByIndexSQL(_ kind: BlindIndexKind) -> String {
        let column = PersonColumns.index(kind)
        return "SELECT \(column), number FROM people WHERE \(column) = ANY($1) ORDER BY number"
    }

    /// Many blind-index digests at once: one query for the lot.
    func numbers(index kind: BlindIndexKind, digests: [[UInt8]]) throws -> [[UInt8]: [String]] {
        guard !digests.isEmpty else { return [:] }
        var binds = PostgresBindings()
        binds.append(Set(digests).map { ByteBuffer(bytes: $0) })
        var found: [[UInt8]: [String]] = [:]
        for row in try run(PostgresQuery(unsafeSQL: Self.numbersByIndexSQL(kind), binds: binds)) {
            let (digest, number) = try row.decode((Data, String).self)
            found[[UInt8](digest), default: []].append(number)
        }
        return found
    }

    func update(_ row: PersonRow) throws {
        let assignments = PersonColumns.names.enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        let result = try run(PostgresQuery(unsafeSQL: "UPDATE people SET \(assignments) WHERE number = $2", binds: bindings(row)))
        guard result.metadata.rows == 1 else { throw StoreError(.conflict, "no person with that number to update") }
    }

    func counts() throws -> RegisterCounts {
        var counts = RegisterCounts()
        for row in try run("SELECT category, status, count(*) FROM people WHERE erased_at IS NULL GROUP BY category, status") {
            let (category, status, count) = try row.decode((String, String, Int64).self)
            guard let category = Category(rawValue: category), let status = Status(rawValue: status) else {
                throw StoreError(.corrupt, "unknown category or status in the people table")
            }
            counts.byCategoryAndStatus[.init(category, status)] = Int(count)
        }
        for row in try run("SELECT region, count(*) FROM people WHERE erased_at IS NULL GROUP BY region") {
            let (region, count) = try row.decode((String, Int64).self)
            counts.byRegion[region] = Int(count)
        }
        counts.erased = Int(try run("SELECT count(*) FROM people WHERE erased_at IS NOT NULL").first?.decode(Int64.self) ?? 0)
        return counts
    }

    func personCount() throws -> Int {
        Int(try run("SELECT count(*) FROM people").first?.decode(Int64.self) ?? 0)
    }

    func deleteProjection() throws {
        try execute("DELETE FROM people")
    }

    func allocateMembershipNumber() throws -> String {
        var next = Int(try metadata("next_membership_number") ?? "") ?? 1_000_000
        while try person(number: "M\(next)") != nil { next += 1 }
        try setMetadata("next_membership_number", String(next + 1))
        return "M\(next)"
    }

    // MARK: Key store

    func wrappedKey(for id: SubjectID) throws -> [UInt8]? {
        try run("SELECT wrapped FROM data_keys WHERE id = \(Data(id.bytes))").first.map { [UInt8](try $0.decode(Data.self)) }
    }

    func putWrappedKey(_ wrapped: [UInt8], for id: SubjectID) throws {
        try write({ $0.add(wrapped: wrapped, for: id) }, else: "INSERT INTO data_keys (id, wrapped) VALUES (\(Data(id.bytes)), \(Data(wrapped)))")
    }

    func deleteWrappedKey(for id: SubjectID) throws {
        try run("DELETE FROM data_keys WHERE id = \(Data(id.bytes))")
    }

    func forEachPersonByID(in range: SubjectRange, _ body: (PersonRow) throws -> Void) throws {
        let (condition, binds) = Self.condition("id", range)
        let sql = "SELECT \(Self.columnsWithoutIndexes) FROM people WHERE true\(condition) ORDER BY id"
        try forEachRow(PostgresQuery(unsafeSQL: sql, binds: binds)) { try body(try decodePerson($0)) }
    }

    /// By ranges of id: PostgreSQL has no stable storage order to split by, and its id index
    /// reads in order anyway.
    func forEachPersonAsStored(part: Int, of parts: Int, _ body: (any StoredPerson) throws -> Void) throws {
        let ranges = SubjectRange.partition(into: parts)
        guard ranges.indices.contains(part) else { return }
        try forEachPersonByID(in: ranges[part]) { try body($0) }
    }

    func forEachWrappedKey(in range: SubjectRange, _ body: (SubjectID, [UInt8]) throws -> Void) throws {
        let (condition, binds) = Self.condition("id", range)
        let sql = "SELECT id, wrapped FROM data_keys WHERE true\(condition) ORDER BY id"
        try forEachRow(PostgresQuery(unsafeSQL: sql, binds: binds)) { row in
            let (id, wrapped) = try row.decode((Data, Data).self)
            guard let subject = SubjectID(bytes: id) else { throw StoreError(.corrupt, "the key store holds a malformed id") }
            try body(subject, [UInt8](wrapped))
        }
    }

    func wrappedKeyCount() throws -> Int {
        Int(try run("SELECT count(*) FROM data_keys").first?.decode(Int64.self) ?? 0)
    }

    // MARK: Mapping

    private func bindings(_ value: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }

    private func bindings(_ value: [UInt8]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(ByteBuffer(bytes: value))
        return binds
    }

    private func bindings(_ row: PersonRow) -> PostgresBindings {
        var binds = PostgresBindings()
        Self.append(row, to: &binds)
        return binds
    }

    /// ``PersonColumns/names``, each with the type of its values.
    static let personColumns: [(name: String, type: PostgresDataType)] = {
        let types: [PostgresDataType] = [
            .bytea, .text, .text, .text, .int4, .int4, .int4, .text, .text, .text, .text, .int8, .text, .text, .bool, .bool, .bool,
            .bool, .int8, .int8, .bytea, .bytea, .bytea, .bytea, .int8, .int8,
        ]
        precondition(types.count == PersonColumns.names.count, "a type for each people column")
        return Array(zip(PersonColumns.names, types))
    }()

    /// Appends `row`'s values in ``PersonColumns/names`` order.
    private static func append(_ row: PersonRow, to values: inout some RowValues) {
        let r = row.record
        values.add(ByteBuffer(bytes: row.id.bytes))
        values.add(row.number)
        values.add(r.category.rawValue)
        values.add(r.status.rawValue)
        values.add(row.membership.statusSince.map { Int32($0.daysSinceEpoch) })
        values.add(row.membership.continuousSince.map { Int32($0.daysSinceEpoch) })
        values.add(r.joinDate.map { Int32($0.daysSinceEpoch) })
        values.add(r.region)
        values.add(r.constituency)
        values.add(r.branch)
        values.add(r.unionName)
        values.add(Int64(r.dues.amountPence))
        values.add(r.dues.frequency.rawValue)
        values.add(r.dues.method?.rawValue)
        values.add(r.consents.email)
        values.add(r.consents.phone)
        values.add(r.consents.post)
        values.add(r.consents.sms)
        values.add(r.consents.updatedAt?.secondsSinceEpoch)
        values.add(r.updatedAt?.secondsSinceEpoch)
        values.add(row.sealedIdentity.map { ByteBuffer(bytes: $0) })
        values.add(row.indexes.email.map { ByteBuffer(bytes: $0) })
        values.add(row.indexes.phone.map { ByteBuffer(bytes: $0) })
        values.add(row.indexes.postcodeAndLastName.map { ByteBuffer(bytes: $0) })
        values.add(row.erasedAt?.secondsSinceEpoch)
        values.add(Int64(row.version))
    }

    private func decodePerson(_ row: PostgresRow) throws -> PersonRow {
        let c = row.makeRandomAccess()
        func day(_ i: Int) throws -> Day? { try c[i].decode(Int32?.self).map { Day(daysSinceEpoch: Int($0)) } }
        func stamp(_ i: Int) throws -> Timestamp? { try c[i].decode(Int64?.self).map(Timestamp.init(secondsSinceEpoch:)) }
        func bytes(_ i: Int) throws -> [UInt8]? { try c[i].decode(Data?.self).map { [UInt8]($0) } }
        guard let id = SubjectID(bytes: try c[0].decode(Data.self)),
            let category = Category(rawValue: try c[2].decode(String.self)),
            let status = Status(rawValue: try c[3].decode(String.self)),
            let frequency = DuesFrequency(rawValue: try c[12].decode(String.self))
        else { throw StoreError(.corrupt, "a row of the people table does not decode") }
        let number = try c[1].decode(String.self)
        let record = PersonRecord(
            membershipNumber: number, category: category, status: status, identity: Identity(), joinDate: try day(6),
            region: try c[7].decode(String.self), constituency: try c[8].decode(String.self), branch: try c[9].decode(String.self),
            unionName: try c[10].decode(String.self),
            dues: Dues(
                amountPence: Int(try c[11].decode(Int64.self)), frequency: frequency,
                method: try c[13].decode(String?.self).flatMap(PaymentMethod.init(rawValue:))),
            consents: Consents(
                email: try c[14].decode(Bool.self), phone: try c[15].decode(Bool.self), post: try c[16].decode(Bool.self),
                sms: try c[17].decode(Bool.self), updatedAt: try stamp(18)),
            updatedAt: try stamp(19))
        return PersonRow(
            id: id, number: number, record: record,
            membership: Membership(statusSince: try day(4), continuousSince: try day(5)), sealedIdentity: try bytes(20),
            indexes: BlindIndexes(email: try bytes(21), phone: try bytes(22), postcodeAndLastName: try bytes(23)),
            erasedAt: try stamp(24), version: UInt64(try c[25].decode(Int64.self)))
    }
}
