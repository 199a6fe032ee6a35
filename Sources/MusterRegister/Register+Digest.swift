import Crypto
import MusterCore
import MusterLedger
import MusterStore

extension Register {
    /// A digest of everything the register holds: the ledger head, every people row (clear
    /// columns, ciphertext, blind indexes, erasure, version) in number order, and every wrapped
    /// key by owner. Two registers with the same digest answer every question alike: a restore
    /// drill compares the restored register's digest with the original's. Needs no keys.
    public func stateDigest() async throws -> String {
        try await store.read { tx in
            var hash = SHA256()
            let head = try tx.ledgerHead()
            hash.update(data: Array("ledger \(head.size) ".utf8) + head.hash.bytes)
            try tx.forEachPerson(.everyone) { row in
                var fields: [String] = [row.number, String(row.version), row.erasedAt?.description ?? "-"]
                fields += RecordCodec.clearFields.map { row.record.text(of: $0) }
                fields += [row.membership.statusSince?.description ?? "-", row.membership.continuousSince?.description ?? "-"]
                hash.update(data: Array(fields.joined(separator: "\u{1F}").utf8))
                for bytes in [row.sealedIdentity, row.indexes.email, row.indexes.phone, row.indexes.postcodeAndLastName] {
                    hash.update(data: [UInt8(bytes == nil ? 0 : 1)] + (bytes ?? []))
                }
            }
            try tx.forEachWrappedKey { id, wrapped in hash.update(data: id.bytes + wrapped) }
            return Hex.encode(hash.finalize())
        }
    }
}
