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

    var configuration: RegisterConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return RegisterConfiguration(
            dataDirectory: data ?? environment["MUSTER_DATA"] ?? "./muster-data",
            keysDirectory: keys ?? environment["MUSTER_KEYS"] ?? "./muster-keys",
            actor: "cli:\(user)", database: database ?? environment["MUSTER_DATABASE"])
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
