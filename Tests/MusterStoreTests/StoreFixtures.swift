import MusterCore
import MusterLedger
import MusterStore

/// Rows and drafts for store tests: every column set, some deliberately empty.
enum StoreFixtures {
    static func row(_ number: String, branch: String = "North branch", region: String = "North", email: [UInt8]? = nil) -> PersonRow {
        var record = PersonRecord(
            membershipNumber: number, category: .affiliatedSupporter, status: .inArrears, identity: Identity(),
            joinDate: Day(iso: "2012-02-29"), region: region, constituency: "Somewhere", branch: branch,
            unionName: "Unite",
            dues: Dues(amountPence: 1250, frequency: .monthly, method: .directDebit),
            consents: Consents(email: true, phone: false, post: true, sms: false, updatedAt: Timestamp(iso: "2024-06-07T14:22:14Z")),
            updatedAt: Timestamp(iso: "2025-01-02T03:04:05Z"))
        record.identity = Identity()
        return PersonRow(
            id: SubjectID.random(), number: number, record: record,
            membership: Membership(statusSince: Day(iso: "2025-01-02"), continuousSince: Day(iso: "2012-02-29")),
            sealedIdentity: Array(repeating: 7, count: 40),
            indexes: BlindIndexes(email: email, phone: [1, 2, 3], postcodeAndLastName: nil), version: 1)
    }

    static func draft(_ kind: EntryKind = .create, subject: SubjectID? = SubjectID.random(), payload: [UInt8] = [1, 2, 3]) -> EntryDraft {
        EntryDraft(time: 1_700_000_000_000, actor: "test", kind: kind, subject: subject, payload: payload)
    }
}
