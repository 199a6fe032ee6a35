import Foundation
import GRDB
import MusterTesting
import Synchronization
import Testing

@testable import MusterStore

/// Lookups block their thread; they must never wait for a connection that an asynchronous read
/// holds while it waits for a thread (which would hang every thread of the pool for ever).
@Suite struct SQLiteLookupTests {
    /// Operations finished so far, shared with the watchdog thread.
    final class Progress: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test func lookupsAndAsynchronousReadsTogetherNeverHang() async throws {
        // A hang stops every thread Swift concurrency has, time limits included: a plain thread
        // ends the test process instead, so the run fails rather than waits for ever. It looks
        // for progress, not for the end, and allows two minutes without any: the shared threads
        // can be 15 to 28 s behind while the rest of the suite runs (see `offThePool`), and a hang
        // makes no progress at all.
        let finished = DispatchSemaphore(value: 0)
        let done = Progress()
        Thread.detachNewThread {
            var seen = -1
            var lastProgress = ContinuousClock.now
            while finished.wait(timeout: .now() + 10) == .timedOut {
                let now = done.count.load(ordering: .relaxed)
                if now != seen {
                    (seen, lastProgress) = (now, ContinuousClock.now)
                } else if ContinuousClock.now - lastProgress > .seconds(120) {
                    FileHandle.standardError.write(Data("lookups and asynchronous reads hung (\(now) done)\n".utf8))
                    exit(70)
                }
            }
        }
        defer { finished.signal() }
        let directory = TemporaryDirectory("muster-lookups")
        let store = try SQLiteStore(path: directory.file("register.sqlite"), create: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<64 {
                group.addTask {
                    for _ in 0..<200 {
                        if task % 2 == 0 {
                            _ = try await store.lookup { try $0.ledgerHead() }
                        } else {
                            _ = try await store.read { try $0.ledgerHead() }
                        }
                        done.count.add(1, ordering: .relaxed)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(done.count.load(ordering: .relaxed) == 64 * 200)
    }

    /// A lookup's statements read one snapshot, and the lookup ends its transaction, even when
    /// its body fails: a snapshot left open on a pooled connection would keep the WAL from
    /// being written back and reset.
    @Test func aLookupReadsOneSnapshotAndReleasesIt() async throws {
        let directory = TemporaryDirectory("muster-lookups")
        let path = directory.file("register.sqlite")
        let store = try SQLiteStore(path: path, create: true)
        struct Stop: Error {}
        await #expect(throws: Stop.self) { try await store.lookup { _ in throw Stop() } }
        let (before, seesWrite) = try await store.lookup { tx -> (UInt64, Bool) in
            let first = try tx.ledgerHead().size
            // A write committed meanwhile (through the writer's connection) is not seen by this lookup.
            _ = try store.pool.write { db in try SQLiteTransaction(db).append(StoreFixtures.draft(.disclosure)) }
            return (first, try tx.entry(sequence: 1) != nil)
        }
        #expect(before == 0 && !seesWrite)
        for _ in 0..<8 { _ = try await store.lookup { try $0.ledgerHead() } }
        _ = try await store.write { tx in for _ in 0..<200 { _ = try tx.append(StoreFixtures.draft(.disclosure)) } }
        try await store.checkpoint()
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(wal == 0)
        #expect(try await store.lookup { try $0.ledgerHead().size } == 201)
    }
}
