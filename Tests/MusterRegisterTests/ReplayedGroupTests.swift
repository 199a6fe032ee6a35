import MusterCore
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// `ReplayedGroup.applyIfHeld`, the step of verify's replay: a create claims its id in one probe
/// of the index, so a create that fails or repeats an id must leave the group as it was.
@Suite struct ReplayedGroupTests {
    static func apply(_ entry: LedgerEntry, to group: inout ReplayedGroup) throws -> Bool {
        try LedgerEntry.withFields(of: entry.encoded) { try group.applyIfHeld($0) }
    }

    static func entry(_ kind: EntryKind, subject: SubjectID, payload: [UInt8] = []) -> LedgerEntry {
        LedgerEntry(
            sequence: 900, time: 1_700_000_000_000, actor: "test", kind: kind, subject: subject, payload: payload,
            previousHash: EntryHash(bytes: [UInt8](repeating: 0, count: 32))!)
    }

    @Test func aGroupHoldsWhatTheProjectionGives() async throws {
        let test = try await VerifyTests.busy()
        var group = ReplayedGroup()
        var expected: [SubjectID: PersonRow] = [:]
        for entry in try await test.changes() where Register.changesPerson(entry.kind) {
            #expect(try Self.apply(entry, to: &group))
            expected[entry.subject!] = try Projection.apply(entry, to: expected[entry.subject!])
        }
        #expect(group.rows.count == 13 && group.index.count == 13)
        for (id, row) in expected { #expect(group.rows[group.index[IDKey(id)]!] == row) }
    }

    @Test func aSecondCreateForAnIdIsRefusedAndChangesNothing() async throws {
        let test = try await VerifyTests.busy()
        var group = ReplayedGroup()
        let creates = try await test.changes().filter { $0.kind == .create }
        for entry in creates.prefix(3) { _ = try Self.apply(entry, to: &group) }
        let before = group
        let again = creates[1]
        let error = #expect(throws: RegisterError.self) {
            try Self.apply(Self.entry(.create, subject: again.subject!, payload: again.payload), to: &group)
        }
        #expect(error?.message.contains("creates a person who exists") == true)
        #expect(group.index == before.index && Array(group.rows) == Array(before.rows))
    }

    /// A create that does not give a row (here: no membership number) leaves its id unclaimed:
    /// a later change to that id is someone else's, not applied to a row that is not there.
    @Test func aFailedCreateLeavesItsIdUnclaimed() throws {
        var group = ReplayedGroup()
        let id = SubjectID(bytes: [UInt8](repeating: 7, count: 16))!
        let error = #expect(throws: RegisterError.self) { try Self.apply(Self.entry(.create, subject: id), to: &group) }
        #expect(error?.message.contains("without a number") == true)
        #expect(group.index.isEmpty && group.rows.isEmpty)
        #expect(try Self.apply(Self.entry(.update, subject: id), to: &group) == false)
    }
}
