import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MusterServer

/// Health, readiness, metrics and the OpenAPI document.
@Suite struct ServiceRouteTests {
    @Test func healthReadinessAndMetricsAnswerWithoutSignIn() async throws {
        let fixture = try await ServerFixture()
        try await fixture.withClient { client in
            #expect(try await client.send(.get, "/healthz").status == .ok)
            #expect(try await client.send(.get, "/readyz").status == .ok)
            _ = try await client.send(.get, "/api/v1/people/M1083616", token: fixture.tokens["admin"]!)
            _ = try await client.send(.get, "/api/v1/people/M1083616", token: fixture.tokens["auditor"]!)
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            let text = metrics.text
            #expect(text.contains(#"muster_http_requests_total{route="/api/v1/people/{number}",method="GET",status="200"} 1"#))
            #expect(text.contains(#"muster_http_requests_total{route="/api/v1/people/{number}",method="GET",status="403"} 1"#))
            #expect(text.contains(#"muster_http_request_duration_seconds_bucket{route="/healthz""#))
            #expect(text.contains(#"muster_http_rejections_total{reason="forbidden"} 1"#))
            #expect(text.contains("muster_ledger_entries ") && !text.contains("M1083616"))
        }
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheRoutesTheRouterServes() async throws {
        let fixture = try await ServerFixture()
        let router = MusterServer.makeRouter(register: fixture.register, configuration: fixture.configuration, metrics: fixture.metrics)
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let document = try await fixture.withClient { client in try await client.send(.get, "/api/v1/openapi.json").text }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        #expect(object["openapi"] as? String == "3.1.0")
        let paths = try #require(object["paths"] as? [String: [String: Any]])
        let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where methods.contains(method) { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(documented == served)
        // Each guarded operation names the permission the gate asks for.
        for endpoint in Endpoint.all {
            let operation = paths[endpoint.path]?[endpoint.method.rawValue.lowercased()] as? [String: Any]
            #expect(operation?["x-muster-permission"] as? String == endpoint.scope.permission?.rawValue, "\(endpoint)")
        }
    }

    /// The benchmarks' hello-world route exists only when asked for, so it never widens the API.
    @Test func theBenchmarkRouteIsServedOnlyWhenAskedFor() async throws {
        let fixture = try await ServerFixture()
        let plain = MusterServer.makeRouter(register: fixture.register, configuration: fixture.configuration, metrics: fixture.metrics)
        #expect(!plain.routes.contains { $0.path.description == "/bench/hello" })
        var configuration = fixture.configuration
        configuration.benchmarkRoute = true
        let bench = MusterServer.makeRouter(register: fixture.register, configuration: configuration, metrics: fixture.metrics)
        #expect(bench.routes.contains { $0.path.description == "/bench/hello" && $0.method == .get })
    }
}
