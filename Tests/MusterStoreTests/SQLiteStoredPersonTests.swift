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

    /// What each way of comparing says of the stored row, against `expected`: in place, and
    /// decoded, both by ``PersonRow/sameColumns(as:)`` and column by column as a decoded row
    /// holds them (what PostgreSQL's rows answer, which are decoded as they are read).
    static func verdicts(_ store: SQLiteStore, expected: PersonRow) async throws -> (inPlace: Bool, decoded: Bool, decodedByColumn: Bool) {
        try await store.read { tx in
            var verdicts: (Bool, Bool, Bool)?
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                let inPlace = stored.isSame(as: expected)
                let decoded = try? stored.decoded()
                verdicts = (inPlace, decoded.map { expected.sameColumns(as: $0) } ?? false, decoded.map { $0.holdsEveryColumn(of: expected) } ?? false)
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
        #expect(try await Self.verdicts(store, expected: expected) == (true, true, true))
        var differing = Set<String>()
        for (column, value) in PeopleRowChanges.all {
            try await store.pool.write { db in try db.execute(sql: "UPDATE people SET \(column) = \(value)") }
            let verdicts = try await Self.verdicts(store, expected: expected)
            #expect(verdicts.inPlace == verdicts.decoded && verdicts.decodedByColumn == verdicts.decoded, "\(column) = \(value)")
            if !verdicts.decoded { differing.insert(column) }
            try await store.pool.write { db in try db.execute(sql: "DELETE FROM people") }
            try await store.write { tx in try tx.insert(expected) }
        }
        // The changes test something: every compared column has one that makes the rows differ.
        let indexes = Set(BlindIndexKind.allCases.map(PersonColumns.index))
        #expect(differing == Set(PersonColumns.names).subtracting(indexes))
    }
}
