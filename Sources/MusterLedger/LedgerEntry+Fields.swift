/// The fields of an entry that a replay of the projection reads, lent for one call without
/// copying the payload: from an entry's canonical bytes where a store holds them
/// (``LedgerEntry/withFields(in:_:)``) or from a decoded entry (``LedgerEntry/withFields(_:)``).
///
/// `ledger verify` replays every person entry as it reads it; decoding each into a
/// ``LedgerEntry`` first (its bytes copied out of the row, then its actor, subject and payload
/// copied again) was a fifth of the replay.
public struct EntryFields {
    public let sequence: UInt64
    public let time: Int64
    public let kind: EntryKind
    /// The subject's 16 bytes, if the entry names one.
    public let subject: UnsafeRawBufferPointer?
    public let payload: UnsafeRawBufferPointer

    /// The subject as a ``SubjectID`` (which copies its bytes), if the entry names one.
    public var subjectID: SubjectID? { subject.flatMap { SubjectID(bytes: Array($0)) } }

    /// The subject's bytes as two words, as ``SubjectID/words`` gives them.
    public var subjectWords: (UInt64, UInt64)? {
        subject.map(SubjectID.words(in:))
    }
}

extension LedgerEntry {
    /// Calls `body` with the fields of this entry.
    public func withFields<R>(_ body: (EntryFields) throws -> R) rethrows -> R {
        try payload.withUnsafeBytes { payload in
            guard let subject else {
                return try body(EntryFields(sequence: sequence, time: time, kind: kind, subject: nil, payload: payload))
            }
            return try subject.bytes.withUnsafeBytes { subject in
                try body(EntryFields(sequence: sequence, time: time, kind: kind, subject: subject, payload: payload))
            }
        }
    }

    /// Calls `body` with the fields of the entry whose canonical bytes are `raw`, read in place.
    /// Throws as ``init(encoded:)`` does for bytes that are not a well-formed entry.
    public static func withFields<R>(in raw: UnsafeRawBufferPointer, _ body: (EntryFields) throws -> R) throws -> R {
        let (sequence, _, payloadOffset) = try linkFields(raw)
        // Checked by `linkFields`: the kind, the subject flag, and every length up to the end.
        let kind = EntryKind(rawValue: raw[17])!
        let subject = raw[18] == 1 ? UnsafeRawBufferPointer(rebasing: raw[19..<35]) : nil
        let payload = UnsafeRawBufferPointer(rebasing: raw[payloadOffset...])
        return try body(EntryFields(sequence: sequence, time: time(in: raw), kind: kind, subject: subject, payload: payload))
    }

    /// ``withFields(in:_:)`` over an entry's bytes held in an array.
    public static func withFields<R>(of bytes: [UInt8], _ body: (EntryFields) throws -> R) throws -> R {
        try bytes.withUnsafeBytes { try withFields(in: $0, body) }
    }
}
