import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MusterServer

/// Sign-in, sessions and sign-out.
@Suite struct SessionRouteTests {
    @Test func signingInGivesATokenAndASecureCookieThatBothAuthenticate() async throws {
        let fixture = try await ServerFixture()
        let code = try fixture.nextCode("dpo")
        try await fixture.withClient { client in
            let login = try await client.send(
                .post, "/api/v1/login", json: #"{"username": "dpo", "password": "\#(ServerFixture.password)", "code": "\#(code)"}"#)
            #expect(login.status == .ok)
            let token = try #require(login.object["token"] as? String)
            #expect((login.object["expiresAt"] as? String)?.hasSuffix("Z") == true)
            let cookie = try #require(login.headers[.setCookie])
            #expect(cookie == "muster_session=\(token); HttpOnly; Secure; SameSite=Strict; Path=/")

            let byBearer = try await client.send(.get, "/api/v1/stats", token: token)
            #expect(byBearer.status == .ok)
            let byCookie = try await client.send(.get, "/api/v1/stats", headers: [.cookie: "muster_session=\(token)"])
            #expect(byCookie.status == .ok)

            let logout = try await client.send(.post, "/api/v1/logout", headers: [.cookie: "muster_session=\(token)"])
            #expect(logout.status == .noContent && logout.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.send(.get, "/api/v1/stats", token: token)
            #expect(after.status == .unauthorized && after.errorCode == "unauthenticated")
        }
    }

    @Test func everyFailedSignInGetsTheSameAnswer() async throws {
        let fixture = try await ServerFixture()
        let code = try fixture.nextCode("dpo")
        let attempts = [
            #"{"username": "nobody", "password": "\#(ServerFixture.password)", "code": "\#(code)"}"#,
            #"{"username": "dpo", "password": "wrong password here", "code": "\#(code)"}"#,
            #"{"username": "dpo", "password": "\#(ServerFixture.password)", "code": "000000x"}"#,
        ]
        try await fixture.withClient { client in
            var bodies: Set<String> = []
            for attempt in attempts {
                let response = try await client.send(.post, "/api/v1/login", json: attempt)
                #expect(response.status == .unauthorized && response.errorCode == "sign_in_failed")
                bodies.insert(response.text)
            }
            #expect(bodies.count == 1)
        }
    }

    @Test func malformedTokensAreRefusedBeforeAnyLookup() async throws {
        let fixture = try await ServerFixture()
        try await fixture.withClient { client in
            for header in ["Bearer nonsense", "Basic YWRtaW46YWRtaW4=", "Bearer mst_" + String(repeating: "A", count: 43)] {
                let response = try await client.send(.get, "/api/v1/stats", headers: [.authorization: header])
                #expect(response.status == .unauthorized && response.errorCode == "unauthenticated")
            }
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.text.contains(#"muster_http_rejections_total{reason="unauthenticated"} 3"#))
        }
    }
}
