import MusterLedger
import MusterStore
import Testing

/// The tree's nodes as each backend stores them (every perfect subtree above the leaves; a leaf
/// hash is its entry's own stored hash), and the columns kept beside each entry.
@Suite struct StoreTreeConformanceTests {
    /// Eleven entries, some without a subject, appended over three transactions.
    static func filled(_ backend: StoreBackend) async throws -> (StoreUnderTest, [SealedEntry]) {
        let subject = try await backend.make()
        var sealed: [SealedEntry] = []
        for batch in [4, 1, 6] {
            sealed += try await subject.store.write { tx in
                try (0..<batch).map { i in
                    try tx.append(i % 3 == 2 ? StoreFixtures.draft(.importBatch, subject: nil) : StoreFixtures.draft())
                }
            }
        }
        return (subject, sealed)
    }

    @Test(arguments: StoreBackend.available)
    func nodesAboveTheLeavesAreStoredAndLeavesAreTheEntryHashes(_ backend: StoreBackend) async throws {
        let (subject, sealed) = try await Self.filled(backend)
        var tree = MerkleAppender()
        let expected = sealed.flatMap { tree.append(leafHash: $0.hash) }.filter { $0.level > 0 }
            .sorted { ($0.level, $0.index) < ($1.level, $1.index) }
        let (all, levelOne, above) = try await subject.store.read { tx in
            var (all, levelOne, above) = ([MerkleNode](), [MerkleNode](), [MerkleNode]())
            try tx.forEachMerkleNode { all.append($0) }
            try tx.forEachMerkleNode(levels: 1..<2) { levelOne.append($0) }
            try tx.forEachMerkleNode(levels: 2..<Int.max) { above.append($0) }
            return (all, levelOne, above)
        }
        #expect(all == expected)
        #expect(levelOne == expected.filter { $0.level == 1 } && above == expected.filter { $0.level >= 2 })
        // Proofs read the leaves where the entries are.
        let leaves = try await subject.store.read { tx in try (0..<UInt64(sealed.count)).map { try tx.node(level: 0, index: $0) } }
        #expect(leaves == sealed.map(\.hash))
        #expect(try await subject.store.read { tx in try MerkleProofs.root(size: 11, reader: tx) } == tree.root)
        withExtendedLifetime(subject) {}
    }

    @Test(arguments: StoreBackend.available)
    func entriesAreLentWithTheColumnsBesideThem(_ backend: StoreBackend) async throws {
        let (subject, sealed) = try await Self.filled(backend)
        let problems = try await subject.store.read { tx in
            var rows: [(UInt64, [UInt8], Int64, Int64, [UInt8]?)] = []
            try tx.forEachEntryInPlace(from: 3, through: 9) { row in
                try row.checkColumns()
                rows.append((row.sequence, Array(row.bytes), row.kind, row.time, row.subject.map { Array($0) }))
            }
            return rows
        }
        #expect(problems.map(\.0) == Array(3...9))
        for (sequence, bytes, kind, time, subjectColumn) in problems {
            let entry = sealed[Int(sequence) - 1]
            #expect(bytes == entry.bytes && kind == Int64(entry.entry.kind.rawValue) && time == entry.entry.time)
            #expect(subjectColumn == entry.entry.subject?.bytes)
        }
        withExtendedLifetime(subject) {}
    }
}
