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

    /// Decodes a payload. Dates are parsed from their bytes (``Day/init(isoUTF8:)``): the same
    /// day, or `nil`, as from their decoded text.
    init(decoding bytes: [UInt8]) throws {
        var statusSince: Day?
        var continuousSince: Day?
        var sawMembership = false
        var fields: [(Field, String)] = []
        var sealedIdentity: [UInt8]?
        var sealedReason: [UInt8]?
        try bytes.withUnsafeBufferPointer { buffer in
            try Self.walk(buffer) { field, value in
                fields.append((field, String(decoding: value, as: UTF8.self)))
            } other: { tag, value in
                switch tag {
                case Tag.sealedIdentity: sealedIdentity = Array(value)
                case Tag.sealedReason: sealedReason = Array(value)
                case Tag.statusSince:
                    sawMembership = true
                    statusSince = Day(isoUTF8: value)
                default:
                    sawMembership = true
                    continuousSince = Day(isoUTF8: value)
                }
            }
        }
        clearFields = fields
        self.sealedIdentity = sealedIdentity
        self.sealedReason = sealedReason
        if sawMembership { membership = Membership(statusSince: statusSince, continuousSince: continuousSince) }
    }

    /// One pass over a payload's TLV, in place: `field` gets each clear field, `other` each of
    /// the tags in ``Tag``. A malformed encoding, an identifying field in clear or an unknown
    /// tag throws ``TLVError``. The one definition of a well-formed payload, for both ways of
    /// reading one (this type, and ``PayloadChanges`` for the projection).
    static func walk(
        _ bytes: UnsafeBufferPointer<UInt8>, field: (Field, UnsafeBufferPointer<UInt8>) throws -> Void,
        other: (UInt8, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        var reader = TLVBufferReader(bytes)
        while let (tag, value) = try reader.next() {
            switch tag {
            case Tag.sealedIdentity, Tag.sealedReason, Tag.statusSince, Tag.continuousSince:
                try other(tag, value)
            default:
                guard let clear = Field(tag: tag), !clear.isIdentifying else { throw TLVError() }
                try field(clear, value)
            }
        }
    }
}
