import ArgumentParser
import Foundation
import MusterRegister

/// The options every command shares: where the register and its keys are.
struct RegisterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data directory (default: $MUSTER_DATA or ./muster-data).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The keys directory, kept apart from the data (default: $MUSTER_KEYS or ./muster-keys).", valueName: "dir"))
    var keys: String?

    @Option(name: .long, help: ArgumentHelp("A PostgreSQL URL, postgres://user@host:port/db (default: $MUSTER_DATABASE, else SQLite in the data directory).", valueName: "url"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How long to wait for another process writing a SQLite register before giving up with exit status 75 "
                + "(default: $MUSTER_WAIT or \(Int(RegisterConfiguration.standardBusyTimeout))).",
            valueName: "seconds"))
    var wait: Double?

    mutating func validate() throws {
        _ = try busyTimeout()
    }

    /// `--wait`, else `$MUSTER_WAIT`, else the standard wait; a value that is not a number of
    /// seconds is refused, naming where it came from.
    private func busyTimeout() throws -> Double {
        let environment = ProcessInfo.processInfo.environment["MUSTER_WAIT"]
        if wait == nil && environment == nil { return RegisterConfiguration.standardBusyTimeout }
        let (seconds, source) = wait.map { ($0, "--wait") } ?? (environment.flatMap(Double.init), "MUSTER_WAIT")
        guard let seconds, seconds.isFinite, seconds >= 0 else {
            throw ValidationError("\(source) must be a number of seconds, 0 or more")
        }
        return seconds
    }

    var configuration: RegisterConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        var configuration = RegisterConfiguration(
            dataDirectory: data ?? environment["MUSTER_DATA"] ?? "./muster-data",
            keysDirectory: keys ?? environment["MUSTER_KEYS"] ?? "./muster-keys",
            actor: "cli:\(user)", database: database ?? environment["MUSTER_DATABASE"])
        // Checked by `validate()` before any command runs.
        configuration.busyTimeout = (try? busyTimeout()) ?? RegisterConfiguration.standardBusyTimeout
        return configuration
    }

    /// Opens the existing register.
    func open() async throws -> Register {
        try await Register.open(configuration)
    }

    /// The configuration for a long-running server (see `RegisterConfiguration.memoryMappedReads`).
    var serverConfiguration: RegisterConfiguration {
        var configuration = self.configuration
        configuration.memoryMappedReads = false
        return configuration
    }
}
