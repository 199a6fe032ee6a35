import GRDB
import MusterCore
import MusterLedger
import MusterTesting
import Testing

@testable import MusterStore

/// The comparison in place (``SQLiteStoredPerson``) answers what decoding the row and comparing
/// it (``PersonRow/sameColumns(as:)``) answers, for a row changed behind the store's back in
/// each of its columns, to values that differ and to values that only look different.
@Suite struct SQLiteStoredPersonTests {
    /// Each change: a column and the SQL value it is set to.
    static let changes: [(column: String, value: String)] = [
        ("id", "x'000102030405060708090a0b0c0d0e0f'"), ("id", "x'0102'"), ("number", "'M9'"), ("number", "''"),
        ("category", "'member'"), ("category", "'bogus'"), ("status", "'active'"), ("status", "'bogus'"),
        ("status_since", "NULL"), ("status_since", "1"), ("continuous_since", "NULL"), ("continuous_since", "2"),
        ("join_date", "NULL"), ("join_date", "3"), ("join_date", "'15399'"), ("region", "'South'"), ("region", "123"),
        ("region", "''"), ("constituency", "'Elsewhere'"), ("branch", "'South branch'"), ("union_name", "'GMB'"),
        ("dues_pence", "1"), ("dues_pence", "'abc'"), ("dues_frequency", "'annual'"), ("dues_frequency", "'bogus'"),
        ("payment_method", "NULL"), ("payment_method", "'bogus'"), ("payment_method", "'card'"),
        ("consent_email", "0"), ("consent_email", "2"), ("consent_phone", "1"), ("consent_post", "0"), ("consent_sms", "1"),
        ("consent_updated_at", "NULL"), ("consent_updated_at", "5"), ("updated_at", "NULL"), ("updated_at", "6"),
        ("identity", "NULL"), ("identity", "x'07'"), ("identity", "zeroblob(0)"), ("email_index", "x'09'"),
        ("phone_index", "NULL"), ("postcode_name_index", "x'0a'"), ("erased_at", "7"), ("erased_at", "NULL"),
        ("version", "2"), ("version", "-1"),
    ]

    /// The fixture row, and one whose optional columns are all absent (erased, no method).
    static func rows() -> [PersonRow] {
        var sparse = StoreFixtures.row("M2")
        sparse.record.joinDate = nil
        sparse.record.dues.method = nil
        sparse.record.consents.updatedAt = nil
        sparse.record.updatedAt = nil
        sparse.membership = Membership(statusSince: nil, continuousSince: nil)
        sparse.sealedIdentity = nil
        sparse.erasedAt = Timestamp(secondsSinceEpoch: 7)
        return [StoreFixtures.row("M1"), sparse]
    }

    /// What each way of comparing says of the stored row, against `expected`.
    static func verdicts(_ store: SQLiteStore, expected: PersonRow) async throws -> (inPlace: Bool, decoded: Bool) {
        try await store.read { tx in
            var verdicts: (Bool, Bool)?
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                let inPlace = stored.isSame(as: expected)
                let decoded = (try? stored.decoded()).map { expected.sameColumns(as: $0) } ?? false
                verdicts = (inPlace, decoded)
            }
            return try #require(verdicts)
        }
    }

    @Test(arguments: 0..<2)
    func inPlaceAgreesWithDecodingForAChangeToEachColumn(row index: Int) async throws {
        let directory = TemporaryDirectory("muster-stored-person")
        let store = try SQLiteStore(path: directory.file("register.sqlite"), create: true)
        let expected = Self.rows()[index]
        try await store.write { tx in try tx.insert(expected) }
        #expect(try await Self.verdicts(store, expected: expected) == (true, true))
        var differing = Set<String>()
        for (column, value) in Self.changes {
            try await store.pool.write { db in try db.execute(sql: "UPDATE people SET \(column) = \(value)") }
            let verdicts = try await Self.verdicts(store, expected: expected)
            #expect(verdicts.inPlace == verdicts.decoded, "\(column) = \(value)")
            if !verdicts.decoded { differing.insert(column) }
            try await store.pool.write { db in try db.execute(sql: "DELETE FROM people") }
            try await store.write { tx in try tx.insert(expected) }
        }
        // The changes test something: every compared column has one that makes the rows differ.
        let indexes = Set(BlindIndexKind.allCases.map(PersonColumns.index))
        #expect(differing == Set(PersonColumns.names).subtracting(indexes))
    }
}
