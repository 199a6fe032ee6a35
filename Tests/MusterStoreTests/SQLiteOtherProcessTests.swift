import Foundation
import GRDB
import MusterLedger
import MusterTesting
import Synchronization
import Testing

@testable import MusterStore

/// SQLite lets one connection write at a time, across every process that opens the file: the
/// server and a CLI command beside it, or two commands. A second connection to the same file
/// stands in for the other process.
@Suite struct SQLiteOtherProcessTests {
    /// Runs `body` as a task and blocks the calling thread (never one of Swift concurrency's)
    /// until it ends; returns its error, if any.
    static func blocking(_ body: @escaping @Sendable () async throws -> Void) -> String? {
        let ended = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        Task {
            do { try await body() } catch { failure.withLock { $0 = "\(error)" } }
            ended.signal()
        }
        ended.wait()
        return failure.withLock { $0 }
    }

    static func disclosure() -> EntryDraft {
        StoreFixtures.draft(.disclosure, subject: nil, payload: [])
    }

    /// A write begun while another process writes waits for it to end, then runs: it neither
    /// fails at once with "database is locked" nor runs inside the other's transaction.
    @Test func aWriteWaitsForAnotherProcessToFinish() async throws {
        let directory = TemporaryDirectory("muster-other-process")
        let store = try SQLiteStore(path: directory.file("register.sqlite"), create: true)
        let other = try await OtherProcessTransaction(path: directory.file("register.sqlite"), .write)
        let begun = Mutex(false)
        let write = Task {
            begun.withLock { $0 = true }
            return try await store.write { tx in
                // Only once the other transaction has ended can this one have begun.
                let released = other.isReleased
                #expect(released)
                return try tx.append(Self.disclosure()).entry.sequence
            }
        }
        try await waitUntil("the write has begun") { begun.withLock { $0 } }
        // Time for the write to reach SQLite and find the lock taken (without a busy timeout it
        // would fail there, at once); its writer queue has a thread of its own.
        try await Task.sleep(for: .milliseconds(300))
        await other.end()
        #expect(try await write.value == 1)
    }

    /// A write that waits longer than the store's busy timeout fails with an error that says what
    /// happened, and writes nothing.
    @Test func aWriteThatWaitsTooLongSaysTheRegisterIsBusy() async throws {
        let directory = TemporaryDirectory("muster-other-process")
        let store = try SQLiteStore(path: directory.file("register.sqlite"), create: true, busyTimeout: 0.2)
        let other = try await OtherProcessTransaction(path: directory.file("register.sqlite"), .write)
        let error = await #expect(throws: StoreError.self) {
            try await store.write { tx in try tx.append(Self.disclosure()) }
        }
        await other.end()
        #expect(error?.code == .busy)
        #expect(error?.message.contains("another process has held it for over 0.2 s") == true)
        #expect(try await store.read { try $0.ledgerHead().size } == 0)
    }

    /// Opening a database that another process is writing, when the open itself must write
    /// (to make the schema), waits as a write does and fails as one does: busy, not "cannot open".
    @Test func anOpenThatMustWriteWaitsAsAWriteDoes() async throws {
        let directory = TemporaryDirectory("muster-other-process")
        let path = directory.file("register.sqlite")
        let other = try await OtherProcessTransaction(path: path, .write)
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path, create: true, busyTimeout: 0.2) }
        await other.end()
        #expect(error?.code == .busy)
        #expect(try SQLiteStore(path: path, create: true).path == path)
    }

    /// Opening a register whose schema is complete writes nothing: a reader opens and reads
    /// while another process holds the write lock (an import), and waits for nothing.
    @Test func anOpenOfACompleteSchemaReadsBesideAnotherProcessesWrite() async throws {
        let directory = TemporaryDirectory("muster-other-process")
        let path = directory.file("register.sqlite")
        _ = try await SQLiteStore(path: path, create: true).write { tx in try tx.append(Self.disclosure()) }
        let other = try await OtherProcessTransaction(path: path, .write)
        let size = try await SQLiteStore(path: path, create: false, busyTimeout: 0).read { try $0.ledgerHead().size }
        await other.end()
        #expect(size == 1)
    }

    /// The checkpoint that erasure makes (the write-ahead log written back and emptied, so that
    /// no file still holds a destroyed key) waits for another process's reader to finish with
    /// the log, rather than fail with "database is locked" after the erasure committed.
    @Test func aCheckpointWaitsForAnotherProcessesReader() async throws {
        let directory = TemporaryDirectory("muster-other-process")
        let path = directory.file("register.sqlite")
        let store = try SQLiteStore(path: path, create: true)
        _ = try await store.write { tx in try tx.append(Self.disclosure()) }
        let reader = try await OtherProcessTransaction(path: path, .read)
        _ = try await store.write { tx in try tx.append(Self.disclosure()) }  // past the reader's snapshot
        let checkpoint = Task {
            try await store.checkpoint()
            let released = reader.isReleased
            #expect(released, "the log was emptied under a reader")
        }
        try await Task.sleep(for: .milliseconds(300))
        await reader.end()
        try await checkpoint.value
        let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(log == 0)
    }

    /// A write series keeps the ledger's end from one transaction to the next; when another
    /// process appends in between, the next transaction reads the end again and carries on after
    /// the other's entry: the chain links up and the tree's root is the root of every entry.
    @Test func aSeriesCarriesOnAfterAnotherProcessesEntries() async throws {
        let directory = TemporaryDirectory("muster-other-process")
        let store = try SQLiteStore(path: directory.file("register.sqlite"), create: true)
        let otherStore = try SQLiteStore(path: directory.file("register.sqlite"), create: false)
        let handedOut = Mutex(0)
        let outcomes = Mutex<[String]>([])
        let lastRoot = Mutex<EntryHash?>(nil)
        // A series gives the writer up after `seriesHold` (the other process's write can take
        // longer), and is then asked again, as the server does.
        repeat {
            try await store.writeSeries(
                next: { () -> Int? in
                    let item = handedOut.withLock { count in
                        count += 1
                        return count
                    }
                    guard item <= 3 else { return nil }
                    // Between the series' first and second transactions (the series is not in a
                    // transaction while it asks for work), the other process appends an entry. This
                    // thread is the series' writer queue, not one of Swift concurrency's.
                    if item == 2,
                        let failure = Self.blocking({
                            _ = try await otherStore.write { tx in
                                try tx.append(StoreFixtures.draft(.importBatch, subject: nil, payload: []))
                            }
                        })
                    {
                        outcomes.withLock { $0.append("the other process failed: \(failure)") }
                    }
                    return item
                },
                body: { tx, _ -> UInt64 in
                    let sealed = try tx.append(Self.disclosure())
                    lastRoot.withLock { $0 = tx.knownRoot(size: sealed.entry.sequence) }
                    return sealed.entry.sequence
                },
                committed: { (outcome: Result<UInt64, any Error>) in
                    outcomes.withLock { $0.append((try? outcome.get()).map { "entry \($0)" } ?? "failed: \(outcome)") }
                })
        } while handedOut.withLock({ $0 }) <= 3
        #expect(outcomes.withLock { $0 } == ["entry 1", "entry 3", "entry 4"])
        let entries = try await store.read { tx in
            var entries: [LedgerEntry] = []
            try tx.forEachEntry(from: 1) { _, bytes, _ in entries.append(try LedgerEntry(encoded: bytes)) }
            return entries
        }
        #expect(entries.map(\.kind) == [.disclosure, .importBatch, .disclosure, .disclosure])
        var tree = MerkleAppender()
        var previous = EntryHash.zero
        for entry in entries {
            #expect(entry.previousHash == previous, "entry \(entry.sequence) links to the one before")
            previous = MerkleHash.leaf(entry.encoded)
            _ = tree.append(leafHash: previous)
        }
        #expect(lastRoot.withLock { $0 } == tree.root)
    }
}
