import MusterCore

/// Builds one person from their own random stream. Each concern (names, place, dates, dues) is
/// an extension in its own file; this file fixes the order in which they draw from the stream,
/// which is part of what makes a seed reproducible: reorder the steps and every register changes.
struct PersonBuilder {
    let register: DemoRegister
    let index: Int
    var rng: SplitMix64

    init(register: DemoRegister, index: Int) {
        self.register = register
        self.index = index
        self.rng = register.stream(for: index)
        _ = rng.below(1000)  // the household roll, already read by DemoRegister.householdRoll
    }

    /// The person; `household` is the previous person when this one lives with them.
    mutating func build(household: PersonRecord?) -> PersonRecord {
        let category = Shares.category.pick(&rng)
        let status = Shares.status(for: category).pick(&rng)
        let gender = Shares.gender.pick(&rng)
        let age = rng.int(in: Shares.ageBand.pick(&rng))

        var record = PersonRecord(
            membershipNumber: register.membershipNumbers.number(for: index), category: category, status: status,
            identity: Identity())
        let (first, last) = names(gender: gender, household: household)
        record.identity.firstName = first.text
        record.identity.lastName = last.text
        record.identity.title = title(gender: gender, age: age)

        let born = dateOfBirth(age: age)
        record.identity.dateOfBirth = born
        let landlinePrefix: String
        if let household {
            landlinePrefix = moveIn(&record, with: household)
        } else {
            landlinePrefix = placeAndAddress(&record)
        }
        record.joinDate = joinDate(category: category, status: status, born: born)

        setUnionAndDues(&record)
        record.identity.email = email(first: first, last: last, age: age, household: household)
        let phone = phone(age: age, landlinePrefix: landlinePrefix, household: household)
        record.identity.phone = phone
        setConsents(&record, mobile: phone.hasPrefix("07"), born: born)
        record.identity.notes = notes()
        return record
    }

    /// About 5% of people carry a staff note, sometimes two run together.
    mutating func notes() -> String {
        guard rng.chance(perMille: 50) else { return "" }
        let note = rng.pick(Notes.all)
        guard rng.chance(perMille: 200) else { return note }
        let second = rng.pick(Notes.all)
        return second == note ? note : note + " " + second
    }
}
