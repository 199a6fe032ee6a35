import MusterCore
import MusterLedger
import MusterStore

/// How ledger entries change the projection. The write path and `ledger rebuild` both use this,
/// so the tables are by construction what replaying the ledger gives.
///
/// Blind indexes are not derived here: they need plaintext, which the write path has and a
/// rebuild gets by decrypting with the key store.
enum Projection {
    /// ``PersonRecord/blank``, built once: a create starts from it.
    private static let blank = PersonRecord.blank

    /// The row after `entry`, given the row before it (`nil` for a create).
    static func apply(_ entry: LedgerEntry, to before: PersonRow?) throws -> PersonRow {
        try entry.withFields { try apply($0, to: before) }
    }

    /// The row after the entry whose canonical bytes are `raw`, given the row before it (`nil`
    /// for a create).
    static func apply(entryIn raw: UnsafeRawBufferPointer, to before: PersonRow?) throws -> PersonRow {
        try LedgerEntry.withFields(in: raw) { try apply($0, to: before) }
    }

    /// The row after the entry whose fields are `entry`, given the row before it (`nil` for a
    /// create). The fields are read where they lie (see ``EntryFields``).
    static func apply(_ entry: EntryFields, to before: PersonRow?) throws -> PersonRow {
        guard entry.subject != nil else { throw RegisterError(.corrupt, "person entry \(entry.sequence) names no subject") }
        let bytes = entry.payload.assumingMemoryBound(to: UInt8.self)
        // The errors come in one order whatever the entry: the payload's form, then whom it
        // changes, then its fields (see `PayloadChanges.checkFields`).
        switch entry.kind {
        case .create:
            var record = Self.blank
            let payload = try PayloadChanges(decoding: bytes, settingFieldsOn: &record)
            guard before == nil else { throw RegisterError(.corrupt, "entry \(entry.sequence) creates a person who exists") }
            try payload.checkFields()
            guard let number = record.membershipNumber, let subject = entry.subjectID else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) creates a person without a number")
            }
            return PersonRow(
                id: subject, number: number, record: consume record,
                membership: payload.membership ?? Membership(statusSince: nil, continuousSince: nil),
                sealedIdentity: payload.sealedIdentity, indexes: .none, version: entry.sequence)
        case .update, .statusChange:
            var record = before?.record ?? Self.blank
            let payload = try PayloadChanges(decoding: bytes, settingFieldsOn: &record)
            guard var row = before, row.erasedAt == nil else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) changes a person who does not exist")
            }
            try payload.checkFields()
            row.record = consume record
            row.number = row.record.membershipNumber ?? row.number
            if let membership = payload.membership { row.membership = membership }
            if let sealed = payload.sealedIdentity { row.sealedIdentity = sealed }
            row.version = entry.sequence
            return row
        case .erase:
            _ = try PayloadChanges(decoding: bytes)
            guard var row = before else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) erases a person who does not exist")
            }
            row.sealedIdentity = nil
            row.indexes = .none
            row.erasedAt = Timestamp(secondsSinceEpoch: entry.time / 1000)
            row.version = entry.sequence
            return row
        case .importBatch, .disclosure, .staff:
            _ = try PayloadChanges(decoding: bytes)
            throw RegisterError(.corrupt, "entry \(entry.sequence) is not a change to a person")
        }
    }
}

extension Projection {
    /// Replays the ledger person by person: calls `body` with each person's id, the row their
    /// entries give (blind indexes empty) and their last entry's sequence number, for everyone
    /// whose id is in `range`. Used by `ledger verify` (to compare) and `ledger rebuild` (to write).
    /// The row is handed over (`consuming`), so a caller that keeps it does not copy it.
    static func replay(
        _ tx: any StoreReading, in range: SubjectRange = .all, _ body: (SubjectID, consuming PersonRow, UInt64) throws -> Void
    ) throws {
        // The person being folded: their id, their row so far and their last entry.
        var id: SubjectID?
        var row: PersonRow?
        var last: UInt64 = 0
        try tx.forEachEntryBySubject(in: range) { subject, sequence, bytes in
            if id != subject {
                if let id, let finished = row.take() { try body(id, finished, last) }
                id = subject
            }
            row = try Projection.apply(try LedgerEntry(encoded: bytes), to: row)
            last = sequence
        }
        if let id, let finished = row.take() { try body(id, finished, last) }
    }
}
