import Foundation

/// Runs the built `muster` executable, as a user would, and captures what it printed.
public struct MusterProcess: Sendable {
    /// What a run printed and how it ended.
    public typealias Result = ChildOutput

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

    /// Starts `muster ARGS --data … --keys …` without waiting.
    public func start(_ arguments: [String]) -> BackgroundProcess {
        BackgroundProcess(Self.executable, arguments + ["--data", data, "--keys", keys], environment: environment)
    }

    /// Runs `muster ARGS` exactly as given.
    public static func runRaw(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await ChildProcess.run(executable, arguments, input: input, environment: environment)
    }
}
