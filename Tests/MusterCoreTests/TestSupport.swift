import Testing
@testable import MusterCore

/// A day from a literal the test knows is valid; a typo fails loudly.
func day(_ text: String, sourceLocation: StaticString = #fileID, line: UInt = #line) -> Day {
    guard let value = Day(iso: text) else { fatalError("bad test date \(text) at \(sourceLocation):\(line)") }
    return value
}

/// A timestamp from a literal the test knows is valid.
func stamp(_ text: String) -> Timestamp {
    guard let value = Timestamp(iso: text) else { fatalError("bad test timestamp \(text)") }
    return value
}

/// The code a throwing domain call fails with, or `nil` when it succeeds.
func domainErrorCode(_ body: () throws -> Void) -> DomainError.Code? {
    domainError(body)?.code
}

/// The error a throwing domain call fails with, or `nil` when it succeeds.
func domainError(_ body: () throws -> Void) -> DomainError? {
    do {
        try body()
        return nil
    } catch let error as DomainError {
        return error
    } catch {
        Issue.record("expected a DomainError, got \(error)")
        return nil
    }
}

/// A complete, valid record with every field filled in (and none at its default).
func fullRecord() -> PersonRecord {
    var identity = Identity()
    identity.title = "Dr"
    identity.firstName = "Siobhán"
    identity.lastName = "O’Brien-Smith"
    identity.email = "pking@hotmail.co.uk"
    identity.phone = "07946 605397"
    identity.addressLine1 = "112 Park Road"
    identity.addressLine2 = "Castle Heights"
    identity.addressLine3 = "Flat 3"
    identity.town = "London"
    identity.county = "Greater London"
    identity.postcode = "N7 2BJ"
    identity.dateOfBirth = day("1987-06-17")
    identity.unionMembershipNumber = "AS00872248"
    identity.notes = "  Rejoined after lapse.\r\nSaid \"call after 6\", prefers post;  \n"
    return PersonRecord(
        membershipNumber: "M1012345", category: .affiliatedSupporter, status: .inArrears, identity: identity,
        joinDate: day("2018-03-28"), region: "London", constituency: "Edmonton and Winchmore Hill",
        branch: "Edmonton and Winchmore Hill Market branch", unionName: "ASLEF",
        dues: Dues(amountPence: 450, frequency: .monthly, method: .unionLevy),
        consents: Consents(email: true, phone: false, post: true, sms: true, updatedAt: stamp("2020-08-25T17:06:05Z")),
        updatedAt: stamp("2022-10-12T10:22:54Z"))
}
