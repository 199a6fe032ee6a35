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
        guard let value = ClearValue(field, canonical: bytes) else { return false }
        set(field, value)
        return true
    }

    /// Sets `field` to `value`, a value of that field (``ClearValue/init(_:canonical:)`` made it).
    private mutating func set(_ field: Field, _ value: ClearValue) {
        switch (field, value) {
        case (.membershipNumber, .text(let bytes)): membershipNumber = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        case (.category, .category(let value)): category = value
        case (.status, .status(let value)): status = value
        case (.joinDate, .day(let day)): joinDate = day
        case (.region, .text(let bytes)): region = String(decoding: bytes, as: UTF8.self)
        case (.constituency, .text(let bytes)): constituency = String(decoding: bytes, as: UTF8.self)
        case (.branch, .text(let bytes)): branch = String(decoding: bytes, as: UTF8.self)
        case (.unionName, .text(let bytes)): unionName = String(decoding: bytes, as: UTF8.self)
        case (.duesAmount, .pence(let pence)): dues.amountPence = pence
        case (.duesFrequency, .frequency(let value)): dues.frequency = value
        case (.paymentMethod, .method(let value)): dues.method = value
        case (.consentEmail, .flag(let given)): consents.email = given
        case (.consentPhone, .flag(let given)): consents.phone = given
        case (.consentPost, .flag(let given)): consents.post = given
        case (.consentSMS, .flag(let given)): consents.sms = given
        case (.consentUpdatedAt, .timestamp(let stamp)): consents.updatedAt = stamp
        case (.updatedAt, .timestamp(let stamp)): updatedAt = stamp
        default: preconditionFailure("a value that is not one of \(field.rawValue)")
        }
    }

    /// Whether `field` holds `value` already: setting it would change nothing. What `ledger
    /// verify` asks of a stored row (see `StoredPerson`), without making the record a payload
    /// gives. Only the clear fields ``ClearValue`` covers can hold one.
    public func holds(_ field: Field, _ value: ClearValue) -> Bool {
        switch (field, value) {
        case (.membershipNumber, .text(let bytes)): bytes.isEmpty ? membershipNumber == nil : Self.same(membershipNumber, bytes)
        case (.category, .category(let value)): category == value
        case (.status, .status(let value)): status == value
        case (.joinDate, .day(let day)): joinDate == day
        case (.region, .text(let bytes)): Self.same(region, bytes)
        case (.constituency, .text(let bytes)): Self.same(constituency, bytes)
        case (.branch, .text(let bytes)): Self.same(branch, bytes)
        case (.unionName, .text(let bytes)): Self.same(unionName, bytes)
        case (.duesAmount, .pence(let pence)): dues.amountPence == pence
        case (.duesFrequency, .frequency(let value)): dues.frequency == value
        case (.paymentMethod, .method(let value)): dues.method == value
        case (.consentEmail, .flag(let given)): consents.email == given
        case (.consentPhone, .flag(let given)): consents.phone == given
        case (.consentPost, .flag(let given)): consents.post == given
        case (.consentSMS, .flag(let given)): consents.sms == given
        case (.consentUpdatedAt, .timestamp(let stamp)): consents.updatedAt == stamp
        case (.updatedAt, .timestamp(let stamp)): updatedAt == stamp
        default: false
        }
    }

    private static func same(_ text: String?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let text else { return false }
        return text.utf8.elementsEqual(bytes)
    }

    /// Calls `body` with `field`'s value, as the ``ClearValue`` its canonical text gives; `nil`
    /// for a field ``ClearValue`` does not cover (the identifying ones).
    public func withClearValue<R>(of field: Field, _ body: (ClearValue?) throws -> R) rethrows -> R {
        func withText(_ text: String) throws -> R {
            var text = text
            return try text.withUTF8 { try body(.text($0)) }
        }
        switch field {
        case .membershipNumber: return try withText(membershipNumber ?? "")
        case .category: return try body(.category(category))
        case .status: return try body(.status(status))
        case .joinDate: return try body(.day(joinDate))
        case .region: return try withText(region)
        case .constituency: return try withText(constituency)
        case .branch: return try withText(branch)
        case .unionName: return try withText(unionName)
        case .duesAmount: return try body(.pence(dues.amountPence))
        case .duesFrequency: return try body(.frequency(dues.frequency))
        case .paymentMethod: return try body(.method(dues.method))
        case .consentEmail: return try body(.flag(consents.email))
        case .consentPhone: return try body(.flag(consents.phone))
        case .consentPost: return try body(.flag(consents.post))
        case .consentSMS: return try body(.flag(consents.sms))
        case .consentUpdatedAt: return try body(.timestamp(consents.updatedAt))
        case .updatedAt: return try body(.timestamp(updatedAt))
        default: return try body(nil)
        }
    }
}
