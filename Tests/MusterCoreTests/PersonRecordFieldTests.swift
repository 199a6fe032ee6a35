import Testing
@testable import MusterCore

struct PersonRecordFieldTests {
    /// Valid values for every field, written as the register CSV writes them.
    static let canonical: [(Field, String)] = [
        (.membershipNumber, "M1012345"), (.membershipNumber, "AB-12/3"), (.membershipNumber, ""),
        (.membershipNumber, String(repeating: "9", count: 32)),
        (.category, "member"), (.category, "affiliated_supporter"), (.category, "registered_supporter"),
        (.category, "contact"),
        (.status, "pending"), (.status, "active"), (.status, "in_arrears"), (.status, "lapsed"),
        (.status, "suspended"), (.status, "resigned"), (.status, "expelled"), (.status, "deceased"),
        (.title, "Dr"), (.title, ""), (.title, String(repeating: "t", count: 40)),
        (.firstName, "Siobhán"), (.firstName, "Mary Ann"), (.firstName, "李"), (.firstName, ""),
        (.lastName, "O’Brien-Smith"), (.lastName, "O'Brien"), (.lastName, "Ó Briain"),
        (.lastName, String(repeating: "é", count: 100)),
        (.email, "pking@hotmail.co.uk"), (.email, "freddie_murray191@gmail.com"), (.email, "a+b@x.org"), (.email, ""),
        (.phone, "07946 605397"), (.phone, "+44 (0)20 7946 0000"), (.phone, "020-7946-0000"), (.phone, ""),
        (.addressLine1, "112 Park Road"), (.addressLine2, "Castle Heights"), (.addressLine3, "Flat 3, Block B"),
        (.addressLine3, ""), (.town, "London"), (.county, "Greater London"),
        (.postcode, "N7 2BJ"), (.postcode, "SW1A 1AA"), (.postcode, "EC1A1BB"), (.postcode, ""),
        (.dateOfBirth, "1987-06-17"), (.dateOfBirth, "1900-03-01"), (.dateOfBirth, "2000-02-29"), (.dateOfBirth, ""),
        (.joinDate, "2018-03-28"), (.joinDate, "1969-12-31"), (.joinDate, ""),
        (.region, "London"), (.constituency, "Edmonton and Winchmore Hill"),
        (.branch, "Edmonton and Winchmore Hill Market branch"), (.unionName, "ASLEF"), (.unionName, ""),
        (.unionMembershipNumber, "AS00872248"), (.unionMembershipNumber, ""),
        (.duesAmount, "0.00"), (.duesAmount, "4.50"), (.duesAmount, "0.05"), (.duesAmount, "1234567.99"),
        (.duesFrequency, "monthly"), (.duesFrequency, "annual"), (.duesFrequency, "one_off"), (.duesFrequency, "none"),
        (.paymentMethod, "direct_debit"), (.paymentMethod, "card"), (.paymentMethod, "cheque"),
        (.paymentMethod, "standing_order"), (.paymentMethod, "union_levy"), (.paymentMethod, ""),
        (.consentEmail, "Y"), (.consentEmail, "N"), (.consentPhone, "Y"), (.consentPhone, "N"),
        (.consentPost, "Y"), (.consentPost, "N"), (.consentSMS, "Y"), (.consentSMS, "N"),
        (.consentUpdatedAt, "2020-08-25T17:06:05Z"), (.consentUpdatedAt, ""),
        (.updatedAt, "2022-10-12T10:22:54Z"), (.updatedAt, "1969-12-31T23:59:59Z"), (.updatedAt, ""),
        (.notes, "Rejoined after lapse."), (.notes, "  two  spaces, \"quotes\",\r\nand a newline\n"), (.notes, ""),
        (.notes, String(repeating: "n", count: 10_000)),
    ]

    @Test func canonicalTableCoversEveryField() {
        #expect(Set(Self.canonical.map(\.0)) == Set(Field.allCases))
    }

    @Test(arguments: canonical)
    func textRoundTrips(field: Field, text: String) throws {
        for start in [PersonRecord.blank, fullRecord()] {
            var record = start
            try record.set(field, text: text)
            #expect(record.text(of: field) == text)
            // Setting the same text again changes nothing.
            let once = record
            try record.set(field, text: record.text(of: field))
            #expect(record == once)
        }
    }

    @Test func settingOneFieldTouchesNoOther() throws {
        for (field, text) in Self.canonical {
            var record = fullRecord()
            try record.set(field, text: text)
            for other in Field.allCases where other != field {
                #expect(record.text(of: other) == fullRecord().text(of: other), "\(field) changed \(other)")
            }
        }
    }

    @Test func blankRecord() {
        let b = PersonRecord.blank
        #expect(b.category == .contact)
        #expect(b.status == .pending)
        #expect(b.membershipNumber == nil)
        #expect(b.identity == Identity())
        #expect(b.text(of: .duesAmount) == "0.00")
        #expect(b.text(of: .duesFrequency) == "none")
        #expect(b.text(of: .paymentMethod) == "")
        #expect(b.text(of: .consentEmail) == "N")
    }

    @Test func typedValues() throws {
        var r = PersonRecord.blank
        try r.set(.membershipNumber, text: " M1 ")
        try r.set(.dateOfBirth, text: "1987-06-17")
        try r.set(.duesAmount, text: "4.5")
        try r.set(.paymentMethod, text: "card")
        try r.set(.consentSMS, text: "Y")
        try r.set(.updatedAt, text: "2022-10-12T10:22:54Z")
        #expect(r.membershipNumber == "M1")
        #expect(r.identity.dateOfBirth == day("1987-06-17"))
        #expect(r.dues.amountPence == 450)
        #expect(r.dues.method == .card)
        #expect(r.consents.sms && !r.consents.email)
        #expect(r.updatedAt?.secondsSinceEpoch == stamp("2022-10-12T10:22:54Z").secondsSinceEpoch)
        try r.set(.membershipNumber, text: "")
        try r.set(.dateOfBirth, text: "  ")
        try r.set(.paymentMethod, text: "")
        #expect(r.membershipNumber == nil)
        #expect(r.identity.dateOfBirth == nil)
        #expect(r.dues.method == nil)
    }

    @Test(arguments: [
        (Field.email, " Alice.Smith@Example.COM ", "alice.smith@example.com"), (.email, "BOB@X.ORG", "bob@x.org"),
        (.firstName, "  Mary   Ann  ", "Mary Ann"), (.lastName, "O'Brien\t", "O'Brien"),
        (.title, "\u{00A0}Dr\u{00A0}", "Dr"), (.addressLine1, "112\tPark\n Road", "112 Park Road"),
        (.town, "   ", ""), (.phone, "  07946   605397 ", "07946 605397"),
        (.postcode, " sw1a   1aa ", "SW1A 1AA"), (.postcode, "n7 2bj", "N7 2BJ"),
        (.category, "MEMBER", "member"), (.category, " Affiliated_Supporter ", "affiliated_supporter"),
        (.status, " In_Arrears ", "in_arrears"), (.duesFrequency, "Monthly", "monthly"), (.duesFrequency, "", "none"),
        (.paymentMethod, "CARD", "card"), (.paymentMethod, "  ", ""),
        (.consentEmail, "y", "Y"), (.consentEmail, "yes", "Y"), (.consentEmail, "TRUE", "Y"), (.consentEmail, "1", "Y"),
        (.consentPhone, "n", "N"), (.consentPhone, "No", "N"), (.consentPhone, "false", "N"), (.consentPhone, "0", "N"),
        (.consentPost, "", "N"), (.consentSMS, " Y ", "Y"),
        (.duesAmount, "4.5", "4.50"), (.duesAmount, "12", "12.00"), (.duesAmount, "", "0.00"),
        (.duesAmount, " 4.50 ", "4.50"), (.duesAmount, "0", "0.00"), (.duesAmount, "007.1", "7.10"),
        (.membershipNumber, " M1012345 ", "M1012345"), (.dateOfBirth, " 1987-06-17 ", "1987-06-17"),
        (.updatedAt, "2024-06-07T14:22:14.123Z", "2024-06-07T14:22:14Z"),
        (.consentUpdatedAt, " 2024-06-07T14:22:14Z ", "2024-06-07T14:22:14Z"),
        (.notes, "  keep   this \n ", "  keep   this \n "), (.notes, " ", " "),
    ])
    func normalises(field: Field, input: String, expected: String) throws {
        var record = PersonRecord.blank
        try record.set(field, text: input)
        #expect(record.text(of: field) == expected)
    }

    /// Bad values, with the code each must fail with.
    static let invalid: [(Field, String, DomainError.Code)] = [
        (.email, "canary@@x", .invalidValue), (.email, "canary@example", .invalidValue),
        (.email, "canary smith@example.com", .invalidValue), (.email, "@example.com", .invalidValue),
        (.email, "canary@.example.com", .invalidValue), (.email, "canary@example..com", .invalidValue),
        (.email, "canary@example.com.", .invalidValue), (.email, "canary,x@example.com", .invalidValue),
        (.email, "<canary@example.com>", .invalidValue),
        (.email, String(repeating: "c", count: 65) + "@example.com", .invalidValue),
        (.email, "canary@" + String(repeating: "d", count: 250) + ".com", .invalidValue),
        (.phone, "0794660539a", .invalidValue), (.phone, "07946 CANARY", .invalidValue), (.phone, "12345", .invalidValue),
        (.phone, "079466053", .invalidValue), (.phone, "0794 6605 3970 1234", .invalidValue),
        (.phone, "07946.605397", .invalidValue),
        (.postcode, "SW1A 1AAXXX", .invalidValue), (.postcode, "SW1A-1AA", .invalidValue),
        (.postcode, "SW1A 1ÄA", .invalidValue),
        (.duesAmount, "4.555", .invalidValue), (.duesAmount, "-1", .invalidValue), (.duesAmount, "-0.50", .invalidValue),
        (.duesAmount, "+4", .invalidValue), (.duesAmount, "abc", .invalidValue),
        (.duesAmount, "£4", .invalidValue), (.duesAmount, "1.234", .invalidValue), (.duesAmount, ".5", .invalidValue),
        (.duesAmount, "1.", .invalidValue), (.duesAmount, "1e3", .invalidValue), (.duesAmount, "12345678", .invalidValue),
        (.duesAmount, "4,50", .invalidValue), (.duesAmount, "4.5.0", .invalidValue), (.duesAmount, "4 .50", .invalidValue),
        (.consentEmail, "maybe", .invalidValue), (.consentPhone, "x", .invalidValue), (.consentPost, "YN", .invalidValue),
        (.consentSMS, "ja", .invalidValue),
        (.category, "volunteer", .invalidValue), (.category, "", .missingValue), (.category, "  ", .missingValue),
        (.category, "affiliated supporter", .invalidValue),
        (.status, "frozen", .invalidValue), (.status, "", .missingValue), (.status, "in arrears", .invalidValue),
        (.duesFrequency, "weekly", .invalidValue), (.paymentMethod, "cash", .invalidValue),
        (.dateOfBirth, "2023-02-29", .invalidValue), (.dateOfBirth, "17/06/1987", .invalidValue),
        (.joinDate, "2024-13-01", .invalidValue), (.joinDate, "2024-04-31", .invalidValue),
        (.consentUpdatedAt, "2024-06-07 14:22:14", .invalidValue), (.updatedAt, "2024-06-07T24:00:00Z", .invalidValue),
        (.updatedAt, "2024-06-07T14:22:14+01:00", .invalidValue),
        (.membershipNumber, "M 123", .invalidValue), (.membershipNumber, String(repeating: "9", count: 33), .invalidValue),
        (.membershipNumber, "M12#4", .invalidValue), (.membershipNumber, "Mé123", .invalidValue),
        (.title, String(repeating: "t", count: 41), .invalidValue),
        (.firstName, String(repeating: "f", count: 101), .invalidValue),
        (.lastName, String(repeating: "é", count: 101), .invalidValue),
        (.addressLine1, String(repeating: "a", count: 201), .invalidValue),
        (.addressLine2, String(repeating: "a", count: 201), .invalidValue),
        (.addressLine3, String(repeating: "a", count: 201), .invalidValue),
        (.town, String(repeating: "t", count: 101), .invalidValue),
        (.county, String(repeating: "c", count: 101), .invalidValue),
        (.region, String(repeating: "r", count: 101), .invalidValue),
        (.constituency, String(repeating: "c", count: 101), .invalidValue),
        (.branch, String(repeating: "b", count: 101), .invalidValue),
        (.unionName, String(repeating: "u", count: 101), .invalidValue),
        (.unionMembershipNumber, String(repeating: "u", count: 41), .invalidValue),
        (.notes, String(repeating: "n", count: 10_001), .invalidValue),
        (.notes, String(repeating: "é", count: 5_001), .invalidValue),
    ]

    @Test(arguments: invalid)
    func rejects(field: Field, text: String, code: DomainError.Code) {
        var record = fullRecord()
        let error = domainError { try record.set(field, text: text) }
        #expect(error?.code == code)
        #expect(error?.message.contains(field.rawValue) == true, "the message names the field")
        // A refused value leaves the record as it was.
        #expect(record == fullRecord())
    }

    @Test func invalidTableCoversEveryFieldWithRules() {
        let ruled = Set(Self.invalid.map(\.0))
        #expect(ruled == Set(Field.allCases))
    }

    @Test func enumeratedFieldErrorsListTheAllowedValues() {
        var record = PersonRecord.blank
        let category = domainError { try record.set(.category, text: "volunteer") }
        #expect(category?.message == "category 'volunteer' is not one of member, affiliated_supporter, registered_supporter, contact")
        let status = domainError { try record.set(.status, text: "frozen") }
        #expect(status?.message == "status 'frozen' is not one of pending, active, in_arrears, lapsed, suspended, resigned, expelled, deceased")
        let missing = domainError { try record.set(.status, text: "") }
        #expect(missing?.message == "status is required (one of pending, active, in_arrears, lapsed, suspended, resigned, expelled, deceased)")
        let method = domainError { try record.set(.paymentMethod, text: "cash") }
        #expect(method?.message.hasSuffix("direct_debit, card, cheque, standing_order, union_levy") == true)
        // A long bad value is cut short in the message.
        let long = domainError { try record.set(.category, text: String(repeating: "x", count: 500)) }
        #expect((long?.message.count ?? 1000) < 200)
    }

    /// Bad values of identifying (and pseudonymous) fields that contain a canary: no message may echo it.
    static let canaries: [(Field, String)] = [
        (.title, "canary" + String(repeating: "x", count: 40)),
        (.firstName, "canary" + String(repeating: "x", count: 100)),
        (.lastName, "canary" + String(repeating: "x", count: 100)),
        (.email, "canary@@x"), (.email, "canary@nowhere"), (.email, "canary" + String(repeating: "x", count: 300) + "@x.com"),
        (.phone, "canary 07946 605397"), (.phone, "0800 canary"),
        (.addressLine1, "canary" + String(repeating: "x", count: 200)),
        (.addressLine2, "canary" + String(repeating: "x", count: 200)),
        (.addressLine3, "canary" + String(repeating: "x", count: 200)),
        (.town, "canary" + String(repeating: "x", count: 100)),
        (.county, "canary" + String(repeating: "x", count: 100)),
        (.postcode, "CANARY 1AAAA"), (.postcode, "canary-1"),
        (.dateOfBirth, "canary"), (.dateOfBirth, "1987-02-30canary"),
        (.unionMembershipNumber, "canary" + String(repeating: "x", count: 40)),
        (.notes, "canary" + String(repeating: "x", count: 10_000)),
        (.membershipNumber, "canary#1"),
    ]

    @Test func canaryTableCoversEveryIdentifyingField() {
        #expect(Set(Self.canaries.map(\.0)).isSuperset(of: Field.allCases.filter(\.isIdentifying)))
    }

    @Test(arguments: canaries)
    func errorsNeverEchoIdentifyingValues(field: Field, text: String) {
        var record = PersonRecord.blank
        let error = domainError { try record.set(field, text: text) }
        #expect(error != nil)
        #expect(error?.message.lowercased().contains("canary") == false)
        #expect(error.map { String(describing: $0) }?.lowercased().contains("canary") == false)
    }

    // MARK: validate()

    func valid(_ category: Category = .member) -> PersonRecord {
        var identity = Identity()
        identity.firstName = "Patricia"
        identity.lastName = "King"
        return PersonRecord(category: category, status: .active, identity: identity, joinDate: day("2018-03-28"),
            unionName: category == .affiliatedSupporter ? "ASLEF" : "")
    }

    @Test func validRecordsPass() {
        for category in Category.allCases {
            #expect(domainErrorCode { try valid(category).validate() } == nil)
        }
        #expect(domainErrorCode { try fullRecord().validate() } == nil)
    }

    @Test func needsAName() {
        var r = valid()
        r.identity.firstName = ""
        #expect(domainErrorCode { try r.validate() } == nil, "a last name alone is enough")
        r.identity.lastName = ""
        r.identity.firstName = "Patricia"
        #expect(domainErrorCode { try r.validate() } == nil, "a first name alone is enough")
        r.identity.firstName = ""
        let error = domainError { try r.validate() }
        #expect(error?.code == .missingValue)
        #expect(error?.message == "first_name or last_name is required")
    }

    @Test func affiliatedSupporterNeedsAUnion() {
        var r = valid(.affiliatedSupporter)
        r.unionName = ""
        let error = domainError { try r.validate() }
        #expect(error?.code == .missingValue)
        #expect(error?.message.contains("union_name") == true)
        // Members may be in a union, but need not be.
        #expect(domainErrorCode { try valid(.member).validate() } == nil)
    }

    @Test(arguments: [Category.member, .affiliatedSupporter, .registeredSupporter])
    func joinDateRequiredExceptForContacts(category: Category) {
        var r = valid(category)
        r.joinDate = nil
        let error = domainError { try r.validate() }
        #expect(error?.code == .missingValue)
        #expect(error?.message == "join_date is required for a \(category.rawValue)")
    }

    @Test func contactsMayOmitTheJoinDate() {
        var r = valid(.contact)
        r.joinDate = nil
        #expect(domainErrorCode { try r.validate() } == nil)
    }

    @Test func joinBeforeBirthIsRefused() {
        var r = valid()
        r.identity.dateOfBirth = day("2018-03-29")
        let error = domainError { try r.validate() }
        #expect(error?.code == .invalidValue)
        #expect(error?.message == "join_date is before date_of_birth")
        #expect(!(error?.message.contains("2018") ?? true))
        r.identity.dateOfBirth = day("2018-03-28")
        #expect(domainErrorCode { try r.validate() } == nil, "joining on the day of birth is allowed")
        r.identity.dateOfBirth = nil
        #expect(domainErrorCode { try r.validate() } == nil)
    }

    @Test func theFirstBrokenRuleIsReported() {
        var r = valid(.affiliatedSupporter)
        r.identity.firstName = ""
        r.identity.lastName = ""
        r.unionName = ""
        r.joinDate = nil
        #expect(domainError { try r.validate() }?.message == "first_name or last_name is required")
    }
}
