import Testing
@testable import MusterCore

struct StatusTests {
    typealias R = Status.ReasonRequirement

    /// The lifecycle as agreed, written out independently of the code so that any change to the
    /// table is a deliberate one.
    static let agreedTable: [Status: [Status: R]] = [
        .pending: [.active: .optional, .lapsed: .optional, .resigned: .optional, .deceased: .optional],
        .active: [
            .inArrears: .optional, .lapsed: .optional, .suspended: .required, .resigned: .optional,
            .expelled: .required, .deceased: .optional,
        ],
        .inArrears: [
            .active: .optional, .lapsed: .optional, .suspended: .required, .resigned: .optional,
            .expelled: .required, .deceased: .optional,
        ],
        .lapsed: [.active: .optional, .pending: .optional, .resigned: .optional, .deceased: .optional],
        .suspended: [
            .active: .required, .lapsed: .optional, .resigned: .optional, .expelled: .required, .deceased: .optional,
        ],
        .resigned: [.pending: .optional, .active: .optional, .deceased: .optional],
        .expelled: [.pending: .required, .deceased: .optional],
        .deceased: [:],
    ]

    @Test func rawValuesAreTheCSVValues() {
        #expect(Status.allCases.map(\.rawValue) == [
            "pending", "active", "in_arrears", "lapsed", "suspended", "resigned", "expelled", "deceased",
        ])
        #expect(Category.allCases.map(\.rawValue) == [
            "member", "affiliated_supporter", "registered_supporter", "contact",
        ])
    }

    @Test func errorCodesAreStable() {
        #expect(DomainError.Code.statusUnchanged.rawValue == "status_unchanged")
        #expect(DomainError.Code.transitionNotAllowed.rawValue == "transition_not_allowed")
        #expect(DomainError.Code.reasonRequired.rawValue == "reason_required")
        #expect(DomainError.Code.invalidValue.rawValue == "invalid_value")
        #expect(DomainError.Code.missingValue.rawValue == "missing_value")
        #expect(DomainError.Code.unknownField.rawValue == "unknown_field")
        #expect(DomainError(.invalidValue, "x is bad").description == "x is bad")
    }

    @Test(arguments: Status.allCases)
    func allowedTransitionsMatchTheAgreedTable(status: Status) {
        #expect(status.allowedTransitions == Self.agreedTable[status])
        #expect(status.allowedTransitions[status] == nil, "no status lists itself")
    }

    @Test func goodStandingAndFinality() {
        #expect(Status.allCases.filter(\.isGoodStanding) == [.active, .inArrears])
        #expect(Status.allCases.filter(\.isFinal) == [.deceased])
    }

    @Test func deceasedIsReachableFromEveryOtherStatus() {
        for status in Status.allCases where status != .deceased {
            #expect(status.allowedTransitions[.deceased] == .optional)
        }
    }

    /// Every one of the 64 ordered pairs, with no reason, an empty one, a blank one and a real one.
    @Test(arguments: Status.allCases, Status.allCases)
    func validateFollowsTheTable(from: Status, to: Status) {
        let reasons: [String?] = [nil, "", "   ", " \t\n ", "Breach of rule 2.I.8"]
        for reason in reasons {
            let code = domainErrorCode { try StatusChange(from: from, to: to, reason: reason).validate() }
            let hasReason = reason == "Breach of rule 2.I.8"
            let expected: DomainError.Code?
            if from == to {
                expected = .statusUnchanged
            } else if from == .deceased {
                expected = .transitionNotAllowed
            } else if let requirement = Self.agreedTable[from]?[to] {
                expected = requirement == .required && !hasReason ? .reasonRequired : nil
            } else {
                expected = .transitionNotAllowed
            }
            #expect(code == expected, "\(from) -> \(to) with reason \(String(describing: reason))")
            // And the table in the code says the same.
            if from != to {
                let allowedByCode = from.allowedTransitions[to] != nil
                #expect(allowedByCode == (code != .transitionNotAllowed))
            }
        }
    }

    @Test func countOfAllowedPairs() {
        var allowed = 0
        for from in Status.allCases {
            for to in Status.allCases {
                if domainErrorCode({ try StatusChange(from: from, to: to, reason: "recorded").validate() }) == nil {
                    allowed += 1
                }
            }
        }
        #expect(allowed == Self.agreedTable.values.map(\.count).reduce(0, +))
        #expect(allowed == 30)
    }

    @Test func deceasedIsFinal() {
        for to in Status.allCases where to != .deceased {
            let error = domainError { try StatusChange(from: .deceased, to: to, reason: "clerical error").validate() }
            #expect(error?.code == .transitionNotAllowed)
            #expect(error?.message.contains("final") == true)
        }
        #expect(domainErrorCode { try StatusChange(from: .deceased, to: .deceased, reason: nil).validate() } == .statusUnchanged)
    }

    @Test(arguments: [Status.active, .inArrears, .suspended])
    func expulsionNeedsAReason(from: Status) {
        for blank in [nil, "", " ", "\n\t", "\u{00A0}", "\u{2003}"] as [String?] {
            let error = domainError { try StatusChange(from: from, to: .expelled, reason: blank).validate() }
            #expect(error?.code == .reasonRequired, "reason \(String(describing: blank))")
            #expect(error?.message == "a change from \(from.rawValue) to expelled needs a reason")
        }
        #expect(domainErrorCode { try StatusChange(from: from, to: .expelled, reason: "x").validate() } == nil)
        #expect(domainErrorCode { try StatusChange(from: from, to: .expelled, reason: "  x  ").validate() } == nil)
    }

    @Test func expelledMayOnlyBeReadmittedWithAReason() {
        #expect(domainErrorCode { try StatusChange(from: .expelled, to: .active, reason: "appeal upheld").validate() }
            == .transitionNotAllowed)
        #expect(domainErrorCode { try StatusChange(from: .expelled, to: .pending, reason: nil).validate() }
            == .reasonRequired)
        #expect(domainErrorCode { try StatusChange(from: .expelled, to: .pending, reason: "appeal upheld").validate() }
            == nil)
    }

    @Test func statusUnchangedComesBeforeAnyOtherRule() {
        for status in Status.allCases {
            let error = domainError { try StatusChange(from: status, to: status, reason: nil).validate() }
            #expect(error?.code == .statusUnchanged)
            #expect(error?.message == "status is already \(status.rawValue)")
        }
    }

    // MARK: continuousSince

    @Test func movingBetweenActiveAndArrearsKeepsTheStart() {
        let start = day("2019-05-01")
        let on = day("2024-06-07")
        #expect(StatusChange(from: .active, to: .inArrears, reason: nil).continuousSince(before: start, on: on) == start)
        #expect(StatusChange(from: .inArrears, to: .active, reason: nil).continuousSince(before: start, on: on) == start)
        // Unknown start while in good standing: the best evidence is the day of the change.
        #expect(StatusChange(from: .active, to: .inArrears, reason: nil).continuousSince(before: nil, on: on) == on)
    }

    @Test(arguments: [Status.pending, .lapsed, .suspended, .resigned, .expelled])
    func returningToGoodStandingStartsANewPeriod(from: Status) {
        let old = day("2010-01-01")
        let on = day("2024-06-07")
        #expect(StatusChange(from: from, to: .active, reason: "r").continuousSince(before: old, on: on) == on)
        #expect(StatusChange(from: from, to: .active, reason: "r").continuousSince(before: nil, on: on) == on)
        #expect(StatusChange(from: from, to: .inArrears, reason: "r").continuousSince(before: old, on: on) == on)
    }

    @Test(arguments: Status.allCases, [Status.pending, .lapsed, .suspended, .resigned, .expelled, .deceased])
    func leavingGoodStandingClears(from: Status, to: Status) {
        let change = StatusChange(from: from, to: to, reason: "r")
        #expect(change.continuousSince(before: day("2010-01-01"), on: day("2024-06-07")) == nil)
        #expect(change.continuousSince(before: nil, on: day("2024-06-07")) == nil)
    }
}
