public import Foundation

/// Runs `work`, which blocks its thread (it waits for a child process, a pipe or a sleep), on a
/// thread of its own, and awaits its result without holding one of Swift concurrency's threads.
///
/// Every test of the package runs in one process, on one cooperative thread per core. A test
/// that waited for child processes on one of them held it for as long as they ran: on CI's two
/// cores, two such tests at once stopped every other test in the process (a test that makes
/// 12,800 quick lookups finished none in a minute, and its watchdog ended the run).
public func onItsOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result(catching: work)) }
    }
}
