import Testing
@testable import MusterCore

struct MatchKeyTests {
    @Test func email() {
        #expect(MatchKey.email(" Alice.Smith@Example.COM ") == "alice.smith@example.com")
        #expect(MatchKey.email("alice.smith@example.com") == MatchKey.email("ALICE.SMITH@EXAMPLE.COM"))
        #expect(MatchKey.email("") == nil)
        #expect(MatchKey.email(" \t ") == nil)
        #expect(MatchKey.email("a@x.com") != MatchKey.email("b@x.com"))
    }

    @Test(arguments: [
        "+44 7946 605397", "07946605397", "07946 605 397", "0044 7946 605397", "+447946605397", "(07946) 605397",
        " +44 7946 605397", "+44-7946-605397", "00447946605397", "+44 (0)7946 605397", "+44 (0) 7946 605397",
        "0044 (0)7946 605397", "+44 07946 605397",
    ])
    func ukMobileWrittenAnyWay(text: String) {
        #expect(MatchKey.phone(text) == "07946605397")
    }

    @Test func landlineWrittenAnyWay() {
        let forms = ["020 7946 0000", "+44 20 7946 0000", "+44 (0)20 7946 0000", "0044 20 7946 0000", "(020) 7946-0000"]
        for form in forms {
            #expect(MatchKey.phone(form) == "02079460000", "\(form)")
        }
    }

    @Test func phoneEdgeCases() {
        #expect(MatchKey.phone("") == nil)
        #expect(MatchKey.phone("   ") == nil)
        #expect(MatchKey.phone("abc") == nil)
        // Other countries keep their digits.
        #expect(MatchKey.phone("+1 212 555 0100") == "12125550100")
        #expect(MatchKey.phone("+353 1 555 0100") == "35315550100")
        // Different numbers stay different.
        #expect(MatchKey.phone("07946 605397") != MatchKey.phone("07946 605398"))
        #expect(MatchKey.phone("+44 7946 605397") != MatchKey.phone("+1 7946 605397"))
    }

    @Test func postcodeAndLastName() {
        let key = "SW1A1AA|o'brien"
        #expect(MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "O'Brien") == key)
        #expect(MatchKey.postcodeAndLastName(postcode: "sw1a 1aa", lastName: "O’Brien") == key)
        #expect(MatchKey.postcodeAndLastName(postcode: " SW1A  1AA ", lastName: " O'BRIEN ") == key)
        #expect(MatchKey.postcodeAndLastName(postcode: "SW1A1AA", lastName: "o\u{02BC}brien") == key)
        #expect(MatchKey.postcodeAndLastName(postcode: "sw1a\t1aa", lastName: "O\u{2018}Brien") == key)
        #expect(MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "Ó Briain") == "SW1A1AA|ó briain")
        #expect(MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "Smith  Jones")
            == MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "smith jones"))
    }

    @Test func postcodeAndLastNameTellsPeopleApart() {
        #expect(MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "OBrien")
            != MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "O'Brien"))
        #expect(MatchKey.postcodeAndLastName(postcode: "SW1A 1AB", lastName: "King")
            != MatchKey.postcodeAndLastName(postcode: "SW1A 1AA", lastName: "King"))
    }

    @Test func postcodeAndLastNameNeedsBoth() {
        #expect(MatchKey.postcodeAndLastName(postcode: "", lastName: "King") == nil)
        #expect(MatchKey.postcodeAndLastName(postcode: "  ", lastName: "King") == nil)
        #expect(MatchKey.postcodeAndLastName(postcode: "N7 2BJ", lastName: "") == nil)
        #expect(MatchKey.postcodeAndLastName(postcode: "N7 2BJ", lastName: " \t") == nil)
    }
}
