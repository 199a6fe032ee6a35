public import MusterCore

extension PersonRow {
    /// Whether `stored` agrees with this row (the one a replay of the ledger gives) on its id
    /// and on every column a replay knows: all but the blind indexes (they need the master key)
    /// and the identity (never in a row). Typed values are compared, not their texts: equal
    /// values always give equal texts (formatting every date and amount as text cost more than
    /// the rest of verification's check of the tables).
    public func sameColumns(as stored: PersonRow) -> Bool {
        Self.sameClearFields(record, stored.record) && id == stored.id && number == stored.number
            && membership == stored.membership && sealedIdentity == stored.sealedIdentity
            && erasedAt == stored.erasedAt && version == stored.version
    }

    /// The clear fields, as ``RecordCodec/clearFields`` lists them (a field added there must be
    /// added here: `ProjectionColumnsTests` checks that every clear field counts). An absent
    /// membership number reads as an empty one, as in the texts verification names a difference by.
    private static func sameClearFields(_ e: PersonRecord, _ s: PersonRecord) -> Bool {
        (e.membershipNumber ?? "") == (s.membershipNumber ?? "") && e.category == s.category && e.status == s.status
            && e.joinDate == s.joinDate && e.region == s.region && e.constituency == s.constituency && e.branch == s.branch
            && e.unionName == s.unionName && e.dues == s.dues && e.consents == s.consents && e.updatedAt == s.updatedAt
    }
}
