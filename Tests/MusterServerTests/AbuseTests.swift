import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MusterAccess
import NIOEmbedded
import Testing

@testable import MusterServer

/// Floods are throttled per client, load is shed, bodies are bounded.
@Suite struct AbuseTests {
    @Test func aFloodingClientIsThrottledWhileAnotherKeepsBeingServed() async throws {
        // A burst of ten, then one a minute: no refill a slow machine could notice mid-test.
        let fixture = try await ServerFixture { $0.perClient = .init(requestsPerSecond: 1.0 / 60, burst: 10) }
        let token = fixture.tokens["auditor"]!
        try await fixture.withClient { client in
            var limited = 0
            var otherStatuses: [Int] = []
            for index in 0..<40 {
                let flood = try await client.send(.get, "/api/v1/stats", token: token, client: "127.0.0.2")
                if flood.status == .tooManyRequests {
                    limited += 1
                    #expect(flood.errorCode == "rate_limited" && Int(flood.headers[.retryAfter] ?? "") ?? 0 >= 1)
                }
                // Meanwhile another client makes an ordinary request now and then.
                if index % 4 == 0 {
                    otherStatuses.append(try await client.send(.get, "/api/v1/stats", token: token, client: "127.0.0.3").status.code)
                }
            }
            #expect(limited == 30)
            #expect(otherStatuses == Array(repeating: 200, count: 10))
            let metrics = try await client.send(.get, "/metrics", client: "127.0.0.5")
            #expect(metrics.text.contains(#"muster_http_rejections_total{reason="rate_limited"}"#))
        }
    }

    @Test func oneAccountIsThrottledAcrossClients() async throws {
        // One request a minute after a burst of five: slow enough that a loaded machine cannot refill it mid-test.
        let fixture = try await ServerFixture { $0.perAccount = .init(requestsPerSecond: 1.0 / 60, burst: 5) }
        try await fixture.withClient { client in
            var statuses: [Int] = []
            for index in 0..<10 {
                statuses.append(try await client.send(.get, "/api/v1/stats", token: fixture.tokens["auditor"]!, client: "127.0.1.\(index)").status.code)
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == 200 } && statuses.suffix(3).allSatisfy { $0 == 429 })
            let other = try await client.send(.get, "/api/v1/stats", token: fixture.tokens["admin"]!, client: "127.0.1.0")
            #expect(other.status == .ok)
        }
    }

    @Test func signInIsLimitedPerUsername() async throws {
        let fixture = try await ServerFixture { $0.signInPerAccount = .init(requestsPerSecond: 0.01, burst: 3) }
        try await fixture.withClient { client in
            var statuses: [Int] = []
            for index in 0..<5 {
                let body = #"{"username": "admin", "password": "guess number \#(index)", "code": "123456"}"#
                statuses.append(try await client.send(.post, "/api/v1/login", client: "127.0.2.\(index)", json: body).status.code)
            }
            #expect(statuses == [401, 401, 401, 429, 429])
        }
    }

    @Test func requestsBeyondTheInFlightBoundAreShedWith503() async throws {
        let metrics = ServerMetrics()
        let limiter = InFlightLimiter(limit: 1)
        let middleware = LimitMiddleware(
            inFlight: limiter, perClient: GCRALimiter(configuration: .init(requestsPerSecond: 1000, burst: 1000)),
            trustForwardedFor: false, metrics: metrics)
        let context = MusterRequestContext(source: .init(channel: EmbeddedChannel(), logger: Logger(label: "test")))
        let request = Request(head: .init(method: .get, scheme: "http", authority: "localhost", path: "/api/v1/stats"), body: .init(buffer: .init()))
        #expect(limiter.tryAcquire())  // a request already in flight
        await #expect(throws: APIError.self) {
            _ = try await middleware.handle(request, context: context) { _, _ in Response(status: .ok) }
        }
        do {
            _ = try await middleware.handle(request, context: context) { _, _ in Response(status: .ok) }
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable && error.code == "overloaded" && error.retryAfter == 1)
        }
        limiter.release()
        let served = try await middleware.handle(request, context: context) { _, _ in Response(status: .ok) }
        #expect(served.status == .ok && limiter.inFlight == 0)
        #expect(metrics.render().contains(#"muster_http_rejections_total{reason="shed"} 2"#))
    }

    @Test func oversizedBodiesAre413() async throws {
        let fixture = try await ServerFixture { $0.maxJSONBodyBytes = 1024; $0.maxImportBodyBytes = 2048 }
        try await fixture.withClient { client in
            let big = #"{"fields": {"notes": ""# + String(repeating: "x", count: 4000) + #""}}"#
            let json = try await client.send(.post, "/api/v1/people", token: fixture.tokens["admin"]!, json: big)
            #expect(json.status == .contentTooLarge && json.errorCode == "body_too_large")
            let upload = try await client.send(.post, "/api/v1/people/import", token: fixture.tokens["admin"]!, body: String(repeating: "a,b\n", count: 1000))
            #expect(upload.status == .contentTooLarge)
            let login = try await client.send(.post, "/api/v1/login", json: big)
            #expect(login.status == .contentTooLarge)
        }
        #expect(try fixture.stagedFiles().isEmpty)
    }
}
