import MusterCore
import MusterLedger
import MusterStore

/// How ledger entries change the projection. The write path and `ledger rebuild` both use this,
/// so the tables are by construction what replaying the ledger gives.
///
/// Blind indexes are not derived here: they need plaintext, which the write path has and a
/// rebuild gets by decrypting with the key store.
enum Projection {
    /// The row after `entry`, given the row before it (`nil` for a create).
    static func apply(_ entry: LedgerEntry, to before: PersonRow?) throws -> PersonRow {
        guard let subject = entry.subject else { throw RegisterError(.corrupt, "person entry \(entry.sequence) names no subject") }
        let payload = try PersonPayload(decoding: entry.payload)
        switch entry.kind {
        case .create:
            guard before == nil else { throw RegisterError(.corrupt, "entry \(entry.sequence) creates a person who exists") }
            var record = PersonRecord.blank
            for (field, text) in payload.clearFields { try record.set(field, text: text) }
            guard let number = record.membershipNumber else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) creates a person without a number")
            }
            return PersonRow(
                id: subject, number: number, record: record,
                membership: payload.membership ?? Membership(statusSince: nil, continuousSince: nil),
                sealedIdentity: payload.sealedIdentity, indexes: .none, version: entry.sequence)
        case .update, .statusChange:
            guard var row = before, row.erasedAt == nil else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) changes a person who does not exist")
            }
            for (field, text) in payload.clearFields { try row.record.set(field, text: text) }
            row.number = row.record.membershipNumber ?? row.number
            if let membership = payload.membership { row.membership = membership }
            if let sealed = payload.sealedIdentity { row.sealedIdentity = sealed }
            row.version = entry.sequence
            return row
        case .erase:
            guard var row = before else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) erases a person who does not exist")
            }
            row.sealedIdentity = nil
            row.indexes = .none
            row.erasedAt = Timestamp(secondsSinceEpoch: entry.time / 1000)
            row.version = entry.sequence
            return row
        case .importBatch, .disclosure, .staff:
            throw RegisterError(.corrupt, "entry \(entry.sequence) is not a change to a person")
        }
    }
}

extension Projection {
    /// Replays the ledger person by person: calls `body` with each person's id, the row their
    /// entries give (blind indexes empty) and their last entry's sequence number. Used by
    /// `ledger verify` (to compare) and `ledger rebuild` (to write).
    static func replay(_ tx: any StoreReading, _ body: (SubjectID, PersonRow, UInt64) throws -> Void) throws {
        var current: (id: SubjectID, row: PersonRow?, last: UInt64)?
        func finish() throws {
            if let (id, row, last) = current, let row { try body(id, row, last) }
        }
        try tx.forEachEntryBySubject { subject, sequence, bytes in
            if current?.id != subject {
                try finish()
                current = (subject, nil, sequence)
            }
            current!.row = try Projection.apply(try LedgerEntry(encoded: bytes), to: current!.row)
            current!.last = sequence
        }
        try finish()
    }
}
