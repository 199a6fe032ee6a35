import MusterCore

/// A person entry's payload as ``Projection/apply(_:to:)`` uses it: checked whole when made,
/// by the same ``PersonPayload/walk(_:field:other:)`` as ``PersonPayload/init(decoding:)``,
/// with the clear fields set on a record from their bytes in the same pass.
///
/// A replay applies every entry of the ledger, and a decoded ``PersonPayload`` (an array of
/// fields, a `String` each, parsed again by ``PersonRecord/set(_:text:)``) cost more than the
/// rest of the replay. The row is the same: ``PersonRecord/set(_:utf8:)`` is exactly
/// `set(_:text:)` on the decoded text.
struct PayloadChanges {
    /// The whole identity, sealed, when the entry carries it: where it lies in the payload, so
    /// valid only while the payload's bytes are (the caller's call of ``LedgerEntry/withFields``).
    private(set) var sealedIdentityBytes: UnsafeBufferPointer<UInt8>?
    /// ``sealedIdentityBytes``, copied.
    var sealedIdentity: [UInt8]? { sealedIdentityBytes.map(Array.init) }
    /// The membership dates, when the entry carries them.
    private(set) var membership: Membership?
    /// The error of the first clear field that did not parse, kept for ``checkFields()``.
    private var fieldFailure: (any Error)?

    /// Checks `bytes` (throwing as ``PersonPayload/init(decoding:)`` would), setting no field.
    init(decoding bytes: UnsafeBufferPointer<UInt8>) throws {
        try self.init(bytes) { _, _ in }
    }

    /// Checks `bytes` as ``init(decoding:)`` does and, in the same pass, sets the clear fields on
    /// `record`, in the order the entry lists them: a replay reads each payload once (the two
    /// passes it took were half of replaying a create). Only the payload's form throws here; the
    /// first field that does not parse throws from ``checkFields()``, so the caller's checks in
    /// between come first, as when the fields were set in a second pass.
    init(decoding bytes: UnsafeBufferPointer<UInt8>, settingFieldsOn record: inout PersonRecord) throws {
        var failure: (any Error)?
        try self.init(bytes) { field, value in
            guard failure == nil else { return }  // the record is thrown away: set no more
            do { try record.set(field, utf8: value) } catch { failure = error }
        }
        fieldFailure = failure
    }

    /// Checks `bytes` as ``init(decoding:)`` does, giving `field` each clear field's bytes in
    /// the order the entry lists them.
    init(_ bytes: UnsafeBufferPointer<UInt8>, field: (Field, UnsafeBufferPointer<UInt8>) -> Void) throws {
        var statusSince: Day?
        var continuousSince: Day?
        var sawMembership = false
        var sealedIdentity: UnsafeBufferPointer<UInt8>?
        try PersonPayload.walk(bytes) { clear, value in
            field(clear, value)
        } other: { tag, value in
            switch tag {
            case PersonPayload.Tag.sealedIdentity: sealedIdentity = value
            case PersonPayload.Tag.sealedReason: break
            case PersonPayload.Tag.statusSince:
                sawMembership = true
                statusSince = Day(isoUTF8: value)
            default:
                sawMembership = true
                continuousSince = Day(isoUTF8: value)
            }
        }
        sealedIdentityBytes = sealedIdentity
        if sawMembership { membership = Membership(statusSince: statusSince, continuousSince: continuousSince) }
    }

    /// Throws the ``DomainError`` of the first clear field that did not parse, if one did.
    func checkFields() throws {
        if let fieldFailure { throw fieldFailure }
    }
}
