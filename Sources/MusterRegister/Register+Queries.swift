public import MusterCore
public import MusterStore
import MusterLedger

/// A person as shown to someone allowed to see them.
public struct PersonDetails: Sendable, Equatable {
    public var number: String
    /// The full record, identity decrypted.
    public var record: PersonRecord
    public var membership: Membership
}

/// What `show` finds: a person, or the fact that they were erased.
public enum PersonView: Sendable, Equatable {
    case present(PersonDetails)
    case erased(number: String, at: Timestamp)
}

/// An exact-match search.
public enum SearchQuery: Sendable {
    case email(String)
    case phone(String)
    case postcodeAndLastName(postcode: String, lastName: String)
}

extension Register {
    /// One person by membership number, decrypted. The disclosure is on the ledger before the
    /// data is returned.
    public func person(number: String, disclosure: Disclosure) async throws -> PersonView {
        let cipher = try cipher()
        let (view, id) = try await store.lookup { tx -> (PersonView, SubjectID?) in
            let row = try Register.requirePerson(number, in: tx)
            if let erasedAt = row.erasedAt { return (.erased(number: row.number, at: erasedAt), nil) }
            return (.present(try Register.details(row, cipher: cipher, tx: tx)), row.id)
        }
        if let id { try await recordDisclosure(disclosure, of: [id]) }
        return view
    }

    /// Everyone matching an exact value (shared emails return the whole household), each
    /// disclosure recorded before the data is returned.
    /// `within`, when given, confines the results to people in those branches (a branch
    /// officer's patch): others are neither returned nor recorded as disclosed.
    public func find(_ query: SearchQuery, disclosure: Disclosure, within branches: Set<String>? = nil) async throws -> [PersonDetails] {
        let cipher = try cipher()
        let keys = cipher.keyring.blindIndexes
        let lookup: (BlindIndexKind, [UInt8])?
        switch query {
        case .email(let email): lookup = MatchKey.email(email).map { (.email, keys.email.digest($0)) }
        case .phone(let phone): lookup = MatchKey.phone(phone).map { (.phone, keys.phone.digest($0)) }
        case .postcodeAndLastName(let postcode, let lastName):
            lookup = MatchKey.postcodeAndLastName(postcode: postcode, lastName: lastName)
                .map { (.postcodeAndLastName, keys.postcodeAndLastName.digest($0)) }
        }
        guard let (kind, digest) = lookup else { throw RegisterError(.invalid, "the search value is empty") }
        let found = try await store.lookup { tx in
            try tx.people(index: kind, digest: digest)
                .filter { row in row.erasedAt == nil && branches.map { $0.contains(row.record.branch) } ?? true }
                .map { ($0.id, try Register.details($0, cipher: cipher, tx: tx)) }
        }
        try await recordDisclosure(disclosure, of: found.map(\.0))
        return found.map(\.1)
    }

    /// Counts by category × status and by region. Needs no keys.
    public func statistics() async throws -> RegisterCounts {
        try await store.read { try $0.counts() }
    }

    /// Who may vote under `rule`: computed from clear columns only, so it needs no keys.
    public func eligibility(_ rule: EligibilityRule) async throws -> EligibilityReport {
        try rule.validate()
        return try await store.read { tx in
            var report = EligibilityReport()
            try tx.forEachPerson(.everyone) { row in
                guard row.erasedAt == nil else { return }
                switch rule.decide(row.membership.facts(for: row.record)) {
                case .eligible: report.eligible.append(row.number)
                case .ineligible(let reason): report.ineligible[reason, default: 0] += 1
                }
            }
            return report
        }
    }

    static func details(_ row: PersonRow, cipher: PersonCipher, tx: any StoreReading) throws -> PersonDetails {
        var record = row.record
        record.identity = try cipher.identity(of: row, in: tx)
        return PersonDetails(number: row.number, record: record, membership: row.membership)
    }
}

/// The electorate under an ``EligibilityRule``.
public struct EligibilityReport: Sendable, Equatable {
    /// Membership numbers of those who may vote, in order.
    public var eligible: [String] = []
    /// How many may not, by reason.
    public var ineligible: [EligibilityDecision.Reason: Int] = [:]
}
