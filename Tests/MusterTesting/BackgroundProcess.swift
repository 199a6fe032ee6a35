import Foundation
import Subprocess
import Synchronization

/// A child process that runs while a test talks to it (a server): what it prints is collected
/// as it comes, signals are sent through its pidfd, and its exit status is awaited. Like
/// ``ChildProcess``, it is launched by swift-subprocess, not Foundation's `Process`. The run
/// prefers a queue of its own (``OwnQueueExecutor``), so the process id is known, output read
/// and signals sent without waiting for the shared threads, which can be seconds behind. (The
/// end of the run may still wait for them: swift-subprocess finishes it in a task of its own.)
public final class BackgroundProcess: Sendable {
    /// What the run shares with the test: the output so far, and whether the process ended.
    private final class Shared: Sendable {
        let output = Mutex<(stdout: [UInt8], stderr: [UInt8])>(([], []))
        let ended = Atomic<Bool>(false)
        /// The process id once it has started (0 before).
        let pid = Atomic<Int32>(0)
    }

    private let shared = Shared()
    /// Signals for the process, sent from within the run (its handle may not leave it).
    private let signals: AsyncStream<Int32>.Continuation
    /// The run: its value is the exit status, or 128 plus the signal that ended the process.
    private let run: Task<Int32, any Error>

    /// Starts `executable` with `arguments` (and `environment` over this process's own), its
    /// standard input empty.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) {
        let (signals, signalled) = AsyncStream<Int32>.makeStream()
        self.signals = signalled
        let shared = self.shared
        let configuration = ChildProcess.configuration(executable, arguments, environment: environment)
        let executor = OwnQueueExecutor(label: "muster.test.process")
        run = Task(executorPreference: executor) {
            defer {
                shared.ended.store(true, ordering: .releasing)
                withExtendedLifetime(executor) {}  // for as long as the run, whatever the runtime keeps
            }
            let result = try await Subprocess.run(configuration, input: .none, output: .sequence, error: .sequence) { execution in
                shared.pid.store(execution.processIdentifier.value, ordering: .releasing)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await buffer in execution.standardOutput {
                            buffer.withUnsafeBytes { bytes in shared.output.withLock { $0.stdout += bytes } }
                        }
                    }
                    group.addTask {
                        for try await buffer in execution.standardError {
                            buffer.withUnsafeBytes { bytes in shared.output.withLock { $0.stderr += bytes } }
                        }
                    }
                    group.addTask {
                        for await signal in signals { try? execution.send(signal: Signal(rawValue: signal)) }
                    }
                    // Both pipes end when the process does; then no signal is sent any more.
                    _ = try await group.next()
                    _ = try await group.next()
                    signalled.finish()
                    try await group.waitForAll()
                }
            }
            return ChildProcess.status(result.terminationStatus)
        }
    }

    /// What the process printed on standard output so far.
    public var printed: String { shared.output.withLock { String(decoding: $0.stdout, as: UTF8.self) } }
    /// What the process printed on standard error so far.
    public var errors: String { shared.output.withLock { String(decoding: $0.stderr, as: UTF8.self) } }

    public var isRunning: Bool { !shared.ended.load(ordering: .acquiring) }

    public func signal(_ signal: Int32) {
        signals.yield(signal)
    }

    /// Stops the process if it is still running (for a `defer`: it does not wait).
    public func kill() {
        if isRunning { signal(SIGKILL) }
    }

    /// Sends `signal` the moment `condition` holds, checking every 10 ms for up to `limit` on a
    /// thread of its own: a task's sleep can end seconds late on a busy machine, and a test that
    /// must catch a moment (an import part-way through) would miss it. Returns whether the
    /// process was running when signalled.
    public func signal(_ signal: Int32, when condition: @escaping @Sendable () -> Bool, within limit: Duration = hangLimit) async -> Bool {
        let shared = self.shared
        return await offThePool {
            let deadline = ContinuousClock.now + limit
            while ContinuousClock.now < deadline && !shared.ended.load(ordering: .acquiring) {
                let pid = shared.pid.load(ordering: .acquiring)
                if pid != 0 && condition() {
                    // Straight to the process, not through the run's task, which a busy
                    // machine may run late; `ended` is set only once the run has reaped it.
                    return Foundation.kill(pid, signal) == 0
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return false
        }
    }

    /// Waits for the process to end; its status (as ``ChildOutput/status``). Throws
    /// ``StillWaiting`` if it is still running after ``hangLimit``.
    public func waitForExit() async throws -> Int32 {
        try await waitUntil("the process to exit", interval: .milliseconds(50)) { !isRunning }
        return try await run.value
    }

    /// Waits for standard output to match `pattern`; returns its first group, or `nil` if the
    /// process ended first. Throws ``StillWaiting`` after ``hangLimit``.
    public func waitForOutput(matching pattern: String) async throws -> String? {
        var match: String?
        try await waitUntil("output matching \(pattern)", interval: .milliseconds(50)) {
            match = firstMatch(pattern)
            return match != nil || !isRunning
        }
        return match ?? firstMatch(pattern)
    }

    /// The first group of `pattern` in what the process printed on standard output so far.
    public func firstMatch(_ pattern: String) -> String? {
        let text = printed
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}
