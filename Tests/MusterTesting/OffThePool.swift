import Dispatch
import Foundation

// Every test of the package runs at once, in one process, on Swift concurrency's shared threads:
// one per core, two on CI. Their jobs queue first in, first out, and a job holds its thread until
// it suspends. Measured during whole runs, a task sleeping 100 ms in a loop woke up 15 to 28 s
// late: hundreds of tests' jobs were queued ahead of it. `DispatchQueue.global()` is no way out
// on Linux: it is the same two threads.
//
// So how long anything takes on those threads says nothing in a test. What must happen at a
// moment (a signal while a child process is part-way through, a read with a deadline) runs on a
// thread of its own, and what a test waits for it waits for by condition, with a limit that only
// ends a real hang.

/// Runs `body` on a new thread, not on one of Swift concurrency's few shared threads, and
/// suspends the caller meanwhile: for blocking calls (a socket read) and for seconds of work
/// that would otherwise keep every other test waiting. Throws what `body` throws.
public func offThePool<T: Sendable, Failure: Error>(
    _ body: @escaping @Sendable () throws(Failure) -> T
) async throws(Failure) -> T {
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, Failure>, Never>) in
        Thread.detachNewThread { continuation.resume(returning: Result { () throws(Failure) in try body() }) }
    }
    return try result.get()
}

/// The limit for a wait that only a hang should reach: long enough that no busy machine
/// reaches it, short enough that a hang fails the run well inside CI's own limit.
public let hangLimit = Duration.seconds(600)

/// A wait that reached ``hangLimit`` (or the limit given).
public struct StillWaiting: Error, CustomStringConvertible {
    public let what: String
    public let limit: Duration
    public var description: String { "still waiting after \(limit): \(what)" }
}

/// Waits until `condition` holds, checking every `interval`; throws ``StillWaiting`` after
/// `limit`, which only a hang should reach.
public func waitUntil(
    _ what: String, limit: Duration = hangLimit, interval: Duration = .milliseconds(10),
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw StillWaiting(what: what, limit: limit) }
        try await Task.sleep(for: interval)
    }
}

/// Runs the jobs of the tasks that prefer it (and of their child tasks) on a serial Dispatch
/// queue of its own. Such a queue runs on Dispatch's "overcommit" threads, added as needed, so
/// its jobs do not queue behind the shared threads' (a global or concurrent queue would not do:
/// see above). Timers and unstructured tasks made inside still go through the shared threads.
public final class OwnQueueExecutor: TaskExecutor {
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
