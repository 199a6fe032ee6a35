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

    /// The stable field number used in the binary record encoding.
    public var tag: UInt8 { Field.tags[self]! }

    private static let tags: [Field: UInt8] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, UInt8($0 + 1)) })

    /// The field with a given stable number.
    public init?(tag: UInt8) {
        let index = Int(tag) - 1
        guard Field.allCases.indices.contains(index) else { return nil }
        self = Field.allCases[index]
    }

    /// The CSV column order used for exports.
    public static let csvOrder: [Field] = allCases
}
