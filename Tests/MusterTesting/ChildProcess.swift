import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// What a child process printed and how it ended.
public struct ChildOutput: Sendable, CustomStringConvertible {
    /// The exit status, or 128 plus the signal that ended it (as a shell reports it).
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// Runs child processes that a test waits for (``BackgroundProcess`` those it talks to while
/// they run), through swift-subprocess rather than Foundation's `Process`, for two reasons seen
/// in CI:
///
/// - Waiting must not hold one of Swift concurrency's threads. The whole package's tests run in
///   one process, on one cooperative thread per core; a test that waited for its commands on
///   one held it while they ran, and on two cores two such tests stopped every other test (a
///   test of 12,800 quick lookups finished none in a minute, and its watchdog ended the run).
///   swift-subprocess awaits the exit (a pidfd) and the pipes without blocking a thread.
/// - Foundation's `Process.run()` on Linux (to Swift 6.3.1) crashed with signal 11 when the test
///   process held 1,356 descriptors (tests side by side held hundreds of SQLite connections): it
///   lists `/proc/self/fd` to close them in the child, copying each entry's whole 256-byte name
///   field, and past about 1,350 entries that copy reads beyond glibc's 32 KiB buffer
///   (swift-corelibs-foundation pull request 5472). swift-subprocess closes them with
///   `close_range` instead of listing them.
public enum ChildProcess {
    /// More than any command here prints; past it the run fails rather than grow without bound.
    static let outputLimit = 64 << 20

    /// Runs `executable` with `arguments` (and `environment` over this process's own), writes
    /// `input` to its standard input and closes it, and collects what it prints.
    public static func run(
        _ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:]
    ) async throws -> ChildOutput {
        _ = ignoreBrokenPipes
        let result = try await Subprocess.run(
            configuration(executable, arguments, environment: environment), input: .string(input ?? ""),
            output: .string(limit: outputLimit), error: .string(limit: outputLimit))
        return ChildOutput(status: status(result.terminationStatus), stdout: result.standardOutput, stderr: result.standardError)
    }

    /// `executable` with `arguments`, in this process's environment with `environment` over it.
    static func configuration(_ executable: String, _ arguments: [String], environment: [String: String]) -> Configuration {
        var changes: [Environment.Key: String?] = [:]
        for (name, value) in environment { changes[Environment.Key(stringLiteral: name)] = value }
        return Configuration(
            executable: .path(FilePath(executable)), arguments: Arguments(arguments), environment: .inherit.updating(changes))
    }

    /// The exit status, or 128 plus the signal that ended the process.
    static func status(_ status: TerminationStatus) -> Int32 {
        switch status {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }

    /// A child that ends before reading all its input must fail its test, not end the test
    /// process with SIGPIPE: writes to its closed pipe return EPIPE instead.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}
