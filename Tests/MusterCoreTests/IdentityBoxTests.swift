import Testing

@testable import MusterCore

/// A record's identity is held out of line and shared between copies until one changes it:
/// records must still behave as values.
@Suite struct IdentityBoxTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        var original = PersonRecord.blank
        try original.set(.firstName, text: "Ada")
        var copy = original
        try copy.set(.firstName, text: "Grace")
        copy.identity.email = "grace@example.org"
        #expect(original.identity.firstName == "Ada" && original.identity.email == "")
        #expect(copy.identity.firstName == "Grace" && copy.identity.email == "grace@example.org")
        #expect(original != copy)
    }

    @Test func blankRecordsShareNothingTheyChange() throws {
        var first = PersonRecord.blank
        let second = PersonRecord.blank
        try first.set(.lastName, text: "Lovelace")
        #expect(second.identity == Identity())
        #expect(PersonRecord.blank.identity == Identity())
    }

    @Test func equalityComparesIdentitiesByValue() throws {
        var a = PersonRecord.blank
        var b = PersonRecord.blank
        try a.set(.postcode, text: "LS1 1AA")
        try b.set(.postcode, text: "LS1 1AA")
        #expect(a == b)  // two boxes, one value
        try b.set(.postcode, text: "LS1 1AB")
        #expect(a != b)
        var identity = Identity()
        identity.town = "Leeds"
        #expect(PersonRecord(category: .member, status: .active, identity: identity) != PersonRecord(category: .member, status: .active, identity: Identity()))
    }
}
