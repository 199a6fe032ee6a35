import Foundation
import GRDB
import MusterLedger
import MusterTesting
import Testing

@testable import MusterStore

/// Registers made by an earlier version are brought up to date when opened.
@Suite struct SQLiteMigrationTests {
    /// Before v5 the tree's leaves were stored twice: as level 0 of `merkle_nodes` and as each
    /// entry's hash. Opening such a register drops the copies, and proofs still read the leaves.
    @Test func leafHashesStoredAsNodesAreDroppedOnOpening() async throws {
        let directory = TemporaryDirectory("muster-migration")
        let path = directory.file("register.sqlite")
        let sealed: [SealedEntry]
        do {
            let store = try SQLiteStore(path: path, create: true)
            let appended = try await store.write { tx in try (0..<5).map { _ in try tx.append(StoreFixtures.draft()) } }
            sealed = appended
            try await store.pool.write { db in
                for (index, entry) in appended.enumerated() {
                    try db.execute(sql: "INSERT INTO merkle_nodes (level, idx, hash) VALUES (0, ?, ?)", arguments: [index, Data(entry.hash.bytes)])
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-leaf-hashes-in-ledger'")
            }
        }
        let reopened = try SQLiteStore(path: path, create: false)
        let levels = try await reopened.pool.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT level FROM merkle_nodes ORDER BY level") }
        // Levels 1 and 2 go too, in v6: five entries reach no kept level (see the next test).
        #expect(levels.isEmpty)
        var tree = MerkleAppender()
        for entry in sealed { _ = tree.append(leafHash: entry.hash) }
        #expect(try await reopened.read { tx in try MerkleProofs.root(size: 5, reader: tx) } == tree.root)
        #expect(try await reopened.read { tx in try tx.node(level: 0, index: 4) } == sealed[4].hash)
    }

    /// Before v6 every level of the tree above the leaves was a row. Opening such a register
    /// keeps only the levels of `MerkleTiles`, and every node still reads back as it was.
    @Test func nodesOfLevelsNotKeptAreDroppedOnOpening() async throws {
        let directory = TemporaryDirectory("muster-migration")
        let path = directory.file("register.sqlite")
        let made: [MerkleNode]
        do {
            let store = try SQLiteStore(path: path, create: true)
            let appended = try await store.write { tx in try (0..<40).map { _ in try tx.append(StoreFixtures.draft()) } }
            var tree = MerkleAppender()
            made = appended.flatMap { tree.append(leafHash: $0.hash) }
            try await store.pool.write { db in
                for node in made where node.level > 0 && !MerkleTiles.isKept(level: node.level) {
                    try db.execute(
                        sql: "INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)",
                        arguments: [node.level, Int64(node.index), Data(node.hash.bytes)])
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-merkle-tiles'")
            }
            let levels = try await store.pool.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT level FROM merkle_nodes ORDER BY level") }
            #expect(levels == [1, 2, 3, 4, 5])
        }
        let reopened = try SQLiteStore(path: path, create: false)
        let levels = try await reopened.pool.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT level FROM merkle_nodes ORDER BY level") }
        #expect(levels == [4])
        let read = try await reopened.read { tx in try made.map { try tx.node(level: $0.level, index: $0.index) } }
        #expect(read == made.map(\.hash))
    }
}
