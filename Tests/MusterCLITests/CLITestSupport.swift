import Foundation
import MusterTesting
import Testing

/// A register driven through the real `muster` binary, in temporary directories.
final class CLIRegister: @unchecked Sendable {
    let directory = TemporaryDirectory("muster-cli")
    let muster: MusterProcess

    init(initialise: Bool = true) throws {
        muster = MusterProcess(data: directory.file("data"), keys: directory.file("keys"))
        if initialise {
            let result = try muster.run(["init"])
            #expect(result.status == 0, "\(result)")
        }
    }

    /// Runs a command and expects it to succeed.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) throws -> MusterProcess.Result {
        let result = try muster.run(arguments, input: input)
        #expect(result.status == 0, "muster \(arguments.joined(separator: " ")): \(result)")
        return result
    }

    func run(_ arguments: [String]) throws -> MusterProcess.Result {
        try muster.run(arguments)
    }
}
