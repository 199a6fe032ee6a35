import Crypto
import MusterCore
import MusterLedger
import MusterStore

/// A running SHA-256 over people rows (every column ``LedgerAudit/difference(_:_:)`` compares)
/// or ids, in the order they are added.
///
/// Each row is written into one reused buffer as its typed values (integers as 8 bytes, text and
/// bytes length-prefixed, optionals with a presence byte) and hashed with a single update. Two
/// rows whose compared texts are equal have equal typed values, and the reverse, so the digest
/// decides exactly what ``LedgerAudit/difference(_:_:)`` would; formatting every date and
/// amount as text, an array per field, cost more than the rest of the replay.
struct RowDigest {
    private var hash = SHA256()
    private var buffer: [UInt8] = []

    mutating func add(_ row: PersonRow) {
        buffer.removeAll(keepingCapacity: true)
        let r = row.record
        append(row.id.bytes)
        append(row.number)
        append(Int64(bitPattern: row.version))
        append(row.erasedAt?.secondsSinceEpoch)
        append(row.membership.statusSince.map { Int64($0.daysSinceEpoch) })
        append(row.membership.continuousSince.map { Int64($0.daysSinceEpoch) })
        // The clear fields, as ``RecordCodec/clearFields`` lists them (a field added there must
        // be added here: `RowDigestTests` checks that every clear field counts).
        append(r.membershipNumber ?? "")
        append(r.category.rawValue)
        append(r.status.rawValue)
        append(r.joinDate.map { Int64($0.daysSinceEpoch) })
        append(r.region)
        append(r.constituency)
        append(r.branch)
        append(r.unionName)
        append(Int64(r.dues.amountPence))
        append(r.dues.frequency.rawValue)
        append(r.dues.method?.rawValue ?? "")
        let c = r.consents
        buffer.append((c.email ? 1 : 0) | (c.phone ? 2 : 0) | (c.post ? 4 : 0) | (c.sms ? 8 : 0))
        append(r.consents.updatedAt?.secondsSinceEpoch)
        append(r.updatedAt?.secondsSinceEpoch)
        if let sealed = row.sealedIdentity {
            buffer.append(1)
            append(sealed)
        } else {
            buffer.append(0)
        }
        buffer.withUnsafeBytes { hash.update(bufferPointer: $0) }
    }

    mutating func add(id: SubjectID) {
        hash.update(data: id.bytes)
    }

    var value: [UInt8] { Array(hash.finalize()) }

    private mutating func append(_ value: Int64) {
        withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    }

    private mutating func append(_ value: Int64?) {
        if let value {
            buffer.append(1)
            append(value)
        } else {
            buffer.append(0)
        }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(Int64(utf8.count))
            buffer.append(contentsOf: utf8)
        }
    }

    private mutating func append(_ bytes: [UInt8]) {
        append(Int64(bytes.count))
        buffer.append(contentsOf: bytes)
    }
}
