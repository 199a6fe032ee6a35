import Foundation
public import Hummingbird

/// A failed request as the client sees it: an HTTP status, a stable machine-readable code and a
/// message that is safe to show and never holds personal data. Rendered as
/// `{"error": {"code": "...", "message": "..."}}`.
public struct APIError: Error, Sendable, HTTPResponseError {
    public var status: HTTPResponse.Status
    /// Stable: clients match on it, and it is what the server logs.
    public var code: String
    public var message: String
    /// Seconds for a `Retry-After` header (429 and 503).
    public var retryAfter: Int?
    /// Import problems, placed by line and column (no values).
    public var problems: [Problem]?

    /// One problem of a rejected import.
    public struct Problem: Sendable, Codable, Equatable {
        public var line: Int
        public var column: String?
        public var message: String
    }

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, retryAfter: Int? = nil, problems: [Problem]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.problems = problems
    }

    public var headers: HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Envelope(error: .init(code: code, message: message, problems: problems))
        let data = try JSONEncoder.api.encode(body)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private struct Envelope: Encodable {
        struct Body: Encodable {
            var code: String
            var message: String
            var problems: [Problem]?
        }
        var error: Body
    }
}

extension APIError {
    static let unauthenticated = APIError(.unauthorized, "unauthenticated", "sign in first: send a bearer token or the session cookie")
    static let signInFailed = APIError(.unauthorized, "sign_in_failed", "sign-in failed: check the username, password and code")
    static func forbidden(_ reason: String) -> APIError {
        APIError(.forbidden, "forbidden", "your role may not do this here (\(reason))")
    }
    static func rateLimited(_ seconds: Int) -> APIError {
        APIError(.tooManyRequests, "rate_limited", "too many requests: slow down", retryAfter: seconds)
    }
    static let overloaded = APIError(.serviceUnavailable, "overloaded", "the server is busy: try again shortly", retryAfter: 1)
    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }
    static func bodyTooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "body_too_large", "the request body is larger than \(limit) bytes")
    }
    static let notFound = APIError(.notFound, "not_found", "no such resource")
    static let internalError = APIError(.internalServerError, "internal", "the request failed on the server; it has been logged")
}

extension JSONEncoder {
    /// The API's JSON: sorted keys, so responses are stable.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
