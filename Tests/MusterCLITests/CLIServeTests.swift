import Foundation
import MusterAccess
import MusterCore
import MusterTesting
import Testing

/// `muster serve`, live: the real binary on a free loopback port, signed in to with the demo
/// admin's printed credentials, stopped with SIGTERM.
@Suite struct CLIServeTests {
    @Test func theDemoServerSignsInReadsAPersonAndExitsCleanlyOnSIGTERM() async throws {
        let directory = TemporaryDirectory("muster-serve")
        let server = BackgroundProcess(MusterProcess.executable, [
            "serve", "--demo", "--demo-people", "100", "--listen", "127.0.0.1:0",
            "--data", directory.file("data"), "--keys", directory.file("keys"),
        ])
        defer { server.kill() }
        let port = try #require(try await server.waitForOutput(matching: #"listening on http://127\.0\.0\.1:(\d+)"#).flatMap { Int($0) })
        let password = try #require(server.firstMatch(#"password (\S+) \(shown once\)"#))
        let secret = try #require(server.firstMatch(#"otpauth://totp/[^?]+\?secret=([A-Z2-7]+)"#))
        let http = LoopbackHTTP(port: port)

        #expect(try await http.send("GET", "/healthz").status == 200)
        // The code of this moment, made just before it is sent: the server allows one 30 s step.
        let now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let code = try #require(try TOTPSecret(base32: secret).code(at: now))
        let login = try await http.send("POST", "/api/v1/login", body: #"{"username": "demo-admin", "password": "\#(password)", "code": "\#(code)"}"#)
        #expect(login.status == 200, "\(login.body)")
        let token = try #require(login.json["token"] as? String)
        let page = try await http.send("GET", "/api/v1/people?limit=1", token: token)
        let number = try #require(((page.json["people"] as? [[String: Any]])?.first)?["number"] as? String)
        let person = try await http.send("GET", "/api/v1/people/\(number)?reason=live%20test", token: token)
        #expect(person.status == 200)
        let lastName = try #require((person.json["fields"] as? [String: String])?["last_name"])
        #expect(!lastName.isEmpty)
        #expect(try await http.send("GET", "/api/v1/people/\(number)").status == 401)

        // Search by exact email, update a field, and export, over the real socket.
        let email = try #require((person.json["fields"] as? [String: String])?["email"])
        let found = try await http.send("GET", "/api/v1/people/search?email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&reason=live", token: token)
        #expect(found.status == 200 && found.body.contains(number), "\(found.status)")
        let updated = try await http.send("PATCH", "/api/v1/people/\(number)", token: token, body: #"{"fields": {"town": "Hebden Bridge"}}"#)
        #expect(updated.status == 200, "\(updated.body)")
        let again = try await http.send("GET", "/api/v1/people/\(number)?reason=live", token: token)
        #expect((again.json["fields"] as? [String: String])?["town"] == "Hebden Bridge")
        #expect(try await http.send("GET", "/api/v1/people/export", token: token).status == 400, "an export needs a reason")
        let export = try await http.send("GET", "/api/v1/people/export?reason=live%20test", token: token)
        #expect(export.status == 200 && export.body.hasPrefix("membership_number,") && export.body.contains("Hebden Bridge"))
        #expect(export.body.contains("\n\(number),"))

        // A request in flight when SIGTERM arrives (its body half sent) is still answered, and
        // only then does the server exit, with status 0.
        let wrong = #"{"username": "demo-admin", "password": "not the password at all", "code": "000000"}"#
        let inFlight = try LoopbackHTTP.Connection(port: port)
        try inFlight.write(LoopbackHTTP.head("POST", "/api/v1/login", port: port, bodyLength: wrong.utf8.count) + wrong.prefix(20))
        // Timed on a thread of its own: the server's 30 s read deadline must not end the
        // request while a shared thread is behind.
        let runningAfterSIGTERM = try await offThePool {
            Thread.sleep(forTimeInterval: 0.3)
            server.signal(SIGTERM)
            Thread.sleep(forTimeInterval: 0.5)
            let running = server.isRunning
            try inFlight.write(String(wrong.dropFirst(20)))
            return running
        }
        #expect(runningAfterSIGTERM)
        let answer = try await inFlight.readResponse()
        #expect(answer.status == 401 && answer.body.contains("sign_in_failed"))
        let status = try await server.waitForExit()
        #expect(status == 0, "\(server.errors)")
        #expect(server.errors.contains("server stopped"))
        // The JSON logs name routes, never the person, the password or the token.
        #expect(server.errors.contains(#""http.route":"/api/v1/people/{number}""#))
        for secret in [lastName, password, token, number] { #expect(!server.errors.contains(secret)) }
    }
}

/// `muster serve --vault`: the server ships in-process and shows the lag in its metrics.
@Suite struct CLIServeShippingTests {
    @Test func theServerShipsToItsVaultAndReportsTheLag() async throws {
        let directory = TemporaryDirectory("muster-serve-ship")
        let vault = directory.file("vault")
        let server = BackgroundProcess(MusterProcess.executable, [
            "serve", "--demo", "--demo-people", "50", "--listen", "127.0.0.1:0", "--vault", "file://" + vault,
            "--data", directory.file("data"), "--keys", directory.file("keys"),
        ])
        defer { server.kill() }
        let port = try #require(try await server.waitForOutput(matching: #"listening on http://127\.0\.0\.1:(\d+)"#).flatMap { Int($0) })
        let http = LoopbackHTTP(port: port)
        // Shipping runs on its own schedule: wait until the metrics show the vault caught up.
        try await waitUntil("a shipping lag of 0 in the metrics", interval: .milliseconds(200)) {
            try await http.send("GET", "/metrics").body.contains(#"muster_shipping_lag_entries{vault="file://\#(vault)"} 0"#)
        }
        let segments = try FileManager.default.contentsOfDirectory(atPath: vault).filter { $0.hasPrefix("segment-") }
        #expect(!segments.isEmpty)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }
}
