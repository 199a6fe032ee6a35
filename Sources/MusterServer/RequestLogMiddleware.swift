import Hummingbird
import Logging
import NIOHTTP1

/// The outermost middleware: times the request, turns any error into the API's JSON error, logs
/// one line and counts it in the metrics.
///
/// What is logged is chosen, not dumped: the request id, method, route *template*, status,
/// duration and error code. Never the path as sent, the query string (search values), headers
/// (tokens, cookies), bodies, client addresses or error messages.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = MusterRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        var errorCode: String?
        do {
            response = try await next(request, context)
        } catch let error as HTTPParserError {
            // A malformed request or a connection cut mid-body: Hummingbird answers 400 and
            // closes the connection.
            context.logger.info("request", metadata: ["http.route": "\(context.endpointPath ?? "unmatched")", "error.code": "malformed_request"])
            throw error
        } catch {
            let apiError = APIError.from(error)
            errorCode = apiError.code
            if apiError.code == APIError.internalError.code {
                context.logger.error("request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
            response = try apiError.response(from: request, context: context)
        }
        response.headers[.xRequestID] = context.id
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        metrics.recordRequest(route: route, method: request.method.rawValue, status: response.status.code, nanoseconds: nanoseconds)
        var metadata: Logger.Metadata = [
            "http.method": "\(request.method.rawValue)", "http.route": "\(route)", "http.status": "\(response.status.code)",
            "duration_ms": "\(nanoseconds / 1_000_000)",
        ]
        if let errorCode { metadata["error.code"] = "\(errorCode)" }
        context.logger.info("request", metadata: metadata)
        return response
    }
}
