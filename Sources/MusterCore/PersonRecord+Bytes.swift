/// Setting a field from the UTF-8 bytes of its text, for decoders that hold bytes: replaying
/// the ledger sets every clear field of every person, and building a `String` per field only
/// to parse it again was a fifth of `ledger verify`.
extension PersonRecord {
    /// Exactly ``set(_:text:)`` with the text `bytes` decode to: the same value, or the same
    /// error.
    ///
    /// Canonical values (as ``text(of:)`` writes them) are decided on the bytes; anything else
    /// takes the `String` path. The shortcut cannot disagree with that path: each one accepts
    /// only ASCII that ``Text/tidy(_:)`` and the case folding of ``set(_:text:)`` leave as it is
    /// (dates, times, amounts, flags and enumeration values hold no white space and no upper
    /// case; plain texts must pass ``Text/isTidyASCII(utf8:)``), and parses it with the same
    /// parser or an exact match of a raw value.
    public mutating func set(_ field: Field, utf8 bytes: UnsafeBufferPointer<UInt8>) throws(DomainError) {
        if setCanonical(field, bytes) { return }
        try set(field, text: String(decoding: bytes, as: UTF8.self))
    }

    /// Sets `field` when `bytes` are a canonical value of it; `false` (changing nothing) otherwise.
    private mutating func setCanonical(_ field: Field, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch field {
        case .membershipNumber:
            if bytes.isEmpty {
                membershipNumber = nil
                return true
            }
            guard bytes.count <= 32,
                bytes.allSatisfy({ Text.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") })
            else { return false }
            membershipNumber = String(decoding: bytes, as: UTF8.self)
        case .category:
            guard let value = Self.categories.value(bytes) else { return false }
            category = value
        case .status:
            guard let value = Self.statuses.value(bytes) else { return false }
            status = value
        case .joinDate:
            guard let day = Self.day(bytes) else { return false }
            joinDate = day
        case .region, .constituency, .branch, .unionName:
            // Each is limited to 100 characters; tidy ASCII has one byte per character.
            guard bytes.isEmpty || (bytes.count <= 100 && Text.isTidyASCII(utf8: bytes)) else { return false }
            let text = String(decoding: bytes, as: UTF8.self)
            switch field {
            case .region: region = text
            case .constituency: constituency = text
            case .branch: branch = text
            default: unionName = text
            }
        case .duesAmount:
            guard let pence = bytes.isEmpty ? 0 : Money.parse(penceUTF8: bytes) else { return false }
            dues.amountPence = pence
        case .duesFrequency:
            if bytes.isEmpty {
                dues.frequency = .none
                return true
            }
            guard let value = Self.frequencies.value(bytes) else { return false }
            dues.frequency = value
        case .paymentMethod:
            if bytes.isEmpty {
                dues.method = nil
                return true
            }
            guard let value = Self.methods.value(bytes) else { return false }
            dues.method = value
        case .consentEmail, .consentPhone, .consentPost, .consentSMS:
            guard bytes.count == 1, bytes[0] == UInt8(ascii: "Y") || bytes[0] == UInt8(ascii: "N") else { return false }
            let given = bytes[0] == UInt8(ascii: "Y")
            switch field {
            case .consentEmail: consents.email = given
            case .consentPhone: consents.phone = given
            case .consentPost: consents.post = given
            default: consents.sms = given
            }
        case .consentUpdatedAt:
            guard let stamp = Self.timestamp(bytes) else { return false }
            consents.updatedAt = stamp
        case .updatedAt:
            guard let stamp = Self.timestamp(bytes) else { return false }
            updatedAt = stamp
        default:
            // Identifying fields are never in clear where bytes are decoded: the `String` path.
            return false
        }
        return true
    }

    /// An empty day (`.some(nil)`) or a valid one; `nil` when the bytes are neither.
    private static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day?? {
        if bytes.isEmpty { return .some(nil) }
        return Day(isoUTF8: bytes).map { .some($0) }
    }

    private static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp?? {
        if bytes.isEmpty { return .some(nil) }
        return Timestamp(isoUTF8: bytes).map { .some($0) }
    }

    private static let categories = RawNames<Category>()
    private static let statuses = RawNames<Status>()
    private static let frequencies = RawNames<DuesFrequency>()
    private static let methods = RawNames<PaymentMethod>()
}
