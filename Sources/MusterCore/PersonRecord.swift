/// One person as the register CSV describes them: the unit of import, export, create and update.
///
/// Identifying fields live in ``identity`` and are only ever stored encrypted; everything else is
/// kept in clear so the register can count, filter and compute eligibility without decrypting.
public struct PersonRecord: Sendable, Equatable {
    /// The organisation's number for the person; `nil` until one is assigned.
    public var membershipNumber: String?
    public var category: Category
    public var status: Status
    /// Held in a shared box, copied on write (see ``IdentityBox``).
    public var identity: Identity {
        get { identityBox.identity }
        _modify {
            if !isKnownUniquelyReferenced(&identityBox) { identityBox = IdentityBox(identityBox.identity) }
            yield &identityBox.identity
        }
    }
    private var identityBox: IdentityBox
    public var joinDate: Day?
    public var region: String
    public var constituency: String
    public var branch: String
    public var unionName: String
    public var dues: Dues
    public var consents: Consents
    public var updatedAt: Timestamp?

    public init(
        membershipNumber: String? = nil, category: Category, status: Status, identity: Identity,
        joinDate: Day? = nil, region: String = "", constituency: String = "", branch: String = "",
        unionName: String = "", dues: Dues = Dues(), consents: Consents = Consents(), updatedAt: Timestamp? = nil
    ) {
        self.membershipNumber = membershipNumber
        self.category = category
        self.status = status
        self.identityBox = identity == Identity() ? IdentityBox.empty : IdentityBox(identity)
        self.joinDate = joinDate
        self.region = region
        self.constituency = constituency
        self.branch = branch
        self.unionName = unionName
        self.dues = dues
        self.consents = consents
        self.updatedAt = updatedAt
    }
}

extension PersonRecord {
    /// Equal records have equal fields (the box itself is no field).
    public static func == (a: PersonRecord, b: PersonRecord) -> Bool {
        a.membershipNumber == b.membershipNumber && a.category == b.category && a.status == b.status
            && (a.identityBox === b.identityBox || a.identity == b.identity) && a.joinDate == b.joinDate
            && a.region == b.region && a.constituency == b.constituency && a.branch == b.branch && a.unionName == b.unionName
            && a.dues == b.dues && a.consents == b.consents && a.updatedAt == b.updatedAt
    }
}

/// A record's identity, out of line. The projection's records never hold one (it is sealed
/// apart), and held inline its fourteen empty strings were half of every row: `ledger verify`
/// holds 430,000 replayed rows, and moved, copied and paged in the empty identities with them.
/// Empty records share one box; a record's first change to its identity gives it its own.
/// Only ever mutated while uniquely referenced (``PersonRecord/identity``'s `_modify`), hence
/// `@unchecked Sendable`.
private final class IdentityBox: @unchecked Sendable {
    var identity: Identity

    /// The one box of the empty identity, shared until a record changes its identity.
    static let empty = IdentityBox(Identity())

    init(_ identity: Identity) {
        self.identity = identity
    }
}

/// The identifying part of a record: encrypted as one unit under the person's data key.
public struct Identity: Sendable, Equatable {
    public var title: String = ""
    public var firstName: String = ""
    public var lastName: String = ""
    public var email: String = ""
    public var phone: String = ""
    public var addressLine1: String = ""
    public var addressLine2: String = ""
    public var addressLine3: String = ""
    public var town: String = ""
    public var county: String = ""
    public var postcode: String = ""
    public var dateOfBirth: Day? = nil
    public var unionMembershipNumber: String = ""
    public var notes: String = ""

    public init() {}
}

/// How often dues are paid.
public enum DuesFrequency: String, Sendable, CaseIterable {
    case monthly
    case annual
    case oneOff = "one_off"
    case none
}

/// How dues are paid.
public enum PaymentMethod: String, Sendable, CaseIterable {
    case directDebit = "direct_debit"
    case card
    case cheque
    case standingOrder = "standing_order"
    case unionLevy = "union_levy"
}

/// A person's dues: an amount in pence (exact, never floating point), how often, and how.
public struct Dues: Sendable, Equatable {
    public var amountPence: Int
    public var frequency: DuesFrequency
    public var method: PaymentMethod?

    public init(amountPence: Int = 0, frequency: DuesFrequency = .none, method: PaymentMethod? = nil) {
        self.amountPence = amountPence
        self.frequency = frequency
        self.method = method
    }
}

/// Contact consents, and when they were last changed.
public struct Consents: Sendable, Equatable {
    public var email: Bool
    public var phone: Bool
    public var post: Bool
    public var sms: Bool
    public var updatedAt: Timestamp?

    public init(email: Bool = false, phone: Bool = false, post: Bool = false, sms: Bool = false, updatedAt: Timestamp? = nil) {
        self.email = email
        self.phone = phone
        self.post = post
        self.sms = sms
        self.updatedAt = updatedAt
    }
}
