import MusterLedger
import MusterStore
import NIOCore
import PostgresNIO

/// Everything a bulk write holds back, table by table, until the next statement or the end.
///
/// The transaction sends these before any other statement (see `PostgresTransaction.run`), so
/// every read inside the transaction still sees every earlier write.
struct PendingWrites {
    var ledger = PendingInserts(
        table: "ledger", columns: [("seq", .int8), ("kind", .int2), ("subject", .bytea), ("time", .int8), ("entry", .bytea), ("hash", .bytea)])
    var nodes = PendingInserts(table: "merkle_nodes", columns: [("level", .int4), ("idx", .int8), ("hash", .bytea)])
    var people = PendingInserts(table: "people", columns: PostgresTransaction.personColumns)
    var keys = PendingInserts(table: "data_keys", columns: [("id", .bytea), ("wrapped", .bytea)])

    /// Bounds the memory held back when a caller writes for a long time without reading.
    static let flushThreshold = 20_000

    var count: Int { ledger.count + nodes.count + people.count + keys.count }

    mutating func add(_ sealed: SealedEntry) {
        let entry = sealed.entry
        ledger.add { row in
            row.add(Int64(entry.sequence))
            row.add(Int16(entry.kind.rawValue))
            row.add(entry.subject.map { ByteBuffer(bytes: $0.bytes) })
            row.add(entry.time)
            row.add(ByteBuffer(bytes: sealed.bytes))
            row.add(ByteBuffer(bytes: sealed.hash.bytes))
        }
    }

    mutating func add(_ node: MerkleNode) {
        nodes.add { row in
            row.add(Int32(node.level))
            row.add(Int64(node.index))
            row.add(ByteBuffer(bytes: node.hash.bytes))
        }
    }

    mutating func add(wrapped: [UInt8], for id: SubjectID) {
        keys.add { row in
            row.add(ByteBuffer(bytes: id.bytes))
            row.add(ByteBuffer(bytes: wrapped))
        }
    }

    /// The statements for everything held back, in an order that satisfies every constraint.
    mutating func take() -> [PostgresQuery] {
        ledger.take() + nodes.take() + people.take() + keys.take()
    }
}
