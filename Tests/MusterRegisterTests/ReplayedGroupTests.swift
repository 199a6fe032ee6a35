import MusterCore
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// `ReplayedGroup.applyIfHeld`, the step of verify's replay, and the rows made from what it
/// holds: a create claims its id in one probe of the index, so a create that repeats an id must
/// leave the group as it was.
@Suite struct ReplayedGroupTests {
    static func apply(_ entry: LedgerEntry, to group: inout ReplayedGroup) throws -> Bool {
        let bytes = entry.encoded
        return try bytes.withUnsafeBytes { raw in try LedgerEntry.withFields(in: raw) { try group.applyIfHeld($0, bytes: raw) } }
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
        #expect(group.count == 13 && group.index.count == 13)
        for (id, row) in expected {
            let place = try #require(group.index[IDKey(id)])
            #expect(try group.row(at: place) == row && group.id(at: place) == IDKey(id))
            #expect(group.isErased(at: place) == (row.erasedAt != nil))
        }
        #expect(expected.values.contains { $0.erasedAt != nil })  // the register erases someone
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
        #expect(group.index == before.index && group.count == before.count)
        for place in 0..<group.count { #expect(try group.row(at: place) == before.row(at: place)) }
    }

    /// A create that does not give a row (here: no membership number) is held like any other:
    /// asking for the row throws what the projection throws, as does a change held after it.
    @Test func aCreateThatGivesNoRowFailsWhenItsRowIsMade() throws {
        var group = ReplayedGroup()
        let id = SubjectID(bytes: [UInt8](repeating: 7, count: 16))!
        #expect(try Self.apply(Self.entry(.create, subject: id), to: &group))
        #expect(try Self.apply(Self.entry(.update, subject: id), to: &group))
        let error = #expect(throws: RegisterError.self) { try group.row(at: 0) }
        #expect(error?.message.contains("without a number") == true)
        // A change to someone else is not held.
        #expect(try Self.apply(Self.entry(.update, subject: SubjectID.random()), to: &group) == false)
    }
}
