public import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A remote append-only vault (`muster vault serve`), spoken to over HTTP with a per-register
/// token. It can add and read; it has no way to delete or overwrite, and applies the key-store
/// retention itself by its own clock, so a primary that is taken over cannot erase history.
///
/// The protocol: `PUT /v1/files/{name}` (201 stored, 200 already there with the same bytes, 409
/// different bytes, 422 refused: the segment does not extend the log), `GET /v1/files/{name}`,
/// `GET /v1/files?prefix=P` (one name a line), `POST /v1/snapshots/{prefix}` (201 and the name).
public struct HTTPVault: Vault {
    public let base: URL
    private let token: String
    private let session: URLSession

    public init(url: String, token: String) throws(VaultError) {
        guard let base = URL(string: url.hasSuffix("/") ? String(url.dropLast()) : url), base.host != nil else {
            throw VaultError(.invalidName, "not a vault URL")
        }
        self.base = base
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        self.session = URLSession(configuration: configuration)
    }

    public var location: String { base.absoluteString }

    public func store(name: String, bytes: [UInt8]) async throws -> FileVault.PutResult {
        try FileVault.validate(name: name)
        let (status, body) = try await send("PUT", "/v1/files/\(name)", body: bytes)
        switch status {
        case 201: return .stored
        case 200: return .alreadyPresent
        default: throw Self.failure(status, body, name: name)
        }
    }

    public func fetch(name: String) async throws -> [UInt8] {
        try FileVault.validate(name: name)
        let (status, body) = try await send("GET", "/v1/files/\(name)")
        guard status == 200 else { throw Self.failure(status, body, name: name) }
        return body
    }

    public func names(prefix: String) async throws -> [String] {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "prefix", value: prefix)]
        let (status, body) = try await send("GET", "/v1/files" + (components.url?.absoluteString ?? ""))
        guard status == 200 else { throw Self.failure(status, body, name: nil) }
        return String(decoding: body, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    public func storeSnapshot(prefix: String, bytes: [UInt8]) async throws -> String {
        try SnapshotName.checkPrefix(prefix)
        let (status, body) = try await send("POST", "/v1/snapshots/\(prefix)", body: bytes)
        guard status == 201 else { throw Self.failure(status, body, name: nil) }
        return String(decoding: body, as: UTF8.self)
    }

    /// The remote vault applies the retention itself, by its own clock: nothing to ask for.
    public func pruneSnapshots(prefix: String, olderThan cutoff: Date, keepingNewest: Int) async throws -> [String] {
        []
    }

    private func send(_ method: String, _ path: String, body: [UInt8]? = nil) async throws -> (Int, [UInt8]) {
        guard let url = URL(string: base.absoluteString + path) else { throw VaultError(.invalidName, "not a vault path") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body)
            request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw VaultError(.io, "the vault at \(location) cannot be reached")
        }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, [UInt8](data))
    }

    /// The vault's refusal as a ``VaultError`` (its body is `code: message`, safe text).
    private static func failure(_ status: Int, _ body: [UInt8], name: String?) -> VaultError {
        let text = String(decoding: body.prefix(500), as: UTF8.self)
        let parts = text.split(separator: ":", maxSplits: 1)
        let code = parts.first.flatMap { VaultError.Code(rawValue: String($0)) }
        let message = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : "HTTP \(status)"
        switch status {
        case 401, 403: return VaultError(.notAllowed, "the vault refused the token", name: name)
        case 404: return VaultError(.notFound, "no such file in the vault", name: name)
        default: return VaultError(code ?? .io, message, name: name)
        }
    }
}
