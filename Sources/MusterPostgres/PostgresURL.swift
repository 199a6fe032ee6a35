import Foundation
import MusterStore
import PostgresNIO

/// `postgres://user[:password]@host[:port]/database` → a connection configuration.
enum PostgresURL {
    static func configuration(_ text: String) throws -> PostgresConnection.Configuration {
        guard let url = URL(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""), let host = url.host,
            let user = url.user
        else {
            throw StoreError(.io, "not a PostgreSQL URL (postgres://user@host:port/database): \(redacted(text))")
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        // Loopback needs no TLS; anything else must use it (see the README on production).
        let local = ["127.0.0.1", "localhost", "::1"].contains(host)
        return PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password,
            database: database.isEmpty ? user : database, tls: local ? .disable : .require(try .init(configuration: .makeClientConfiguration())))
    }

    /// The URL without its password, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "(unparseable URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(unparseable URL)"
    }
}
