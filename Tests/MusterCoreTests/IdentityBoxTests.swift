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

/// `PersonRecord`'s equality is written by hand (the identity box is no field), so a field added
/// to the record and forgotten there would make changed records compare equal.
@Suite struct PersonRecordEqualityTests {
    /// Fails when a stored property is added or renamed: add it to `==` too, then here.
    @Test func equalityCoversEveryStoredProperty() {
        let compared = [
            "membershipNumber", "category", "status", "identityBox", "joinDate", "region", "constituency", "branch",
            "unionName", "dues", "consents", "updatedAt",
        ]
        #expect(Mirror(reflecting: PersonRecord.blank).children.map(\.label) == compared)
    }

    /// Records that differ in any one field, identifying or not, are unequal.
    @Test(arguments: Field.allCases)
    func aChangeToAnyOneFieldMakesRecordsUnequal(_ field: Field) throws {
        let full = fullRecord()
        var changed = full
        let candidates = [PersonRecord.blank.text(of: field), "true", "false"]
        let value = try #require(candidates.first { value in
            var probe = full
            return (try? probe.set(field, text: value)) != nil && probe.text(of: field) != full.text(of: field)
        })
        try changed.set(field, text: value)
        #expect(changed != full)
        #expect(full == fullRecord())
    }
}
