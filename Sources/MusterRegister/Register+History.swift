public import MusterCore
import MusterCrypto
public import MusterLedger
import MusterStore

/// One thing that happened to, or with, a person's data.
public struct HistoryItem: Sendable, Equatable {
    public var sequence: UInt64
    public var time: Timestamp
    public var actor: String
    public var kind: EntryKind
    /// What changed or how the data was disclosed, in words (no identifying values).
    public var summary: String
    /// The recorded reason, when there is one and it can still be read.
    public var reason: String?
}

extension Register {
    /// Every change and disclosure about one person, oldest first: what a data-protection officer
    /// needs for a subject access request or an investigation. Looking is itself recorded.
    public func history(number: String, disclosure: Disclosure) async throws -> [HistoryItem] {
        let cipher = try cipher()
        let (items, id) = try await store.read { tx -> ([HistoryItem], SubjectID) in
            let row = try Register.requirePerson(number, in: tx)
            // After erasure the key is gone: sealed reasons stay unreadable, as they should.
            let key = try? cipher.dataKey(for: row.id, in: tx)
            var items: [HistoryItem] = []
            try tx.forEachEntry(about: row.id) { _, bytes in
                let entry = try LedgerEntry(encoded: bytes)
                items.append(try Register.historyItem(entry, key: key, cipher: cipher))
            }
            return (items, row.id)
        }
        try await recordDisclosure(disclosure, of: [id])
        return items
    }

    static func historyItem(_ entry: LedgerEntry, key: DataKey?, cipher: PersonCipher) throws -> HistoryItem {
        var summary: String
        var reason: String?
        switch entry.kind {
        case .disclosure:
            let disclosure = try Disclosure(payload: entry.payload)
            summary = "disclosed through \(disclosure.channel)"
            reason = disclosure.reason
        case .create, .update, .statusChange, .erase:
            let payload = try PersonPayload(decoding: entry.payload)
            switch entry.kind {
            case .create: summary = "entered the register"
            case .erase: summary = "erased (data key destroyed)"
            case .statusChange:
                summary = "status changed to \(payload.clearFields.first { $0.0 == .status }?.1 ?? "?")"
            default:
                var fields = payload.clearFields.map(\.0.rawValue)
                if payload.sealedIdentity != nil { fields.append("identifying fields") }
                summary = "changed " + fields.joined(separator: ", ")
            }
            if let sealed = payload.sealedReason {
                if let key, let opened = try? cipher.openReason(sealed, with: key, for: entry.subject!) {
                    reason = opened
                } else {
                    reason = "(unreadable: the person was erased)"
                }
            }
        case .importBatch:
            summary = "import batch"
        case .staff:
            summary = "staff account change"
        }
        return HistoryItem(
            sequence: entry.sequence, time: Timestamp(secondsSinceEpoch: entry.time / 1000), actor: entry.actor,
            kind: entry.kind, summary: summary, reason: reason)
    }
}
