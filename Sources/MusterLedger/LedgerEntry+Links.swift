extension LedgerEntry {
    /// Checks that `bytes` are a well-formed version-1 entry (every length and tag in range,
    /// nothing trailing, an actor in UTF-8) and returns the two fields a chain check needs: the
    /// sequence number and the previous entry's hash.
    ///
    /// The same rules as ``init(encoded:)`` without building the entry: full verification
    /// reads millions of entries, and making a string and an array for each cost more than
    /// hashing them.
    public static func links(of bytes: [UInt8]) throws(LedgerError) -> (sequence: UInt64, previousHash: ArraySlice<UInt8>) {
        let fields = bytes.withUnsafeBytes { raw in Result { () throws(LedgerError) in try linkFields(raw) } }
        let (sequence, previous, _) = try fields.get()
        return (sequence, bytes[previous..<(previous + 32)])
    }

    /// ``links(of:)`` over bytes in place (a row the store is still holding), without copying them.
    public static func links(in raw: UnsafeRawBufferPointer) throws(LedgerError) -> (sequence: UInt64, previousHash: EntryHash) {
        let (sequence, previous, _) = try linkFields(raw)
        return (sequence, EntryHash(copying: UnsafeRawBufferPointer(rebasing: raw[previous..<(previous + 32)])))
    }

    /// The sequence number and the offsets of the previous hash and of the payload, once every
    /// rule is checked.
    static func linkFields(_ bytes: UnsafeRawBufferPointer) throws(LedgerError) -> (sequence: UInt64, previousOffset: Int, payloadOffset: Int) {
        let fixed = 1 + 8 + 8 + 1 + 1
        guard bytes.count >= fixed, bytes[0] == formatVersion else {
            throw LedgerError(.malformedEntry, bytes.isEmpty || bytes[0] == formatVersion ? "entry is truncated" : "unknown entry format version")
        }
        let sequence = bytes[1..<9].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard EntryKind(rawValue: bytes[17]) != nil else { throw LedgerError(.malformedEntry, "unknown entry kind \(bytes[17])") }
        var offset = fixed
        switch bytes[18] {
        case 0: break
        case 1: offset += 16
        default: throw LedgerError(.malformedEntry, "bad subject flag")
        }
        guard bytes.count >= offset + 32 + 2 else { throw LedgerError(.malformedEntry, "entry is truncated") }
        let previous = offset
        offset += 32
        let actorLength = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        offset += 2
        guard bytes.count >= offset + actorLength + 4 else { throw LedgerError(.malformedEntry, "entry is truncated") }
        let actor = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + actorLength)])
        // ASCII is UTF-8; anything else is checked properly.
        if !actor.allSatisfy({ $0 < 0x80 }), String(validating: actor, as: UTF8.self) == nil {
            throw LedgerError(.malformedEntry, "actor is not UTF-8")
        }
        offset += actorLength
        let payloadLength = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        offset += 4
        guard bytes.count - offset >= payloadLength else { throw LedgerError(.malformedEntry, "entry is truncated") }
        guard bytes.count - offset == payloadLength else { throw LedgerError(.malformedEntry, "entry has trailing bytes") }
        return (sequence, previous, offset)
    }
}

extension LedgerEntry {
    /// The time of the entry whose bytes are `raw`, read as one word (this runs for every entry
    /// `ledger verify` reads).
    static func time(in raw: UnsafeRawBufferPointer) -> Int64 {
        Int64(bitPattern: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self)))
    }

    /// Whether the entry whose bytes are `raw` changes a person (a create, an update, a status
    /// change or an erasure), read from its fixed fields without decoding it: a verifier scanning
    /// millions of entries keeps only these for its replay.
    public static func changesPerson(_ raw: UnsafeRawBufferPointer) -> Bool {
        raw.count > 17 && (EntryKind.create.rawValue...EntryKind.erase.rawValue).contains(raw[17])
    }

    /// The first of the columns a store keeps beside an entry for lookups (`kind`, `time`,
    /// `subject`; `nil` for a NULL subject) that says other than the entry's bytes `raw`, which
    /// ``links(in:)`` has accepted; `nil` when they all agree. They are not hashed: a subject
    /// edited there would hide the entry from that person's history.
    public static func disagreeingColumn(in raw: UnsafeRawBufferPointer, kind: Int64, time: Int64, subject: UnsafeRawBufferPointer?) -> String? {
        if kind != Int64(raw[17]) { return "kind" }
        if time != Self.time(in: raw) { return "time" }
        switch (raw[18], subject) {
        case (0, nil): return nil
        case (1, let stored?)
        where stored.count == 16 && SubjectID.words(in: stored) == SubjectID.words(in: UnsafeRawBufferPointer(rebasing: raw[19..<35])):
            return nil
        default: return "subject"
        }
    }
}
