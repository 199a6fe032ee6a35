import MusterLedger
import MusterStore
import Testing

/// The tree's nodes as each backend stores them (the kept levels above the leaves, see
/// ``MerkleTiles``; a leaf hash is its entry's own stored hash), and the columns kept beside
/// each entry.
@Suite struct StoreTreeConformanceTests {
    /// Entries, some without a subject, appended over several transactions.
    static func filled(_ backend: StoreBackend, batches: [Int] = [4, 1, 6]) async throws -> (StoreUnderTest, [SealedEntry]) {
        let subject = try await backend.make()
        var sealed: [SealedEntry] = []
        for batch in batches {
            sealed += try await subject.store.write { tx in
                try (0..<batch).map { i in
                    try tx.append(i % 3 == 2 ? StoreFixtures.draft(.importBatch, subject: nil) : StoreFixtures.draft())
                }
            }
        }
        return (subject, sealed)
    }

    /// 300 entries: rows at levels 4 and 8 only, and every node of the tree, at every level,
    /// read back (recomputed where it is not kept) as the appender made it. Later appends
    /// restore the tree's border from those reads, so a wrong one would break every checkpoint.
    @Test(arguments: StoreBackend.available)
    func theKeptLevelsAreStoredAndEveryNodeReadsBack(_ backend: StoreBackend) async throws {
        let (subject, sealed) = try await Self.filled(backend, batches: [4, 1, 6, 17, 272])
        var tree = MerkleAppender()
        let made = sealed.flatMap { tree.append(leafHash: $0.hash) }
        let expected = made.filter { MerkleTiles.isNodeRow(level: $0.level) }.sorted { ($0.level, $0.index) < ($1.level, $1.index) }
        #expect(Set(expected.map(\.level)) == [4, 8])
        let (rows, read) = try await subject.store.read { tx in
            var rows: [MerkleNode] = []
            try tx.forEachMerkleNode { rows.append($0) }
            return (rows, try made.map { try tx.node(level: $0.level, index: $0.index) })
        }
        #expect(rows == expected)
        #expect(read == made.map(\.hash))
        for size in [1, 15, 16, 17, 100, 255, 256, 257, 300] as [UInt64] {
            var naive = MerkleAppender()
            for entry in sealed.prefix(Int(size)) { _ = naive.append(leafHash: entry.hash) }
            #expect(try await subject.store.read { tx in try MerkleProofs.root(size: size, reader: tx) } == naive.root, "size \(size)")
        }
        // Beyond the ledger a node is missing, not made up.
        let beyond = await #expect(throws: MerkleError.self) { try await subject.store.read { tx in try tx.node(level: 3, index: 37) } }
        #expect(beyond?.code == .missingNode)
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
