import Foundation
import MusterTesting

/// A minimal HTTP/1.1 client for live tests: one request per connection to 127.0.0.1 only,
/// `Connection: close`, bodies by `Content-Length`.
struct LoopbackHTTP {
    let port: Int

    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    /// Sends a whole request and reads the response (on a thread of its own: see `offThePool`).
    func send(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws -> Response {
        let connection = try Connection(port: port)
        try connection.write(Self.head(method, path, port: port, token: token, bodyLength: body?.utf8.count) + (body ?? ""))
        return try await connection.readResponse()
    }

    static func head(_ method: String, _ path: String, port: Int, token: String? = nil, bodyLength: Int? = nil) -> String {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        if let bodyLength { head += "Content-Type: application/json\r\nContent-Length: \(bodyLength)\r\n" }
        return head + "\r\n"
    }

    /// One TCP connection to 127.0.0.1, written to in as many pieces as a test likes.
    final class Connection: Sendable {
        private let socket: RawSocket

        init(port: Int) throws {
            socket = try RawSocket(port: port)
            // Only a hang should reach this: a response on a loaded machine can take long.
            socket.giveUpReading(after: hangLimit)
        }

        func write(_ text: String) throws {
            try socket.send(text)
        }

        /// Reads until the response's body is complete (or the server closes), blocking a
        /// thread of its own, not one of the shared ones.
        func readResponse() async throws -> Response {
            try await offThePool { try self.blockingReadResponse() }
        }

        private func blockingReadResponse() throws -> Response {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(socket.descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received += buffer[0..<count]
                if let response = Self.parse(received), response.complete { return response.value }
            }
            guard let response = Self.parse(received) else { throw POSIXError(.EIO) }
            return response.value
        }

        /// The response so far, and whether its body is complete.
        private static func parse(_ bytes: [UInt8]) -> (value: Response, complete: Bool)? {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { return nil }
            let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
            guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let body = String(text[split.upperBound...])
            if headers["transfer-encoding"]?.lowercased() == "chunked" {
                guard let decoded = dechunk(body) else { return (Response(status: status, headers: headers, body: body), false) }
                return (Response(status: status, headers: headers, body: decoded), true)
            }
            let complete = headers["content-length"].flatMap(Int.init).map { body.utf8.count >= $0 } ?? false
            return (Response(status: status, headers: headers, body: body), complete)
        }

        /// A chunked body's content, once its last (empty) chunk has arrived; `nil` before.
        private static func dechunk(_ body: String) -> String? {
            var rest = Substring(body).utf8
            var content: [UInt8] = []
            while let lineEnd = rest.firstRange(of: "\r\n".utf8) {
                guard let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) else { return nil }
                let start = lineEnd.upperBound
                if size == 0 { return String(decoding: content, as: UTF8.self) }
                guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { return nil }
                let end = rest.index(start, offsetBy: size)
                content += rest[start..<end]
                rest = rest[rest.index(end, offsetBy: 2)...]
            }
            return nil
        }
    }
}
