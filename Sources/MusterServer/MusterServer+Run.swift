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
    ///
    /// With `shipper`, committed entries are shipped to its vaults in-process, and `/metrics`
    /// shows each vault's lag (`muster_shipping_lag_entries`).
    public static func run(
        register: Register, configuration: ServerConfiguration, shipper: ContinuousShipper? = nil,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        let logger = Logger(label: "muster.server")
        let metrics = ServerMetrics()
        let app = makeApplication(register: register, configuration: configuration, metrics: metrics, logger: logger, onListening: onListening)
        var services: [any Service] = [app]
        if let shipper {
            services.append(ShippingService(shipper: shipper, metrics: metrics, logger: Logger(label: "muster.shipper")))
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
