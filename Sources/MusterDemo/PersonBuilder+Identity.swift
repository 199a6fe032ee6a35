import MusterCore

/// Names, title, email and phone.
extension PersonBuilder {
    /// A first name and surname, usually from one background; 12% of surnames come from another
    /// (mixed families) and 3% are double-barrelled. Household members usually share a surname.
    mutating func names(gender: Shares.Gender, household: PersonRecord?) -> (NameEntry, NameEntry) {
        let group = NameGroup.all.pick(&rng)
        let first: NameEntry
        switch gender {
        case .female: first = rng.pick(group.female)
        case .male: first = rng.pick(group.male)
        case .nonBinary: first = rng.pick(group.neutral.isEmpty ? NameGroup.english.neutral : group.neutral)
        }
        if let household, rng.chance(perMille: 700) {
            let shared = household.identity.lastName
            return (first, NameEntry(text: shared, ascii: NameEntry.emailForm(of: shared)))
        }
        var last = surname(from: rng.chance(perMille: 120) ? NameGroup.all.pick(&rng) : group, gender: gender)
        if rng.chance(perMille: 30) {
            let other = surname(from: NameGroup.all.pick(&rng), gender: gender)
            if other.text != last.text {
                last = NameEntry(text: last.text + "-" + other.text, ascii: last.ascii + "-" + other.ascii)
            }
        }
        return (first, last)
    }

    private mutating func surname(from group: NameGroup, gender: Shares.Gender) -> NameEntry {
        let surname = rng.pick(group.surnames)
        return gender == .female ? surname.feminine : surname.masculine
    }

    mutating func title(gender: Shares.Gender, age: Int) -> String {
        let title: String
        switch gender {
        case .female: title = Shares.femaleTitle.pick(&rng)
        case .male: title = Shares.maleTitle.pick(&rng)
        case .nonBinary: title = Shares.nonBinaryTitle.pick(&rng)
        }
        // Doctorates and marriages take time.
        if title == "Dr" && age < 26 { return "" }
        if title == "Mrs" && age < 21 { return "Ms" }
        return title
    }

    /// Most people give an email (fewer of the oldest). Household members sometimes share one.
    mutating func email(first: NameEntry, last: NameEntry, age: Int, household: PersonRecord?) -> String {
        if let household, register.sharesHouseholdEmails, !household.identity.email.isEmpty,
            rng.chance(perMille: 350)
        {
            return household.identity.email
        }
        guard rng.chance(perMille: age < 75 ? 920 : 700) else { return "" }
        return register.emailAddresses.address(index: index, first: first.ascii, last: last.ascii, rng: &rng)
    }

    /// A mobile or a landline in the town's drama range, or nothing. Older people are likelier to
    /// give a landline, and a household member may give the household's landline.
    mutating func phone(age: Int, landlinePrefix: String, household: PersonRecord?) -> String {
        guard rng.chance(perMille: 820) else { return "" }
        if let shared = household?.identity.phone, !shared.isEmpty, !shared.hasPrefix("07"), rng.chance(perMille: 500) {
            return shared
        }
        let suffix = Digits.padded(rng.below(1000), width: 3)
        if rng.chance(perMille: age < 75 ? 720 : 450) { return Town.mobilePrefix + suffix }
        return landlinePrefix + suffix
    }
}
