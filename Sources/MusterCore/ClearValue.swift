/// A clear field's value, parsed from canonical bytes (as ``PersonRecord/text(of:)`` writes
/// them) and not yet set on a record: what ``PersonRecord/set(_:utf8:)`` sets when it takes
/// its shortcut, and what `ledger verify` compares with a stored column without making the
/// record a create's payload gives (``PersonRecord/holds(_:_:)``, and `StoredPerson`).
///
/// `.text` points into the bytes it was parsed from, or a string's storage: use it only while
/// they live.
public enum ClearValue {
    /// A membership number (empty: none), a region, constituency, branch or union name: exactly
    /// these bytes.
    case text(UnsafeBufferPointer<UInt8>)
    case category(Category)
    case status(Status)
    /// A join date, or none.
    case day(Day?)
    case pence(Int)
    case frequency(DuesFrequency)
    case method(PaymentMethod?)
    /// A consent, given or not.
    case flag(Bool)
    /// When consents or the record were last updated, or never.
    case timestamp(Timestamp?)

    /// The value of `field` that `bytes` give when they are canonical; `nil` when they are not,
    /// or `field` is identifying (then ``PersonRecord/set(_:text:)`` decides).
    ///
    /// Each case accepts only ASCII that ``Text/tidy(_:)`` and the case folding of `set(_:text:)`
    /// leave as it is, and parses it with that method's parser or an exact match of a raw
    /// value, so that it cannot disagree with it (see ``PersonRecord/set(_:utf8:)``).
    public init?(_ field: Field, canonical bytes: UnsafeBufferPointer<UInt8>) {
        switch field {
        case .membershipNumber:
            guard bytes.count <= 32, bytes.allSatisfy({ Text.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") })
            else { return nil }
            self = .text(bytes)
        case .category:
            guard let value = Self.categories.value(bytes) else { return nil }
            self = .category(value)
        case .status:
            guard let value = Self.statuses.value(bytes) else { return nil }
            self = .status(value)
        case .joinDate:
            guard let day = Self.day(bytes) else { return nil }
            self = .day(day)
        case .region, .constituency, .branch, .unionName:
            // Each is limited to 100 characters; tidy ASCII has one byte per character.
            guard bytes.isEmpty || (bytes.count <= 100 && Text.isTidyASCII(utf8: bytes)) else { return nil }
            self = .text(bytes)
        case .duesAmount:
            guard let pence = bytes.isEmpty ? 0 : Money.parse(penceUTF8: bytes) else { return nil }
            self = .pence(pence)
        case .duesFrequency:
            guard let value = bytes.isEmpty ? DuesFrequency.none : Self.frequencies.value(bytes) else { return nil }
            self = .frequency(value)
        case .paymentMethod:
            if bytes.isEmpty {
                self = .method(nil)
                return
            }
            guard let value = Self.methods.value(bytes) else { return nil }
            self = .method(value)
        case .consentEmail, .consentPhone, .consentPost, .consentSMS:
            guard bytes.count == 1, bytes[0] == UInt8(ascii: "Y") || bytes[0] == UInt8(ascii: "N") else { return nil }
            self = .flag(bytes[0] == UInt8(ascii: "Y"))
        case .consentUpdatedAt, .updatedAt:
            guard let stamp = Self.timestamp(bytes) else { return nil }
            self = .timestamp(stamp)
        default:
            // Identifying fields are never in clear where bytes are decoded: the `String` path.
            return nil
        }
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
