import Foundation
import GRDB
import MusterLedger
import MusterTesting
import Testing

@testable import MusterStore

/// Registers made by an earlier version are brought up to date when opened.
@Suite struct SQLiteMigrationTests {
    /// A register of `entries` entries as an earlier version left it: `rows` (level, index,
    /// hash) added to `merkle_nodes`, and `migration` marked as not yet applied. Returns the
    /// levels stored then, and the register reopened (so brought up to date), with its entries
    /// and every node of their tree.
    static func reopened(
        entries: Int, addingRows rows: ([MerkleNode]) -> [MerkleNode], before migration: String, in directory: TemporaryDirectory
    ) async throws -> (levelsBefore: [Int], store: SQLiteStore, sealed: [SealedEntry], nodes: [MerkleNode]) {
        let path = directory.file("register.sqlite")
        let (levelsBefore, sealed, nodes): ([Int], [SealedEntry], [MerkleNode])
        do {
            let store = try SQLiteStore(path: path, create: true)
            sealed = try await store.write { tx in try (0..<entries).map { _ in try tx.append(StoreFixtures.draft()) } }
            var tree = MerkleAppender()
            nodes = sealed.flatMap { tree.append(leafHash: $0.hash) }
            let added = rows(nodes)
            try await store.pool.write { db in
                for node in added {
                    try db.execute(
                        sql: "INSERT INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)",
                        arguments: [node.level, Int64(node.index), Data(node.hash.bytes)])
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [migration])
            }
            levelsBefore = try await levels(store)
        }
        return (levelsBefore, try SQLiteStore(path: path, create: false), sealed, nodes)
    }

    static func levels(_ store: SQLiteStore) async throws -> [Int] {
        try await store.pool.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT level FROM merkle_nodes ORDER BY level") }
    }

    /// Before v5 the tree's leaves were stored twice: as level 0 of `merkle_nodes` and as each
    /// entry's hash. Opening such a register drops the copies, and proofs still read the leaves.
    @Test func leafHashesStoredAsNodesAreDroppedOnOpening() async throws {
        let directory = TemporaryDirectory("muster-migration")
        let (before, reopened, sealed, _) = try await Self.reopened(
            entries: 5, addingRows: { $0.filter { $0.level == 0 } }, before: "v5-leaf-hashes-in-ledger", in: directory)
        #expect(before == [0])
        // Levels 1 and 2 go too, in v6: five entries reach no kept level (see the next test).
        #expect(try await Self.levels(reopened).isEmpty)
        var tree = MerkleAppender()
        for entry in sealed { _ = tree.append(leafHash: entry.hash) }
        #expect(try await reopened.read { tx in try MerkleProofs.root(size: 5, reader: tx) } == tree.root)
        #expect(try await reopened.read { tx in try tx.node(level: 0, index: 4) } == sealed[4].hash)
    }

    /// Before v6 every level of the tree above the leaves was a row (40 entries: levels 1 to 5).
    /// Opening such a register keeps only the levels of `MerkleTiles`, and every node still
    /// reads back as it was.
    @Test func nodesOfLevelsNotKeptAreDroppedOnOpening() async throws {
        let directory = TemporaryDirectory("muster-migration")
        let (before, reopened, _, nodes) = try await Self.reopened(
            entries: 40, addingRows: { $0.filter { $0.level > 0 && !MerkleTiles.isKept(level: $0.level) } }, before: "v6-merkle-tiles",
            in: directory)
        #expect(before == [1, 2, 3, 4, 5])
        #expect(try await Self.levels(reopened) == [4])
        let read = try await reopened.read { tx in try nodes.map { try tx.node(level: $0.level, index: $0.index) } }
        #expect(read == nodes.map(\.hash))
    }
}
