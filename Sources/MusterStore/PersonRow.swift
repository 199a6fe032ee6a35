public import MusterCore
public import MusterLedger

/// One person in the queryable projection: clear fields, the sealed identity, blind indexes.
///
/// The projection is derived from the ledger and can be rebuilt from it; it never holds an
/// identifying value in clear.
public struct PersonRow: Sendable, Equatable {
    public var id: SubjectID
    public var number: String
    /// The clear (non-identifying) fields; ``PersonRecord/identity`` is always empty here.
    public var record: PersonRecord
    public var membership: Membership
    /// The identifying fields, encrypted under the person's data key; `nil` once erased.
    public var sealedIdentity: [UInt8]?
    public var indexes: BlindIndexes
    /// When the person was erased (their data key destroyed), if they were.
    public var erasedAt: Timestamp?
    /// The sequence number of the last ledger entry that changed this row.
    public var version: UInt64

    public init(
        id: SubjectID, number: String, record: PersonRecord, membership: Membership, sealedIdentity: [UInt8]?,
        indexes: BlindIndexes, erasedAt: Timestamp? = nil, version: UInt64
    ) {
        self.id = id
        self.number = number
        self.record = record
        self.membership = membership
        self.sealedIdentity = sealedIdentity
        self.indexes = indexes
        self.erasedAt = erasedAt
        self.version = version
    }
}

/// The keyed digests that exact-match search looks up.
public struct BlindIndexes: Sendable, Equatable {
    public var email: [UInt8]?
    public var phone: [UInt8]?
    public var postcodeAndLastName: [UInt8]?

    public init(email: [UInt8]? = nil, phone: [UInt8]? = nil, postcodeAndLastName: [UInt8]? = nil) {
        self.email = email
        self.phone = phone
        self.postcodeAndLastName = postcodeAndLastName
    }

    public static let none = BlindIndexes()
}

/// Which blind index a search uses.
public enum BlindIndexKind: String, Sendable, CaseIterable {
    case email
    case phone
    case postcodeAndLastName = "postcode_name"
}

/// A selection of people by clear fields; `nil` means any.
public struct PersonFilter: Sendable, Equatable {
    public var branch: String?
    public var category: Category?
    public var status: Status?
    /// Only people in one of these branches (a branch officer's patch); `nil` for any branch.
    public var withinBranches: [String]?
    /// Only people whose membership number sorts after this one (a page's cursor).
    public var afterNumber: String?
    /// At most this many people.
    public var limit: Int?

    public init(
        branch: String? = nil, category: Category? = nil, status: Status? = nil, withinBranches: [String]? = nil,
        afterNumber: String? = nil, limit: Int? = nil
    ) {
        self.branch = branch
        self.category = category
        self.status = status
        self.withinBranches = withinBranches
        self.afterNumber = afterNumber
        self.limit = limit
    }

    public static let everyone = PersonFilter()

    /// The SQL conditions and their values, with `placeholder(i)` naming the i-th value (from 1):
    /// shared by both backends so they select exactly the same people.
    public func sqlConditions(placeholder: (Int) -> String) -> (whereClause: String, values: [String], limit: String) {
        var conditions: [String] = []
        var values: [String] = []
        func add(_ column: String, _ op: String, _ value: String) {
            values.append(value)
            conditions.append("\(column) \(op) \(placeholder(values.count))")
        }
        if let branch { add("branch", "=", branch) }
        if let category { add("category", "=", category.rawValue) }
        if let status { add("status", "=", status.rawValue) }
        if let afterNumber { add("number", ">", afterNumber) }
        if let withinBranches {
            if withinBranches.isEmpty {
                conditions.append("1 = 0")
            } else {
                let start = values.count
                values += withinBranches
                conditions.append("branch IN (" + (start + 1...values.count).map(placeholder).joined(separator: ", ") + ")")
            }
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return (whereClause, values, limit.map { " LIMIT \(max(0, $0))" } ?? "")
    }
}

/// Counts by category and status, and by region.
public struct RegisterCounts: Sendable, Equatable {
    public var byCategoryAndStatus: [CategoryStatus: Int]
    public var byRegion: [String: Int]
    public var erased: Int

    public struct CategoryStatus: Sendable, Hashable {
        public var category: Category
        public var status: Status

        public init(_ category: Category, _ status: Status) {
            self.category = category
            self.status = status
        }
    }

    public init(byCategoryAndStatus: [CategoryStatus: Int] = [:], byRegion: [String: Int] = [:], erased: Int = 0) {
        self.byCategoryAndStatus = byCategoryAndStatus
        self.byRegion = byRegion
        self.erased = erased
    }

    public var total: Int { byCategoryAndStatus.values.reduce(0, +) }
}
