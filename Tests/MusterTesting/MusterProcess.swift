public import Foundation

/// Runs the built `muster` executable, as a user would, and captures what it printed.
public struct MusterProcess: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable, CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// The executable: `$MUSTER_BINARY`, else `muster` beside the test bundle, else in `.build/debug`.
    public static let executable: String = {
        if let path = ProcessInfo.processInfo.environment["MUSTER_BINARY"] { return path }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("muster").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/muster").path
    }()

    public var data: String
    public var keys: String
    /// Variables set for every run (e.g. `MUSTER_DATABASE` for a register on PostgreSQL).
    public var environment: [String: String]

    public init(data: String, keys: String, environment: [String: String] = [:]) {
        self.data = data
        self.keys = keys
        self.environment = environment
    }

    /// Runs `muster ARGS --data … --keys …`.
    public func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await Self.runRaw(
            arguments + ["--data", data, "--keys", keys], input: input, environment: self.environment.merging(environment) { $1 })
    }

    /// Starts `muster ARGS --data … --keys …` without waiting; output is discarded.
    public func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments + ["--data", data, "--keys", keys]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.runWhenDescriptorsAllow()
        return process
    }

    /// Runs `muster ARGS` exactly as given, waiting for it on a thread of its own (see ``onItsOwnThread(_:)``).
    public static func runRaw(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await onItsOwnThread { try runAndWait(arguments, input: input, environment: environment) }
    }

    /// ``runRaw(_:input:environment:)`` on this thread, which it blocks until the process ends.
    private static func runAndWait(_ arguments: [String], input: String?, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.runWhenDescriptorsAllow()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty process cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
