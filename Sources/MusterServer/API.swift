import Foundation
import Hummingbird
import MusterAccess
import MusterRegister

/// Builds the routes from the ``Endpoint`` table. ``open(_:_:)`` and ``guarded(_:_:)`` are the
/// only ways a route is added, and a guarded handler runs only after the ``Gate`` admitted it.
struct API {
    let router: Router<MusterRequestContext>
    let state: ServerState

    /// A route that needs no sign-in.
    func open(_ endpoint: Endpoint, _ handler: @escaping @Sendable (Request, MusterRequestContext) async throws -> Response) {
        precondition(endpoint.scope == .open, "\(endpoint) needs the gate")
        router.on(RouterPath(endpoint.path), method: endpoint.method) { (request: Request, context: MusterRequestContext) -> Response in
            try await handler(request, context)
        }
    }

    /// A route behind the gate: authenticated, rate-limited per account and authorised.
    func guarded(
        _ endpoint: Endpoint, _ handler: @escaping @Sendable (Request, MusterRequestContext, Access) async throws -> Response
    ) {
        precondition(endpoint.scope != .open, "\(endpoint) is open")
        let gate = state.gate
        router.on(RouterPath(endpoint.path), method: endpoint.method) { (request: Request, context: MusterRequestContext) -> Response in
            guard let access = try await gate.admit(request, context: context, endpoint: endpoint) else { throw APIError.internalError }
            return try await handler(request, context, access)
        }
    }

    /// Adds every route in ``Endpoint/all``.
    func addRoutes() {
        addHealthRoutes()
        addSessionRoutes()
        addPersonRoutes()
        addPeopleRoutes()
        addImportRoute()
        addExportRoute()
        addReportRoutes()
        addLedgerRoutes()
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder.api.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// JSON already written (``JSONText``).
    static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ value: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: value)))
    }
}

/// What the route handlers share: the gate (and through it the register and staff accounts),
/// the configuration, the metrics and the sign-in limiters.
struct ServerState: Sendable {
    let gate: Gate
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let signInPerClient: GCRALimiter
    let signInPerAccount: GCRALimiter
    let signIns: InFlightLimiter

    var register: Register { gate.register }
    var accounts: StaffAccounts { gate.accounts }

    /// The request's JSON body, read up to the configured limit (413 beyond it).
    func body<T: Decodable>(_ type: T.Type, of request: Request) async throws -> T {
        let limit = configuration.maxJSONBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.bodyTooLarge(limit)
        }
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else {
                throw APIError.bodyTooLarge(limit)
            }
            buffer.writeImmutableBuffer(chunk)
        }
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("this request needs a JSON body") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError.badRequest("the body is not the JSON this request expects")
        }
    }

    /// Counts a request against `limiter`, refusing it with 429 when over.
    func limit(_ limiter: GCRALimiter, key: String) throws {
        if case .limited(let seconds) = limiter.check(key: key) {
            metrics.recordRejection(.rateLimited)
            throw APIError.rateLimited(seconds)
        }
    }
}

extension Request {
    /// A query parameter, percent-decoded.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }
}
