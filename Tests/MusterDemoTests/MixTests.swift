import MusterCore
import MusterDemo
import Testing

/// The make-up of the register follows design.md.
@Suite(.fixturesBuilt) struct MixTests {
    /// design.md's shares (55/25/20) with 4% of contacts taken proportionally from them.
    @Test(arguments: [
        (MusterCore.Category.member, 52.8), (.affiliatedSupporter, 24.0), (.registeredSupporter, 19.2), (.contact, 4.0),
    ])
    func categoryShares(category: MusterCore.Category, target: Double) {
        let share = Fixture.percent(Fixture.people) { $0.category == category }
        #expect(abs(share - target) <= 3, "\(category.rawValue): \(share)%")
    }

    @Test func contactsAreASmallShare() {
        let share = Fixture.percent(Fixture.people) { $0.category == .contact }
        #expect((3...5).contains(share))
    }

    @Test func mostPeopleAreActiveAndEveryStatusOccurs() {
        let active = Fixture.percent(Fixture.people) { $0.status == .active }
        #expect((67...73).contains(active))
        let seen = Set(Fixture.people.map(\.status))
        #expect(seen == Set(Status.allCases))
        let rare = Fixture.percent(Fixture.people) { [.suspended, .expelled, .deceased].contains($0.status) }
        #expect(rare > 0.5 && rare < 5)
    }

    @Test func affiliatedSupportersCarryTheirUnion() {
        let affiliated = Fixture.people.filter { $0.category == .affiliatedSupporter }
        #expect(!affiliated.isEmpty)
        for person in affiliated {
            #expect(!person.unionName.isEmpty)
            #expect(Self.isUnionNumber(person.identity.unionMembershipNumber))
            #expect(person.dues == Dues(amountPence: 0, frequency: .none, method: .unionLevy))
        }
        let unions = Set(affiliated.map(\.unionName))
        #expect(unions.count == 12)
        #expect(unions.contains("Musicians' Union"))
    }

    @Test func someMembersAreInAUnionAndNobodyElseIs() {
        let members = Fixture.people.filter { $0.category == .member }
        let inUnion = Fixture.percent(members) { !$0.unionName.isEmpty }
        #expect((20...30).contains(inUnion))
        for person in Fixture.people where person.category == .registeredSupporter || person.category == .contact {
            #expect(person.unionName.isEmpty && person.identity.unionMembershipNumber.isEmpty)
        }
        for person in members {
            #expect(person.unionName.isEmpty == person.identity.unionMembershipNumber.isEmpty)
        }
    }

    @Test func duesMatchTheCategory() {
        for person in Fixture.people {
            let dues = person.dues
            switch person.category {
            case .member:
                #expect(dues.amountPence > 0)
                #expect(dues.frequency == .monthly || dues.frequency == .annual)
                #expect([.directDebit, .card, .standingOrder, .cheque].contains(dues.method))
                if dues.frequency == .monthly { #expect(dues.amountPence <= 1_000) }
            case .affiliatedSupporter:
                #expect(dues.method == .unionLevy)
            case .registeredSupporter:
                #expect(dues.frequency == .oneOff && dues.method == .card)
                #expect(dues.amountPence == 2_500 || dues.amountPence == 300)
            case .contact:
                #expect(dues == Dues(amountPence: 0, frequency: .none, method: nil))
            }
        }
        let members = Fixture.people.filter { $0.category == .member }
        #expect(members.contains { $0.dues.frequency == .annual && $0.dues.method == .cheque })
    }

    /// Two capital letters and eight digits, as in the sample ("AS00872248").
    static func isUnionNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[0..<2].allSatisfy { (65...90).contains($0) }
            && bytes[2...].allSatisfy { (48...57).contains($0) }
    }
}
