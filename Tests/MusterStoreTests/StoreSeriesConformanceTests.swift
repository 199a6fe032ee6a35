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
    }

    @Test(arguments: StoreBackend.available)
    func eachPieceOfWorkIsATransactionOfItsOwn(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        struct Refused: Error {}
        let work = Work([1, 2, 3, 4])
        let outcomes = Mutex<[String]>([])
        try await store.writeSeries(
            next: work.next,
            body: { tx, item in
                // Each transaction appends as many entries as its item says, and the third then fails.
                for _ in 0..<item { _ = try tx.append(StoreFixtures.draft(.disclosure, subject: nil, payload: [UInt8(item)])) }
                if item == 3 { throw Refused() }
                return try tx.ledgerHead().size
            },
            committed: { outcome in
                outcomes.withLock { $0.append((try? outcome.get()).map { "size \($0)" } ?? "failed") }
            })
        // Sizes seen inside each transaction: 1, 1+2, (3 rolled back), 3+4.
        #expect(outcomes.withLock { $0 } == ["size 1", "size 3", "failed", "size 7"])
        let sizes = try await store.read { tx in
            var payloads: [UInt8] = []
            try tx.forEachEntry(from: 1) { _, bytes, _ in payloads.append(try LedgerEntry(encoded: bytes).payload.first ?? 0) }
            return payloads
        }
        #expect(sizes == [1, 2, 2, 4, 4, 4, 4])
    }

    /// A series that always has more work still lets another write through, and returns.
    @Test(.timeLimit(.minutes(1)), arguments: StoreBackend.available)
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
