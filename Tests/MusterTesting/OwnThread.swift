import Foundation

/// Runs `work`, which blocks its thread (it waits on a pipe or a process), on a thread of its
/// own, and awaits its result without holding one of Swift concurrency's threads, which every
/// test of the package shares (see ``ChildProcess``). For the waits swift-subprocess does not
/// cover: a server started with Foundation's `Process` that keeps running after the wait.
public func onItsOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result(catching: work)) }
    }
}
