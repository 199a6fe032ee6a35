import Testing
@testable import MusterCore

struct FieldTests {
    /// The binary tags are a stored format: these numbers must never change.
    static let pinnedTags: [(String, UInt8)] = [
        ("membership_number", 1), ("category", 2), ("status", 3), ("title", 4), ("first_name", 5), ("last_name", 6),
        ("email", 7), ("phone", 8), ("address_line1", 9), ("address_line2", 10), ("address_line3", 11), ("town", 12),
        ("county", 13), ("postcode", 14), ("date_of_birth", 15), ("join_date", 16), ("region", 17),
        ("constituency", 18), ("branch", 19), ("union_name", 20), ("union_membership_number", 21),
        ("dues_amount", 22), ("dues_frequency", 23), ("payment_method", 24), ("consent_email", 25),
        ("consent_phone", 26), ("consent_post", 27), ("consent_sms", 28), ("consent_updated_at", 29),
        ("updated_at", 30), ("notes", 31),
    ]

    @Test func tagsAreStable() throws {
        #expect(Field.membershipNumber.tag == 1)
        #expect(Field.category.tag == 2)
        #expect(Field.notes.tag == 31)
        #expect(Self.pinnedTags.count == Field.allCases.count)
        for (name, tag) in Self.pinnedTags {
            let field = try #require(Field(rawValue: name))
            #expect(field.tag == tag, "\(name)")
            #expect(Field(tag: tag) == field)
        }
    }

    @Test func tagIsABijection() {
        #expect(Set(Field.allCases.map(\.tag)).count == Field.allCases.count)
        for field in Field.allCases {
            #expect(Field(tag: field.tag) == field)
        }
        for tag in UInt8.min...UInt8.max {
            if let field = Field(tag: tag) {
                #expect(field.tag == tag)
                #expect((1...31).contains(tag))
            } else {
                #expect(!(1...31).contains(tag))
            }
        }
    }

    @Test func columnsAreTheRegisterCSVColumnsInOrder() {
        let header = "membership_number,category,status,title,first_name,last_name,email,phone,address_line1,"
            + "address_line2,address_line3,town,county,postcode,date_of_birth,join_date,region,constituency,branch,"
            + "union_name,union_membership_number,dues_amount,dues_frequency,payment_method,consent_email,"
            + "consent_phone,consent_post,consent_sms,consent_updated_at,updated_at,notes"
        #expect(Field.csvOrder.map(\.rawValue).joined(separator: ",") == header)
    }

    @Test func identifyingFieldsAreExactlyThoseTheRegisterMarks() {
        let identifying: Set<String> = [
            "title", "first_name", "last_name", "email", "phone", "address_line1", "address_line2", "address_line3",
            "town", "county", "postcode", "date_of_birth", "union_membership_number", "notes",
        ]
        #expect(Set(Field.allCases.filter(\.isIdentifying).map(\.rawValue)) == identifying)
        #expect(Set(RecordCodec.identifyingFields.map(\.rawValue)) == identifying)
        #expect(RecordCodec.identifyingFields.count == identifying.count)
    }

    @Test func clearAndIdentifyingPartitionTheFieldsInOrder() {
        let clear = RecordCodec.clearFields
        let identifying = RecordCodec.identifyingFields
        #expect(Set(clear).isDisjoint(with: identifying))
        #expect(Set(clear).union(identifying) == Set(Field.allCases))
        #expect(clear.map(\.tag) == clear.map(\.tag).sorted())
        #expect(identifying.map(\.tag) == identifying.map(\.tag).sorted())
        #expect(clear.map(\.rawValue) == [
            "membership_number", "category", "status", "join_date", "region", "constituency", "branch", "union_name",
            "dues_amount", "dues_frequency", "payment_method", "consent_email", "consent_phone", "consent_post",
            "consent_sms", "consent_updated_at", "updated_at",
        ])
    }
}
