import MusterCore
import MusterLedger
import MusterStore

/// The projection check of a person whom one create alone gives (most people, in most
/// registers): their stored row compared with the create's payload field by field, without
/// making the row it gives. Making each row, to compare it and drop it, was a fifth of `ledger
/// verify`'s CPU on 430,000 people (records, strings and arrays built, copied and freed).
///
/// It answers `true` only where making the row and comparing it would (``ReplayedGroup/row(at:)``
/// then ``StoredPerson/isSame(as:)``): it sets nothing, but reads each field with the parser
/// the replay uses (``ClearValue``), and asks for what the replay would leave:
/// - each clear field canonical, the stored value for every time it is given (the replay keeps
///   the last), and those left out with the blank record's values, from which a create starts;
/// - a membership number, which a create must have;
/// - the membership dates and sealed identity as ``PayloadChanges`` reads them, no erasure,
///   and the create's sequence number as the row's version.
/// Anything else (a field not canonical, a payload that does not decode)
/// answers `false`, and the row is made and compared as before: `false` is never a verdict.
enum CreatedRow {
    /// Whether `stored` is the row that the create whose canonical bytes are `raw` gives.
    static func matches(_ stored: some StoredPerson, createdBy raw: UnsafeRawBufferPointer) -> Bool {
        (try? LedgerEntry.withFields(in: raw) { entry -> Bool in
            guard entry.kind == .create, let id = entry.subjectWords else { return false }
            var seen: UInt64 = 0
            var same = true
            let payload = try PayloadChanges(entry.payload.assumingMemoryBound(to: UInt8.self)) { field, bytes in
                guard same, field != .membershipNumber || !bytes.isEmpty,
                    let value = ClearValue(field, canonical: bytes), stored.holds(field, value)
                else {
                    same = false
                    return
                }
                seen |= bit(field)
            }
            // A create without a number gives no row; the fields it leaves out keep the blank
            // record's values.
            guard same, seen & bit(.membershipNumber) != 0, seen == everyClearField || unseenAreBlank(stored, seen: seen)
            else { return false }
            let sealed = payload.sealedIdentityBytes.map(UnsafeRawBufferPointer.init)
            return stored.holds(
                id: id, membership: payload.membership ?? Membership(statusSince: nil, continuousSince: nil), sealedIdentity: sealed,
                erasedAt: nil, version: entry.sequence)
        }) ?? false
    }

    /// Whether the clear fields whose bits are not in `seen` hold the blank record's values.
    private static func unseenAreBlank(_ stored: some StoredPerson, seen: UInt64) -> Bool {
        RecordCodec.clearFields.allSatisfy { field in
            seen & bit(field) != 0 || stored.holds(field, of: blank)
        }
    }

    /// A field's bit in a set of fields: the bit at its tag.
    private static func bit(_ field: Field) -> UInt64 { UInt64(1) << field.tag }

    /// Every clear field's bit.
    private static let everyClearField = RecordCodec.clearFields.reduce(UInt64(0)) { $0 | bit($1) }
    /// What a create starts from (``Projection``'s, made once).
    private static let blank = PersonRecord.blank
}
