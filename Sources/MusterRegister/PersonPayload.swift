import MusterCore

/// The payload of a person's ledger entry, as TLV. Tags 1–31 are the clear register fields
/// (``Field/tag``, CSV text; an empty value means "cleared"); the rest are below. Identifying
/// content appears only sealed under the person's data key.
struct PersonPayload: Sendable, Equatable {
    /// Clear fields carried by this entry: all of them for a create, the changed ones otherwise.
    var clearFields: [(Field, String)] = []
    /// The whole identity, sealed; present on create and whenever any identifying field changes.
    var sealedIdentity: [UInt8]?
    /// The reason for a status change or erasure, sealed (a reason may describe the person).
    var sealedReason: [UInt8]?
    var membership: Membership?

    enum Tag {
        static let sealedIdentity: UInt8 = 200
        static let sealedReason: UInt8 = 201
        static let statusSince: UInt8 = 202
        static let continuousSince: UInt8 = 203
    }

    static func == (lhs: PersonPayload, rhs: PersonPayload) -> Bool {
        lhs.encoded == rhs.encoded
    }

    var encoded: [UInt8] {
        var writer = TLVWriter()
        for (field, text) in clearFields { writer.append(field.tag, text: text) }
        if let sealedIdentity { writer.append(Tag.sealedIdentity, sealedIdentity) }
        if let sealedReason { writer.append(Tag.sealedReason, sealedReason) }
        if let membership {
            writer.append(Tag.statusSince, text: membership.statusSince?.description ?? "")
            writer.append(Tag.continuousSince, text: membership.continuousSince?.description ?? "")
        }
        return writer.bytes
    }

    init() {}

    init(decoding bytes: [UInt8]) throws {
        var reader = TLVReader(bytes)
        var statusSince: Day?
        var continuousSince: Day?
        var sawMembership = false
        while let (tag, value) = try reader.next() {
            switch tag {
            case Tag.sealedIdentity: sealedIdentity = Array(value)
            case Tag.sealedReason: sealedReason = Array(value)
            case Tag.statusSince:
                sawMembership = true
                statusSince = Day(iso: String(decoding: value, as: UTF8.self))
            case Tag.continuousSince:
                sawMembership = true
                continuousSince = Day(iso: String(decoding: value, as: UTF8.self))
            default:
                guard let field = Field(tag: tag), !field.isIdentifying else { throw TLVError() }
                clearFields.append((field, String(decoding: value, as: UTF8.self)))
            }
        }
        if sawMembership { membership = Membership(statusSince: statusSince, continuousSince: continuousSince) }
    }
}
