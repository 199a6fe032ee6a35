import MusterCore

/// A person entry's payload as ``Projection/apply(_:to:)`` uses it: checked whole when made,
/// by the same ``PersonPayload/walk(_:field:other:)`` as ``PersonPayload/init(decoding:)``,
/// with the clear fields left as bytes until they are set on a record.
///
/// A replay applies every entry of the ledger, and a decoded ``PersonPayload`` (an array of
/// fields, a `String` each, parsed again by ``PersonRecord/set(_:text:)``) cost more than the
/// rest of the replay. The row is the same: ``PersonRecord/set(_:utf8:)`` is exactly
/// `set(_:text:)` on the decoded text.
///
/// It holds the payload where it lies, so it lives only as long as the call that lent them
/// (``Projection/apply(_:to:)-(EntryFields,_)``).
struct PayloadChanges {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The whole identity, sealed, when the entry carries it.
    private(set) var sealedIdentity: [UInt8]?
    /// The membership dates, when the entry carries them.
    private(set) var membership: Membership?

    /// Checks `bytes` (throwing as ``PersonPayload/init(decoding:)`` would) and keeps them.
    init(decoding bytes: UnsafeBufferPointer<UInt8>) throws {
        self.bytes = bytes
        var statusSince: Day?
        var continuousSince: Day?
        var sawMembership = false
        var sealedIdentity: [UInt8]?
        try PersonPayload.walk(bytes) { _, _ in
        } other: { tag, value in
            switch tag {
            case PersonPayload.Tag.sealedIdentity: sealedIdentity = Array(value)
            case PersonPayload.Tag.sealedReason: break
            case PersonPayload.Tag.statusSince:
                sawMembership = true
                statusSince = Day(isoUTF8: value)
            default:
                sawMembership = true
                continuousSince = Day(isoUTF8: value)
            }
        }
        self.sealedIdentity = sealedIdentity
        if sawMembership { membership = Membership(statusSince: statusSince, continuousSince: continuousSince) }
    }

    /// Sets the clear fields on `record`, in the order the entry lists them (throwing the
    /// ``DomainError`` of the first that does not parse).
    func setClearFields(on record: inout PersonRecord) throws {
        try PersonPayload.walk(bytes) { field, value in
            try record.set(field, utf8: value)
        } other: { _, _ in
        }
    }
}
