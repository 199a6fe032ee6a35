/// Every field of a register record, named as in the register CSV.
///
/// The raw value is the CSV column name. ``isIdentifying`` decides what is encrypted under the
/// person's data key (see `register-csv.md`); ``tag`` is the field's stable number in the binary
/// record encoding, so it must never be reused or changed once shipped.
public enum Field: String, Sendable, CaseIterable, Hashable {
    case membershipNumber = "membership_number"
    case category
    case status
    case title
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case phone
    case addressLine1 = "address_line1"
    case addressLine2 = "address_line2"
    case addressLine3 = "address_line3"
    case town
    case county
    case postcode
    case dateOfBirth = "date_of_birth"
    case joinDate = "join_date"
    case region
    case constituency
    case branch
    case unionName = "union_name"
    case unionMembershipNumber = "union_membership_number"
    case duesAmount = "dues_amount"
    case duesFrequency = "dues_frequency"
    case paymentMethod = "payment_method"
    case consentEmail = "consent_email"
    case consentPhone = "consent_phone"
    case consentPost = "consent_post"
    case consentSMS = "consent_sms"
    case consentUpdatedAt = "consent_updated_at"
    case updatedAt = "updated_at"
    case notes

    /// Whether the field identifies a person and is therefore only ever stored encrypted.
    public var isIdentifying: Bool {
        switch self {
        case .title, .firstName, .lastName, .email, .phone, .addressLine1, .addressLine2, .addressLine3,
            .town, .county, .postcode, .dateOfBirth, .unionMembershipNumber, .notes:
            return true
        default:
            return false
        }
    }

    /// The stable field number used in the binary record encoding. Written out, not derived
    /// from the declaration order, so adding or moving a case can never renumber stored data.
    public var tag: UInt8 {
        switch self {
        case .membershipNumber: 1
        case .category: 2
        case .status: 3
        case .title: 4
        case .firstName: 5
        case .lastName: 6
        case .email: 7
        case .phone: 8
        case .addressLine1: 9
        case .addressLine2: 10
        case .addressLine3: 11
        case .town: 12
        case .county: 13
        case .postcode: 14
        case .dateOfBirth: 15
        case .joinDate: 16
        case .region: 17
        case .constituency: 18
        case .branch: 19
        case .unionName: 20
        case .unionMembershipNumber: 21
        case .duesAmount: 22
        case .duesFrequency: 23
        case .paymentMethod: 24
        case .consentEmail: 25
        case .consentPhone: 26
        case .consentPost: 27
        case .consentSMS: 28
        case .consentUpdatedAt: 29
        case .updatedAt: 30
        case .notes: 31
        }
    }

    /// Every tag's field (`nil` where none has it): an array indexed by tag, as decoding looks
    /// up a tag per field of every ledger entry and a dictionary's hashing showed in profiles.
    private static let byTag: [Field?] = {
        var fields = [Field?](repeating: nil, count: 256)
        for field in allCases {
            precondition(fields[Int(field.tag)] == nil, "two fields share tag \(field.tag)")
            fields[Int(field.tag)] = field
        }
        return fields
    }()

    /// The field with a given stable number.
    public init?(tag: UInt8) {
        guard let field = Field.byTag[Int(tag)] else { return nil }
        self = field
    }

    /// The CSV column order used for exports.
    public static let csvOrder: [Field] = allCases
}
