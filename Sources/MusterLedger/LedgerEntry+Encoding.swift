/// The canonical byte form of an entry:
///
/// ```
/// version      u8     (1)
/// sequence     u64 big-endian
/// time         i64 big-endian (ms)
/// kind         u8
/// subject      u8 flag (0 | 1) then 16 bytes when 1
/// previousHash 32 bytes
/// actor        u16 big-endian length, UTF-8
/// payload      u32 big-endian length, bytes
/// ```
///
/// Fixed-width fields first, so a verifier can read the sequence and previous hash without
/// parsing the rest. New versions may add fields; version 1 bytes never change meaning.
extension LedgerEntry {
    public static let formatVersion: UInt8 = 1

    public var encoded: [UInt8] {
        // Callers keep actors short (the register allows 256 bytes); the entry format cannot hold
        // more than 65,535, and cutting a name would make the bytes disagree with the entry.
        precondition(actor.utf8.count <= Int(UInt16.max), "a ledger actor is at most 65,535 bytes")
        let actorBytes = Array(actor.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(1 + 8 + 8 + 1 + 17 + 32 + 2 + actorBytes.count + 4 + payload.count)
        out.append(Self.formatVersion)
        out.appendBigEndian(sequence)
        out.appendBigEndian(UInt64(bitPattern: time))
        out.append(kind.rawValue)
        if let subject {
            out.append(1)
            out.append(contentsOf: subject.bytes)
        } else {
            out.append(0)
        }
        out.append(contentsOf: previousHash.bytes)
        out.appendBigEndian(UInt16(actorBytes.count))
        out.append(contentsOf: actorBytes)
        out.appendBigEndian(UInt32(payload.count))
        out.append(contentsOf: payload)
        return out
    }

    /// Parses canonical bytes; throws naming what is wrong. Trailing bytes are an error.
    public init(encoded bytes: [UInt8]) throws(LedgerError) {
        var reader = BinaryReader(bytes)
        guard let version = reader.u8(), version == Self.formatVersion else {
            throw LedgerError(.malformedEntry, "unknown entry format version")
        }
        guard let sequence = reader.u64(), let time = reader.u64(), let kindByte = reader.u8(),
            let flag = reader.u8()
        else { throw LedgerError(.malformedEntry, "entry is truncated") }
        guard let kind = EntryKind(rawValue: kindByte) else {
            throw LedgerError(.malformedEntry, "unknown entry kind \(kindByte)")
        }
        var subject: SubjectID?
        switch flag {
        case 0: subject = nil
        case 1:
            guard let raw = reader.bytes(16) else { throw LedgerError(.malformedEntry, "entry is truncated") }
            subject = SubjectID(bytes: raw)
        default: throw LedgerError(.malformedEntry, "bad subject flag")
        }
        guard let previous = reader.bytes(32), let actorLength = reader.u16(),
            let actorBytes = reader.bytes(Int(actorLength)), let payloadLength = reader.u32(),
            let payload = reader.bytes(Int(payloadLength))
        else { throw LedgerError(.malformedEntry, "entry is truncated") }
        guard reader.isAtEnd else { throw LedgerError(.malformedEntry, "entry has trailing bytes") }
        guard let actor = String(validating: actorBytes, as: UTF8.self) else {
            throw LedgerError(.malformedEntry, "actor is not UTF-8")
        }
        self.init(
            sequence: sequence, time: Int64(bitPattern: time), actor: actor, kind: kind, subject: subject,
            payload: Array(payload), previousHash: EntryHash(bytes: previous)!)
    }
}
