import MusterLedger
import MusterStore
import MusterTesting
import Synchronization
import Testing

/// ``Store/writeSeries(next:body:committed:)`` on every backend: one transaction per piece of
/// work, a failure confined to its own, and the writer given up to other writes.
@Suite struct StoreSeriesConformanceTests {
    /// Hands out `items` one at a time, then `nil`.
    final class Work: Sendable {
        private let left: Mutex<[Int]>
        init(_ items: [Int]) { left = Mutex(items) }
        func next() -> Int? { left.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
        var isDone: Bool { left.withLock { $0.isEmpty } }
    }

    /// Each transaction after the first carries on from the ledger's end (chain head and the
    /// tree's border) as the one before committed it; after the failed one, from the tables. The
    /// roots each transaction knows, and the nodes stored, are those of the entries kept.
    @Test(arguments: StoreBackend.available)
    func eachPieceOfWorkIsATransactionOfItsOwn(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        struct Refused: Error {}
        let work = Work([5, 6, 3, 9, 2])
        let outcomes = Mutex<[String]>([])
        let roots = Mutex<[UInt64: EntryHash]>([:])
        // A series holds the writer for at most `seriesHold` (20 ms): on a busy machine this work
        // can take more than one series, as work does in the server, each starting from the tables.
        while !work.isDone {
            try await store.writeSeries(
                next: work.next,
                body: { tx, item in
                    // Each transaction appends as many entries as its item says, and the third then fails.
                    for _ in 0..<item { _ = try tx.append(StoreFixtures.draft(.disclosure, subject: nil, payload: [UInt8(item)])) }
                    if item == 3 { throw Refused() }
                    let size = try tx.ledgerHead().size
                    return (size, try #require(tx.knownRoot(size: size)))
                },
                committed: { outcome in
                    if let (size, root) = try? outcome.get() { roots.withLock { $0[size] = root } }
                    outcomes.withLock { $0.append((try? outcome.get()).map { "size \($0.0)" } ?? "failed") }
                })
        }
        // Sizes seen inside each transaction: 5, 5+6, (3 rolled back), 11+9, 20+2.
        #expect(outcomes.withLock { $0 } == ["size 5", "size 11", "failed", "size 20", "size 22"])
        let (payloads, hashes, rows) = try await store.read { tx in
            var (payloads, hashes, rows): ([UInt8], [EntryHash], [MerkleNode]) = ([], [], [])
            try tx.forEachEntry(from: 1) { _, bytes, _ in
                payloads.append(try LedgerEntry(encoded: bytes).payload.first ?? 0)
                hashes.append(MerkleHash.leaf(bytes))
            }
            try tx.forEachMerkleNode { rows.append($0) }
            return (payloads, hashes, rows)
        }
        #expect(payloads == [UInt8](repeating: 5, count: 5) + [UInt8](repeating: 6, count: 6) + [UInt8](repeating: 9, count: 9) + [2, 2])
        var tree = MerkleAppender()
        var expectedRows: [MerkleNode] = []
        for (index, hash) in hashes.enumerated() {
            expectedRows += tree.append(leafHash: hash).filter { MerkleTiles.isNodeRow(level: $0.level) }
            if let root = roots.withLock({ $0[UInt64(index + 1)] }) { #expect(root == tree.root, "root at size \(index + 1)") }
        }
        #expect(roots.withLock { $0.count } == 4)
        #expect(rows == expectedRows && rows.map(\.level) == [4])
    }

    /// A series that always has more work still lets another write through, and returns.
    @Test(.timeLimit(.minutes(10)), arguments: StoreBackend.available)
    func aSeriesGivesTheWriterUp(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let stop = Mutex(false)
        let series = Task {
            var rounds = 0
            while !stop.withLock({ $0 }) {
                try await store.writeSeries(
                    next: { stop.withLock { $0 } ? nil : 1 },
                    body: { tx, _ in _ = try tx.append(StoreFixtures.draft(.disclosure, subject: nil, payload: [])) },
                    committed: { _ in })
                rounds += 1
            }
            return rounds
        }
        // Wait until the series is under way, then write past it.
        while try await store.read({ try $0.ledgerHead().size }) < 10 { try await Task.sleep(for: .milliseconds(1)) }
        let other = try await store.write { tx in try tx.append(StoreFixtures.draft(.importBatch, subject: nil, payload: [])) }
        stop.withLock { $0 = true }
        let rounds = try await series.value
        #expect(rounds >= 1)
        #expect(other.entry.kind == .importBatch)
    }
}
