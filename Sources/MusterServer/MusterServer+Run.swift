import Logging
public import MusterRegister
import ServiceLifecycle

extension MusterServer {
    /// Sends every log of the process to standard error as JSON lines. Call once, from the
    /// executable, before anything logs.
    public static func bootstrapJSONLogging() {
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
    }

    /// Runs the server until SIGTERM or SIGINT, then stops accepting connections, lets the
    /// requests in flight finish, and returns. The application is the one service of a
    /// `ServiceGroup`; services added later (shippers, checkpointers) belong beside it.
    public static func run(
        register: Register, configuration: ServerConfiguration, onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        let logger = Logger(label: "muster.server")
        let app = makeApplication(register: register, configuration: configuration, logger: logger, onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
