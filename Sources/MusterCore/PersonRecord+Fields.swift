/// Reading and writing a record one named field at a time, as the CSV, `muster update` and the
/// API do. Setting a field parses and validates its text; errors never echo an identifying value.
extension PersonRecord {
    /// A record with no data yet: the starting point for parsing a row.
    public static var blank: PersonRecord {
        PersonRecord(category: .contact, status: .pending, identity: Identity())
    }

    /// The field's value as the register CSV writes it.
    public func text(of field: Field) -> String {
        switch field {
        case .membershipNumber: return membershipNumber ?? ""
        case .category: return category.rawValue
        case .status: return status.rawValue
        case .title: return identity.title
        case .firstName: return identity.firstName
        case .lastName: return identity.lastName
        case .email: return identity.email
        case .phone: return identity.phone
        case .addressLine1: return identity.addressLine1
        case .addressLine2: return identity.addressLine2
        case .addressLine3: return identity.addressLine3
        case .town: return identity.town
        case .county: return identity.county
        case .postcode: return identity.postcode
        case .dateOfBirth: return identity.dateOfBirth?.description ?? ""
        case .joinDate: return joinDate?.description ?? ""
        case .region: return region
        case .constituency: return constituency
        case .branch: return branch
        case .unionName: return unionName
        case .unionMembershipNumber: return identity.unionMembershipNumber
        case .duesAmount: return Money.format(pence: dues.amountPence)
        case .duesFrequency: return dues.frequency.rawValue
        case .paymentMethod: return dues.method?.rawValue ?? ""
        case .consentEmail: return consents.email ? "Y" : "N"
        case .consentPhone: return consents.phone ? "Y" : "N"
        case .consentPost: return consents.post ? "Y" : "N"
        case .consentSMS: return consents.sms ? "Y" : "N"
        case .consentUpdatedAt: return consents.updatedAt?.description ?? ""
        case .updatedAt: return updatedAt?.description ?? ""
        case .notes: return identity.notes
        }
    }

    /// Parses `text` into the field. Surrounding spaces are dropped (except in notes); emails are
    /// lower-cased. Throws a ``DomainError`` naming the problem but never the identifying value.
    public mutating func set(_ field: Field, text raw: String) throws(DomainError) {
        let text = field == .notes ? raw : Text.tidy(raw)
        switch field {
        case .membershipNumber:
            if text.isEmpty { membershipNumber = nil; return }
            guard text.utf8.count <= 32, text.utf8.allSatisfy({ Text.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") })
            else { throw DomainError(.invalidValue, "membership_number must be 1-32 letters, digits, '-' or '/'") }
            membershipNumber = text
        case .category:
            category = try Self.parseEnum(text, field)
        case .status:
            status = try Self.parseEnum(text, field)
        case .title: identity.title = try Self.limited(text, field, 40)
        case .firstName: identity.firstName = try Self.limited(text, field, 100)
        case .lastName: identity.lastName = try Self.limited(text, field, 100)
        case .email:
            let email = text.lowercased()
            guard email.isEmpty || Text.looksLikeEmail(email) else {
                throw DomainError(.invalidValue, "email is not a valid address")
            }
            identity.email = try Self.limited(email, field, 254)
        case .phone:
            guard text.isEmpty || Text.looksLikePhone(text) else {
                throw DomainError(.invalidValue, "phone is not a valid phone number")
            }
            identity.phone = text
        case .addressLine1: identity.addressLine1 = try Self.limited(text, field, 200)
        case .addressLine2: identity.addressLine2 = try Self.limited(text, field, 200)
        case .addressLine3: identity.addressLine3 = try Self.limited(text, field, 200)
        case .town: identity.town = try Self.limited(text, field, 100)
        case .county: identity.county = try Self.limited(text, field, 100)
        case .postcode:
            guard text.utf8.count <= 10, text.utf8.allSatisfy({ Text.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: " ") })
            else { throw DomainError(.invalidValue, "postcode must be up to 10 letters, digits and spaces") }
            identity.postcode = text.uppercased()
        case .dateOfBirth:
            identity.dateOfBirth = try Self.parseDay(text, field)
        case .joinDate:
            joinDate = try Self.parseDay(text, field)
        case .region: region = try Self.limited(text, field, 100)
        case .constituency: constituency = try Self.limited(text, field, 100)
        case .branch: branch = try Self.limited(text, field, 100)
        case .unionName: unionName = try Self.limited(text, field, 100)
        case .unionMembershipNumber: identity.unionMembershipNumber = try Self.limited(text, field, 40)
        case .duesAmount:
            guard let pence = Money.parse(pence: text.isEmpty ? "0" : text) else {
                throw DomainError(.invalidValue, "dues_amount must be pounds with at most two decimals, e.g. 4.50")
            }
            dues.amountPence = pence
        case .duesFrequency:
            dues.frequency = text.isEmpty ? .none : try Self.parseEnum(text, field)
        case .paymentMethod:
            dues.method = text.isEmpty ? nil : try Self.parseEnum(text, field) as PaymentMethod
        case .consentEmail: consents.email = try Self.parseFlag(text, field)
        case .consentPhone: consents.phone = try Self.parseFlag(text, field)
        case .consentPost: consents.post = try Self.parseFlag(text, field)
        case .consentSMS: consents.sms = try Self.parseFlag(text, field)
        case .consentUpdatedAt: consents.updatedAt = try Self.parseTimestamp(text, field)
        case .updatedAt: updatedAt = try Self.parseTimestamp(text, field)
        case .notes:
            guard raw.utf8.count <= 10_000 else { throw DomainError(.invalidValue, "notes are longer than 10000 bytes") }
            identity.notes = raw
        }
    }

    /// Rules that span fields. Throws the first one broken.
    public func validate() throws(DomainError) {
        if identity.firstName.isEmpty && identity.lastName.isEmpty {
            throw DomainError(.missingValue, "first_name or last_name is required")
        }
        if category == .affiliatedSupporter && unionName.isEmpty {
            throw DomainError(.missingValue, "union_name is required for an affiliated_supporter")
        }
        if category != .contact && joinDate == nil {
            throw DomainError(.missingValue, "join_date is required for a \(category.rawValue)")
        }
        if let born = identity.dateOfBirth, let joined = joinDate, joined < born {
            throw DomainError(.invalidValue, "join_date is before date_of_birth")
        }
    }

    // MARK: Parsing helpers

    static func parseEnum<E: RawRepresentable>(_ text: String, _ field: Field) throws(DomainError) -> E
    where E.RawValue == String, E: CaseIterable {
        if let value = E(rawValue: text.lowercased()) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        if text.isEmpty { throw DomainError(.missingValue, "\(field.rawValue) is required (one of \(allowed))") }
        // Enumerated fields are not identifying, so the bad value is safe to show.
        throw DomainError(.invalidValue, "\(field.rawValue) '\(text.prefix(40))' is not one of \(allowed)")
    }

    static func parseDay(_ text: String, _ field: Field) throws(DomainError) -> Day? {
        if text.isEmpty { return nil }
        guard let day = Day(iso: text) else {
            throw DomainError(.invalidValue, "\(field.rawValue) is not a real date in the form YYYY-MM-DD")
        }
        return day
    }

    static func parseTimestamp(_ text: String, _ field: Field) throws(DomainError) -> Timestamp? {
        if text.isEmpty { return nil }
        guard let stamp = Timestamp(iso: text) else {
            throw DomainError(.invalidValue, "\(field.rawValue) is not a UTC time like 2024-06-07T14:22:14Z")
        }
        return stamp
    }

    static func parseFlag(_ text: String, _ field: Field) throws(DomainError) -> Bool {
        switch text.uppercased() {
        case "Y", "YES", "TRUE", "1": return true
        case "N", "NO", "FALSE", "0", "": return false
        default: throw DomainError(.invalidValue, "\(field.rawValue) must be Y or N")
        }
    }

    static func limited(_ text: String, _ field: Field, _ maxCharacters: Int) throws(DomainError) -> String {
        // Byte count bounds the scalar count, so most values need no Unicode walk.
        guard text.utf8.count <= maxCharacters || text.unicodeScalars.count <= maxCharacters else {
            throw DomainError(.invalidValue, "\(field.rawValue) is longer than \(maxCharacters) characters")
        }
        return text
    }
}
