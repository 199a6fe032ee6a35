import MusterCore
import MusterLedger
import MusterStore

/// Changes to people inside one store transaction: each is one ledger entry plus the projection
/// rows and key-store rows it implies. Used by the single commands and by bulk import alike.
struct PersonWriter {
    let tx: any StoreWriting
    let cipher: PersonCipher
    let actor: String
    let time: Int64

    var today: Day { Timestamp(secondsSinceEpoch: time / 1000).day }

    /// Adds a new person with a fresh id and data key. `record.membershipNumber` must be set;
    /// `sealed` is the person's material when it was prepared ahead (see ``PersonCipher/sealNew``).
    @discardableResult
    func create(_ record: PersonRecord, sealed: SealedPerson? = nil) throws -> PersonRow {
        let sealed = sealed ?? cipher.sealNew(record.identity)
        var payload = PersonPayload()
        payload.clearFields = RecordCodec.clearFields.map { ($0, record.text(of: $0)) }.filter { !$0.1.isEmpty }
        payload.sealedIdentity = sealed.sealedIdentity
        payload.membership = Membership.initial(for: record, on: today)
        let entry = try tx.append(draft(.create, sealed.id, payload))
        var row = try Projection.apply(entry.entry, to: nil)
        row.indexes = sealed.indexes
        try tx.insert(row)
        try tx.putWrappedKey(sealed.wrappedKey, for: sealed.id)
        return row
    }

    /// Brings `row` to `record`, recording only what differs. Returns `nil` when nothing does.
    /// A status difference must be an allowed transition that needs no reason.
    func update(_ row: PersonRow, current identity: Identity, to record: PersonRecord) throws -> PersonRow? {
        var payload = PersonPayload()
        for field in RecordCodec.clearFields where field != .membershipNumber {
            let text = record.text(of: field)
            if text != row.record.text(of: field) { payload.clearFields.append((field, text)) }
        }
        if record.status != row.record.status {
            let change = StatusChange(from: row.record.status, to: record.status, reason: nil)
            try change.validate()
            payload.membership = row.membership.after(change, on: today)
        }
        let key = try cipher.dataKey(for: row.id, in: tx)
        if record.identity != identity {
            payload.sealedIdentity = cipher.seal(record.identity, with: key, for: row.id)
        }
        if payload.clearFields.isEmpty && payload.sealedIdentity == nil { return nil }
        let entry = try tx.append(draft(.update, row.id, payload))
        var updated = try Projection.apply(entry.entry, to: row)
        if payload.sealedIdentity != nil { updated.indexes = cipher.indexes(for: record.identity) }
        try tx.update(updated)
        return updated
    }

    /// A lifecycle change, checked against the transition rules, with an optional sealed reason.
    @discardableResult
    func changeStatus(_ row: PersonRow, to status: Status, reason: String?) throws -> PersonRow {
        let change = StatusChange(from: row.record.status, to: status, reason: reason)
        try change.validate()
        var payload = PersonPayload()
        payload.clearFields = [(.status, status.rawValue)]
        payload.membership = row.membership.after(change, on: today)
        if let reason, !reason.isEmpty {
            payload.sealedReason = cipher.seal(reason: reason, with: try cipher.dataKey(for: row.id, in: tx), for: row.id)
        }
        let entry = try tx.append(draft(.statusChange, row.id, payload))
        let updated = try Projection.apply(entry.entry, to: row)
        try tx.update(updated)
        return updated
    }

    /// Crypto-shredding: destroys the person's data key and clears their projection data. The
    /// ledger keeps its entries, which can no longer be read by anyone.
    @discardableResult
    func erase(_ row: PersonRow, reason: String?) throws -> PersonRow {
        var payload = PersonPayload()
        if let reason, !reason.isEmpty {
            // Sealed under the key that is about to be destroyed: the reason may name the person.
            payload.sealedReason = cipher.seal(reason: reason, with: try cipher.dataKey(for: row.id, in: tx), for: row.id)
        }
        let entry = try tx.append(draft(.erase, row.id, payload))
        let updated = try Projection.apply(entry.entry, to: row)
        try tx.update(updated)
        try tx.deleteWrappedKey(for: row.id)
        return updated
    }

    func draft(_ kind: EntryKind, _ subject: SubjectID?, _ payload: PersonPayload) -> EntryDraft {
        EntryDraft(time: time, actor: actor, kind: kind, subject: subject, payload: payload.encoded)
    }
}
