import MusterCore
import MusterLedger
import MusterStore

/// The column comparison of the fast projection check (see `LedgerAudit+HeldEntries.swift`).
extension LedgerAudit {
    /// Whether a stored row agrees with the replayed one on its id and on every column
    /// ``difference(_:_:)`` compares. Typed values are compared where `difference` compares
    /// texts: equal values always give equal texts, so rows this passes `difference` passes
    /// too (formatting every date and amount as text cost more than the rest of the check).
    static func sameColumns(_ expected: PersonRow, _ stored: PersonRow) -> Bool {
        sameClearFields(expected.record, stored.record) && expected.id == stored.id && expected.number == stored.number
            && expected.membership == stored.membership && expected.sealedIdentity == stored.sealedIdentity
            && expected.erasedAt == stored.erasedAt && expected.version == stored.version
    }

    /// The clear fields, as ``RecordCodec/clearFields`` lists them (a field added there must be
    /// added here: `ProjectionColumnsTests` checks that every clear field counts). An absent
    /// membership number reads as an empty one, as in the texts `difference` compares.
    private static func sameClearFields(_ e: PersonRecord, _ s: PersonRecord) -> Bool {
        (e.membershipNumber ?? "") == (s.membershipNumber ?? "") && e.category == s.category && e.status == s.status
            && e.joinDate == s.joinDate && e.region == s.region && e.constituency == s.constituency && e.branch == s.branch
            && e.unionName == s.unionName && e.dues == s.dues && e.consents == s.consents && e.updatedAt == s.updatedAt
    }
}
