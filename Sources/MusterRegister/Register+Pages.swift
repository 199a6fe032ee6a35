import MusterCore
public import MusterStore
import MusterLedger

/// One page of a listing, and the cursor for the next.
public struct PersonPage: Sendable, Equatable {
    public var people: [PersonDetails]
    /// The membership number to pass as `afterNumber` for the next page; `nil` on the last.
    public var next: String?
}

extension Register {
    /// The largest page a listing returns.
    public static let maximumPageSize = 500

    /// A page of people matching `filter` (its `afterNumber` is the cursor, its `limit` the page
    /// size, at most ``maximumPageSize``), decrypted, with their disclosure on the ledger before
    /// the data is returned. Erased people are skipped (they have no data left to show).
    public func list(_ filter: PersonFilter, disclosure: Disclosure) async throws -> PersonPage {
        let cipher = try cipher()
        let size = min(max(filter.limit ?? 100, 1), Self.maximumPageSize)
        var query = filter
        query.limit = size + 1  // one more tells whether there is a next page
        let page = query
        let (rows, more, last) = try await store.read { tx -> ([(SubjectID, PersonDetails)], Bool, String?) in
            var rows: [(SubjectID, PersonDetails)] = []
            var seen = 0
            var last: String?
            try tx.forEachPerson(page) { row in
                seen += 1
                guard seen <= size else { return }
                last = row.number
                if row.erasedAt == nil { rows.append((row.id, try Register.details(row, cipher: cipher, tx: tx))) }
            }
            return (rows, seen > size, last)
        }
        try await recordDisclosure(disclosure, of: rows.map { $0.0 })
        return PersonPage(people: rows.map { $0.1 }, next: more ? last : nil)
    }

    /// The branch a person belongs to, for authorisation before anything about them is read or
    /// changed. Not a disclosure: branches are clear, non-identifying columns.
    public func branch(of number: String) async throws -> String {
        try await store.lookup { try Register.requirePerson(number, in: $0).record.branch }
    }

    /// The same register, with changes and disclosures recorded as made by `actor` (e.g.
    /// `staff:alice` for an API request). Shares the store, the ledger writer and the group
    /// commit of disclosures.
    public func acting(as actor: String) throws -> Register {
        var configuration = configuration
        configuration.actor = actor
        return try Register(sharing: self, configuration: configuration)
    }
}
