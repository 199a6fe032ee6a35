import Crypto
import Foundation
public import Hummingbird
import MusterVault
import NIOCore

/// `muster vault serve`: the append-only vault as a small HTTP server, meant to run on another
/// host under other credentials. The register's shipper holds a token that can add segments
/// and key-store snapshots and read them back; no request can delete or overwrite anything.
///
/// Routes (all but `/healthz` need `Authorization: Bearer <token>`):
/// `PUT /v1/files/{segment name}`, `GET /v1/files/{name}`, `GET /v1/files?prefix=`,
/// `POST /v1/snapshots/{prefix}`, `GET /healthz`.
public enum VaultServer {
    /// The largest upload: a segment body is at most 256 MiB; a key-store snapshot is smaller.
    public static let maximumUploadBytes = 300 << 20

    public static func router(keeper: VaultKeeper, token: String) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        let api = router.group("/v1").add(middleware: TokenMiddleware(token: token))
        api.put("/files/:name") { request, context -> Response in
            let name = try context.parameters.require("name")
            let body = try await request.body.collect(upTo: maximumUploadBytes)
            let result = try await refusing { try await keeper.putSegment(name: name, bytes: Array(buffer: body)) }
            return text(result == .stored ? .created : .ok, result == .stored ? "stored\n" : "already present\n")
        }
        api.get("/files/:name") { _, context -> Response in
            let name = try context.parameters.require("name")
            let bytes = try await refusing { try keeper.vault.get(name: name) }
            return Response(
                status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        api.get("/files") { request, _ -> Response in
            let prefix = request.uri.queryParameters.get("prefix") ?? ""
            let names = try await refusing { try keeper.vault.list(prefix: prefix) }
            return text(.ok, names.map { $0 + "\n" }.joined())
        }
        api.post("/snapshots/:prefix") { request, context -> Response in
            let prefix = try context.parameters.require("prefix")
            let body = try await request.body.collect(upTo: maximumUploadBytes)
            let name = try await refusing { try await keeper.putSnapshot(prefix: prefix, bytes: Array(buffer: body)) }
            return text(.created, name)
        }
        return router
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Runs `body`, turning a ``VaultError`` into an HTTP error whose body is `code: message`
    /// (what ``HTTPVault`` reads back); the message is safe (names and numbers only).
    static func refusing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as VaultError {
            let status: HTTPResponse.Status =
                switch error.code {
                case .notFound: .notFound
                case .conflict: .conflict
                case .limitExceeded: .contentTooLarge
                case .invalidName, .nameMismatch: .badRequest
                case .io: .internalServerError
                default: .unprocessableContent
                }
            throw HTTPError(status, message: "\(error.code.rawValue): \(error.message)")
        }
    }
}

/// Refuses any request without the vault's token, comparing in constant time.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let expected: [UInt8]

    init(token: String) {
        expected = Array(SHA256.hash(data: Array(token.utf8)))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let header = request.headers[.authorization] ?? ""
        let presented = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : ""
        // Hashing both sides first makes the comparison's length fixed.
        let digest = Array(SHA256.hash(data: Array(presented.utf8)))
        var difference: UInt8 = 0
        for (a, b) in zip(digest, expected) { difference |= a ^ b }
        guard difference == 0, !presented.isEmpty else { throw HTTPError(.unauthorized, message: "not_allowed: a valid vault token is needed") }
        return try await next(request, context)
    }
}
