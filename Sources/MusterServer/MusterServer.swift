public import Hummingbird
import HummingbirdCore
public import Logging
import MusterAccess
public import MusterRegister
import NIOCore

/// Muster's HTTP server: the REST API under `/api/v1`, health, readiness and metrics, on
/// Hummingbird.
///
/// ```swift
/// let app = MusterServer.makeApplication(register: register, configuration: .init(port: 8080), logger: logger)
/// try await ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm], logger: logger)).run()
/// ```
public enum MusterServer {
    /// The router with every route of ``Endpoint/all`` and the middleware in front of them:
    /// request log and metrics (outermost, also turning errors into JSON), then load shedding and
    /// the per-client rate limit.
    public static func makeRouter(
        register: Register, configuration: ServerConfiguration, metrics: ServerMetrics
    ) -> Router<MusterRequestContext> {
        let router = Router(context: MusterRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(
            middleware: LimitMiddleware(
                inFlight: InFlightLimiter(limit: configuration.maxInFlight), perClient: GCRALimiter(configuration: configuration.perClient),
                trustForwardedFor: configuration.trustForwardedFor, metrics: metrics))
        let accounts = StaffAccounts(register: register, passwordCost: configuration.passwordCost)
        let gate = Gate(
            register: register, accounts: accounts, perAccount: GCRALimiter(configuration: configuration.perAccount), metrics: metrics)
        let state = ServerState(
            gate: gate, configuration: configuration, metrics: metrics,
            signInPerClient: GCRALimiter(configuration: configuration.signInPerClient),
            signInPerAccount: GCRALimiter(configuration: configuration.signInPerAccount),
            signIns: InFlightLimiter(limit: configuration.maxConcurrentSignIns))
        API(router: router, state: state).addRoutes()
        if configuration.benchmarkRoute {
            router.get("/bench/hello") { _, _ in "hello\n" }
        }
        return router
    }

    /// The application: the router on an HTTP/1.1 server with bounded connections, headers,
    /// idle time and upload time. `onListening` receives the bound `host:port`.
    public static func makeApplication(
        register: Register, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(), logger: Logger,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> Application<RouterResponder<MusterRequestContext>> {
        let router = makeRouter(register: register, configuration: configuration, metrics: metrics)
        let limits = RequestGuardHandler.Limits(
            readTimeout: TimeAmount(configuration.requestReadTimeout), maxBodyBytes: configuration.maxJSONBodyBytes,
            uploadPath: Endpoint.importPeople.path, uploadReadTimeout: TimeAmount(configuration.importReadTimeout),
            maxUploadBytes: configuration.maxImportBodyBytes)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestGuardHandler(limits: limits)],
            idleTimeout: TimeAmount(configuration.idleTimeout),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: configuration.maxHeaderBytes, maxHeaderListSize: configuration.maxHeaderBytes,
                maxHeaderFieldCount: 100))
        return Application(
            router: router, server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { channel in
                let address = channel.localAddress
                await onListening("\(address?.ipAddress ?? configuration.host):\(address?.port ?? configuration.port)")
            },
            logger: logger)
    }
}
