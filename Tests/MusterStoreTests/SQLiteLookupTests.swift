import Foundation
import MusterTesting
import Testing

@testable import MusterStore

/// Lookups block their thread; they must never wait for a connection that an asynchronous read
/// holds while it waits for a thread (which would hang every thread of the pool for ever).
@Suite struct SQLiteLookupTests {
    @Test func lookupsAndAsynchronousReadsTogetherNeverHang() async throws {
        // A hang stops every thread Swift concurrency has, time limits included: a plain thread
        // ends the test process instead, so the run fails rather than waits for ever.
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if finished.wait(timeout: .now() + 60) == .timedOut {
                FileHandle.standardError.write(Data("lookups and asynchronous reads hung\n".utf8))
                exit(70)
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
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
