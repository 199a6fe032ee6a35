import Hummingbird
import MusterAccess

/// Load shedding and the per-client rate limit, before any of the request's work.
///
/// First the in-flight bound: when `maxInFlight` requests are being served, the next is refused
/// at once with 503 and `Retry-After` (a fast refusal beats a queue that grows until everything
/// times out). Then the client's GCRA bucket: over it, 429 with `Retry-After`.
struct LimitMiddleware: RouterMiddleware {
    typealias Context = MusterRequestContext
    let inFlight: InFlightLimiter
    let perClient: GCRALimiter
    let trustForwardedFor: Bool
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard inFlight.tryAcquire() else {
            metrics.recordRejection(.shed)
            throw APIError.overloaded
        }
        defer { inFlight.release() }
        let client = context.clientAddress(request, trustForwardedFor: trustForwardedFor)
        if case .limited(let seconds) = perClient.check(key: client) {
            metrics.recordRejection(.rateLimited)
            throw APIError.rateLimited(seconds)
        }
        return try await next(request, context)
    }
}
