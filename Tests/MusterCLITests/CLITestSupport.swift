import Foundation
import MusterTesting
import Testing

/// Where a CLI test's register lives: the embedded default, or a fresh database on the test
/// PostgreSQL server (set through `MUSTER_DATABASE`, as an operator would).
enum CLIBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    static var available: [CLIBackend] {
        TestDatabase.adminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }
}

/// A register driven through the real `muster` binary, in temporary directories.
final class CLIRegister: @unchecked Sendable {
    let directory = TemporaryDirectory("muster-cli")
    let muster: MusterProcess

    init(initialise: Bool = true, backend: CLIBackend = .sqlite) async throws {
        let environment = backend == .postgres ? ["MUSTER_DATABASE": try await TestDatabase.create()] : [:]
        muster = MusterProcess(data: directory.file("data"), keys: directory.file("keys"), environment: environment)
        if initialise {
            let result = try await muster.run(["init"])
            #expect(result.status == 0, "\(result)")
        }
    }

    /// Runs a command and expects it to succeed.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) async throws -> MusterProcess.Result {
        let result = try await muster.run(arguments, input: input)
        #expect(result.status == 0, "muster \(arguments.joined(separator: " ")): \(result)")
        return result
    }

    func run(_ arguments: [String]) async throws -> MusterProcess.Result {
        try await muster.run(arguments)
    }
}
