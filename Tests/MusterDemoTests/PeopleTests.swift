import MusterCore
import MusterDemo
import Testing

/// Names, contact details, places and notes look like a real UK register.
@Suite(.fixturesBuilt) struct PeopleTests {
    let people = Fixture.people

    @Test func namesAreDiverse() {
        let surnames = people.map(\.identity.lastName)
        #expect(surnames.contains { $0.hasPrefix("O'") })
        #expect(surnames.contains { $0.contains("-") })
        #expect(surnames.contains("Kowalska") && surnames.contains("Kowalski"))
        #expect(surnames.contains("Kaur") && surnames.contains("Singh"))
        let firstNames = Set(people.map(\.identity.firstName))
        #expect(firstNames.isSuperset(of: ["Zoë", "Siân", "Seán", "Łukasz", "Priya", "Kwame", "Aoife"]))
        #expect(firstNames.count > 400)
        #expect(Set(surnames).count > 500)
        #expect(people.allSatisfy { !$0.identity.firstName.isEmpty && !$0.identity.lastName.isEmpty })
    }

    @Test func titlesIncludeTheCommonOnes() {
        let titles = Set(people.map(\.identity.title))
        #expect(titles.isSuperset(of: ["", "Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "Rev"]))
    }

    @Test func emailsAreLowerCaseAndBuiltFromNames() {
        let emails = people.map(\.identity.email).filter { !$0.isEmpty }
        let share = Double(emails.count) * 100 / Double(people.count)
        #expect((80...95).contains(share))
        for email in emails {
            #expect(email.utf8.allSatisfy { $0 < 128 } && email == email.lowercased())
            #expect(email.split(separator: "@").count == 2)
        }
        #expect(emails.contains { $0.hasSuffix("@gmail.com") })
        #expect(people.contains { person in
            let first = person.identity.firstName.lowercased()
            return first.utf8.allSatisfy { $0 < 128 } && person.identity.email.hasPrefix(first + ".")
        })
    }

    @Test func householdsShareAnAddressAndSometimesAnEmail() {
        let pairs = zip(people.dropFirst(), people)
        let sameHome = pairs.count {
            $0.identity.addressLine1 == $1.identity.addressLine1 && $0.identity.postcode == $1.identity.postcode
        }
        let sameEmail = pairs.count { !$0.identity.email.isEmpty && $0.identity.email == $1.identity.email }
        #expect(sameEmail > 0)
        #expect(Double(sameEmail) * 100 / Double(people.count) < 4)
        #expect(sameHome > sameEmail)
        for (person, previous) in pairs where !person.identity.email.isEmpty && person.identity.email == previous.identity.email {
            #expect(person.identity.postcode == previous.identity.postcode)
            #expect(person.branch == previous.branch)
        }
    }

    @Test func phonesAreValidAndNeverReal() {
        let phones = people.map(\.identity.phone)
        #expect(phones.contains(""))
        let drama = ["07700 900", "01632 960", "020 7946 0", "0117 496 0", "0121 496 0", "0191 498 0", "029 2018 0"]
        for phone in phones where !phone.isEmpty {
            #expect(phone.utf8.count == 12 || phone.utf8.count == 13)
            // Ofcom's drama ranges: "<prefix>" + 3 digits.
            #expect(phone.hasPrefix("07700 900") || phone.hasPrefix("01632 960") || phone.dropLast(3).hasSuffix("496 0")
                || phone.dropLast(3).hasSuffix("498 0") || phone.hasPrefix("020 7946 0") || phone.hasPrefix("029 2018 0"))
        }
        for prefix in drama { #expect(phones.contains { $0.hasPrefix(prefix) }, "\(prefix)") }
    }

    @Test func postcodesHaveTheRoyalMailShape() {
        for person in people {
            #expect(Self.isPostcode(person.identity.postcode), "\(person.identity.postcode)")
        }
        // Postcode districts match the constituency: Islington North is N7, N19, N4 or N5.
        let islington = people.filter { $0.constituency == "Islington North" }
        #expect(!islington.isEmpty)
        #expect(islington.allSatisfy { ["N7", "N19", "N4", "N5"].contains($0.identity.postcode.split(separator: " ")[0]) })
    }

    @Test func geographyIsConsistent() {
        var townPlace: [String: String] = [:]
        var constituencyTown: [String: String] = [:]
        for person in people {
            let place = person.identity.county + "|" + person.region
            let town = person.identity.town
            #expect(townPlace.updateValue(place, forKey: town).map { $0 == place } ?? true)
            #expect(constituencyTown.updateValue(town, forKey: person.constituency).map { $0 == town } ?? true)
            #expect(person.branch.hasPrefix(person.constituency + " ") && person.branch.hasSuffix(" branch"))
        }
        #expect(townPlace.count > 40)
        #expect(Set(people.map(\.region)).count == 11)
        let london = Fixture.percent(people) { $0.region == "London" }
        #expect((10...22).contains(london))
    }

    @Test func addressesHaveNumbersFlatsAndExtraLines() {
        #expect(people.allSatisfy { !$0.identity.addressLine1.isEmpty })
        #expect(people.contains { $0.identity.addressLine1.hasPrefix("Flat ") && !$0.identity.addressLine2.isEmpty })
        #expect(people.contains { !$0.identity.addressLine3.isEmpty })
        let numbered = Fixture.percent(people) { $0.identity.addressLine1.first?.isNumber == true }
        #expect((55...85).contains(numbered))
    }

    @Test func someNotesNeedQuotingInCSV() {
        let notes = people.map(\.identity.notes).filter { !$0.isEmpty }
        let share = Double(notes.count) * 100 / Double(people.count)
        #expect((3...7).contains(share))
        #expect(notes.contains { $0.contains(",") })
        #expect(notes.contains { $0.contains("\"") })
        #expect(notes.contains { $0.contains("\n") })
    }

    /// Outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code (9AA).
    static func isPostcode(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let outward = Array(parts[0].utf8)
        let inward = Array(parts[1].utf8)
        let isLetter = { (byte: UInt8) in (65...90).contains(byte) }
        let isDigit = { (byte: UInt8) in (48...57).contains(byte) }
        guard (2...4).contains(outward.count), isLetter(outward[0]), outward.contains(where: isDigit) else { return false }
        guard outward.allSatisfy({ isLetter($0) || isDigit($0) }) else { return false }
        return inward.count == 3 && isDigit(inward[0]) && isLetter(inward[1]) && isLetter(inward[2])
    }
}
