import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

/// The comparison of a stored row with the create that alone gives it (``CreatedRow``): taken
/// for every person only created, and never `true` where making the row and comparing it says
/// the row differs, whatever column is changed behind the store's back.
@Suite struct CreatedRowTests {
    /// The creates of `test`'s register, by subject.
    static func creates(_ test: TestRegister) async throws -> [SubjectID: LedgerEntry] {
        var creates: [SubjectID: LedgerEntry] = [:]
        for entry in try await test.changes() where entry.kind == .create { creates[entry.subject!] = entry }
        return creates
    }

    /// For each stored row whose person `creates` has: what the comparison with the create
    /// answers, and what making the row and comparing it answers.
    static func verdicts(_ test: TestRegister, _ creates: [SubjectID: LedgerEntry]) async throws -> [String: (byCreate: Bool, byRow: Bool)] {
        try await test.register.store.read { tx in
            var verdicts: [String: (Bool, Bool)] = [:]
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                let decoded = try stored.decoded()
                guard let create = creates[decoded.id] else { return }
                let byCreate = create.encoded.withUnsafeBytes { CreatedRow.matches(stored, createdBy: $0) }
                let byRow = stored.isSame(as: try Projection.apply(create, to: nil))
                verdicts[Hex.encode(create.subject!.bytes)] = (byCreate, byRow)
            }
            return verdicts
        }
    }

    @Test func everyoneOnlyCreatedIsComparedWithTheirCreate() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        let creates = try await Self.creates(test)
        let verdicts = try await Self.verdicts(test, creates)
        #expect(verdicts.count == creates.count && creates.count > 10)
        for (id, verdict) in verdicts {
            #expect(verdict.byCreate && verdict.byRow, "person \(id)")
        }
    }

    /// What each way of comparing says of the row at `position` (in storage order) against
    /// `create`: with the create's fields, and with the row the create gives, made.
    static func verdicts(_ test: TestRegister, _ create: LedgerEntry, at position: Int) async throws -> (byCreate: Bool, byRow: Bool) {
        let made = try Projection.apply(create, to: nil)
        return try await test.register.store.read { tx in
            var verdicts: (Bool, Bool)?
            var index = 0
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                if index == position {
                    verdicts = (create.encoded.withUnsafeBytes { CreatedRow.matches(stored, createdBy: $0) }, stored.isSame(as: made))
                }
                index += 1
            }
            return try #require(verdicts)
        }
    }

    /// A row changed behind the store's back, in each of its columns, to values that differ and
    /// to values that only look as if they do: never the same by its create where the made row
    /// says it differs, and so every compared column counts.
    @Test func aChangeToAnyColumnIsFoundByTheCreateAsByTheRow() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        let creates = try await Self.creates(test)
        let row = try #require(try await test.row("M1036102"))
        let create = try #require(creates[row.id])
        let position = try await test.register.store.read { tx in
            var index = 0
            var found: Int?
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                if stored.idWords.map({ $0 == row.id.words }) == true { found = index }
                index += 1
            }
            return try #require(found)
        }
        #expect(try await Self.verdicts(test, create, at: position) == (true, true))
        try VerifyTests.tamper(test, "CREATE TABLE saved AS SELECT rowid AS saved_rowid, * FROM people WHERE number = 'M1036102'")
        let columns = PersonColumns.names.joined(separator: ", ")
        var differing = Set<String>()
        for (column, value) in PeopleRowChanges.all {
            try VerifyTests.tamper(test, "UPDATE people SET \(column) = \(value) WHERE rowid = (SELECT saved_rowid FROM saved)")
            let verdicts = try await Self.verdicts(test, create, at: position)
            #expect(!verdicts.byCreate || verdicts.byRow, "\(column) = \(value)")
            if !verdicts.byRow { differing.insert(column) }
            try VerifyTests.tamper(
                test, "DELETE FROM people WHERE rowid = (SELECT saved_rowid FROM saved); "
                    + "INSERT INTO people (rowid, \(columns)) SELECT saved_rowid, \(columns) FROM saved")
        }
        #expect(try await Self.verdicts(test, create, at: position) == (true, true))
        let indexes = Set(BlindIndexKind.allCases.map(PersonColumns.index))
        #expect(differing == Set(PersonColumns.names).subtracting(indexes))
    }

    /// A create whose fields the comparison does not take (one not canonical, as no write of
    /// Muster's makes it; one repeated): it answers `false`, and the row is made and compared
    /// instead, so that its person still matches.
    @Test func aCreateItCannotTakeIsLeftToTheMadeRow() async throws {
        let test = try await TestRegister()
        var payload = PersonPayload()
        payload.clearFields = [(.membershipNumber, "M7"), (.region, "  North  West "), (.branch, "Old"), (.branch, "Leeds branch")]
        payload.sealedIdentity = [1, 2, 3]
        let create = LedgerEntry(
            sequence: 1, time: TestRegister.now, actor: "test", kind: .create, subject: SubjectID(bytes: [UInt8](repeating: 9, count: 16))!,
            payload: payload.encoded, previousHash: .zero)
        let made = try Projection.apply(create, to: nil)
        #expect(made.record.region == "North West" && made.record.branch == "Leeds branch")
        try await test.register.store.write { tx in try tx.insert(made) }
        var group = ReplayedGroup()
        #expect(try ReplayedGroupTests.apply(create, to: &group))
        let replayed = group
        try await test.register.store.read { tx in
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                let byCreate = create.encoded.withUnsafeBytes { CreatedRow.matches(stored, createdBy: $0) }
                let byGroup = replayed.matches(stored, at: 0)
                #expect(!byCreate && byGroup)
            }
        }
    }

    /// A create without a membership number gives no row (the replay throws), so no stored row
    /// is the same by it: not even one whose number is empty and whose other columns are blank.
    @Test func aCreateWithoutANumberMatchesNoRow() async throws {
        let test = try await TestRegister()
        var payload = PersonPayload()
        payload.clearFields = [(.region, "North West")]
        payload.sealedIdentity = [1, 2, 3]
        let id = SubjectID(bytes: [UInt8](repeating: 9, count: 16))!
        let create = LedgerEntry(
            sequence: 1, time: TestRegister.now, actor: "test", kind: .create, subject: id, payload: payload.encoded, previousHash: .zero)
        #expect(throws: RegisterError.self) { try Projection.apply(create, to: nil) }
        var record = PersonRecord.blank
        record.region = "North West"
        let numberless = PersonRow(
            id: id, number: "", record: record, membership: Membership(statusSince: nil, continuousSince: nil), sealedIdentity: [1, 2, 3],
            indexes: .none, version: 1)
        try await test.register.store.write { tx in try tx.insert(numberless) }
        try await test.register.store.read { tx in
            try tx.forEachPersonAsStored(part: 0, of: 1) { stored in
                let byCreate = create.encoded.withUnsafeBytes { CreatedRow.matches(stored, createdBy: $0) }
                #expect(!byCreate)
            }
        }
    }
}
