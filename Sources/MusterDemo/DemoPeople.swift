import MusterCore

/// The people of a ``DemoRegister`` in index order, built lazily one at a time.
struct DemoPeople: Sequence {
    let register: DemoRegister
    let indices: Range<Int>

    func makeIterator() -> Iterator {
        Iterator(register: register, nextIndex: indices.lowerBound, end: indices.upperBound)
    }

    var underestimatedCount: Int { indices.count }

    struct Iterator: IteratorProtocol {
        let register: DemoRegister
        var nextIndex: Int
        let end: Int
        /// The person just built, kept only when the next person joins their household, so
        /// that the household is not built twice.
        var previous: PersonRecord?

        mutating func next() -> PersonRecord? {
            guard nextIndex < end else { return nil }
            let person = register.person(at: nextIndex, previous: previous)
            nextIndex += 1
            previous = nextIndex < end && register.isHouseholdMember(nextIndex) ? person : nil
            return person
        }
    }
}
