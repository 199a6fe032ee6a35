import MusterLedger
import MusterStore
import NIOCore
import PostgresNIO

/// Everything a bulk write holds back, table by table, until the next statement or the end.
///
/// The transaction sends these before any other statement (see `PostgresTransaction.run`), so
/// every read inside the transaction still sees every earlier write.
struct PendingWrites {
    var ledger = PendingInserts(table: "ledger", columns: ["seq", "kind", "subject", "time", "entry", "hash"])
    var nodes = PendingInserts(table: "merkle_nodes", columns: ["level", "idx", "hash"])
    var people = PendingInserts(table: "people", columns: PersonColumns.names)
    var keys = PendingInserts(table: "data_keys", columns: ["id", "wrapped"])

    /// Bounds the memory held back when a caller writes for a long time without reading.
    static let flushThreshold = 20_000

    var count: Int { ledger.count + nodes.count + people.count + keys.count }

    mutating func add(_ sealed: SealedEntry) {
        let entry = sealed.entry
        ledger.add { binds in
            binds.append(Int64(entry.sequence))
            binds.append(Int16(entry.kind.rawValue))
            binds.append(entry.subject.map { ByteBuffer(bytes: $0.bytes) })
            binds.append(entry.time)
            binds.append(ByteBuffer(bytes: sealed.bytes))
            binds.append(ByteBuffer(bytes: sealed.hash.bytes))
        }
    }

    mutating func add(_ node: MerkleNode) {
        nodes.add { binds in
            binds.append(node.level)
            binds.append(Int64(node.index))
            binds.append(ByteBuffer(bytes: node.hash.bytes))
        }
    }

    mutating func add(wrapped: [UInt8], for id: SubjectID) {
        keys.add { binds in
            binds.append(ByteBuffer(bytes: id.bytes))
            binds.append(ByteBuffer(bytes: wrapped))
        }
    }

    /// The statements for everything held back, in an order that satisfies every constraint.
    mutating func take() -> [PostgresQuery] {
        ledger.take() + nodes.take() + people.take() + keys.take()
    }
}
