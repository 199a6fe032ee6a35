import Hummingbird
import HummingbirdTesting
import Testing

@testable import MusterServer

/// Every route × every role (× in and out of the branch officer's branch) against a table
/// written out here: a route the table does not list fails the test, so none escapes it.
@Suite struct RouteMatrixTests {
    /// Who asks. The branch officer appears twice: about a person (or branch) in their branch,
    /// and about one outside it.
    enum Caller: String, CaseIterable {
        case nobody, admin, dpo, officerIn, officerOut, auditor
    }

    /// Allowed (✓) or refused (·) for: nobody, admin, dpo, officer in branch, officer out of
    /// branch, auditor. "Refused" is 401 for nobody and 403 for staff; "allowed" is anything
    /// else (the probes send bodies an allowed caller gets a 400 for, so nothing changes).
    static let expected: [String: String] = [
        "GET /healthz": "✓✓✓✓✓✓",
        "GET /readyz": "✓✓✓✓✓✓",
        "GET /metrics": "✓✓✓✓✓✓",
        "GET /api/v1/openapi.json": "✓✓✓✓✓✓",
        "POST /api/v1/login": "✓✓✓✓✓✓",
        "POST /api/v1/logout": "·✓✓✓✓✓",
        "GET /api/v1/people": "·✓✓✓··",
        "POST /api/v1/people": "·✓····",
        "GET /api/v1/people/search": "·✓✓✓✓·",
        "GET /api/v1/people/export": "·✓✓···",
        "POST /api/v1/people/import": "·✓····",
        "GET /api/v1/people/{number}": "·✓✓✓··",
        "PATCH /api/v1/people/{number}": "·✓·✓··",
        "DELETE /api/v1/people/{number}": "·✓✓···",
        "POST /api/v1/people/{number}/status": "·✓·✓··",
        "GET /api/v1/people/{number}/history": "·✓✓···",
        "GET /api/v1/stats": "·✓✓··✓",
        "GET /api/v1/eligibility": "·✓✓···",
        "GET /api/v1/ledger/checkpoint": "·✓✓··✓",
        "GET /api/v1/ledger/public-key": "·✓✓··✓",
    ]

    /// The request each route gets: `{number}` and `{branch}` are the caller's target.
    static let probes: [String: (uri: String, json: String?)] = [
        "GET /healthz": ("/healthz", nil),
        "GET /readyz": ("/readyz", nil),
        "GET /metrics": ("/metrics", nil),
        "GET /api/v1/openapi.json": ("/api/v1/openapi.json", nil),
        "POST /api/v1/login": ("/api/v1/login", "{}"),
        "POST /api/v1/logout": ("/api/v1/logout", nil),
        "GET /api/v1/people": ("/api/v1/people?branch={branch}", nil),
        "POST /api/v1/people": ("/api/v1/people", #"{"fields": {}}"#),
        "GET /api/v1/people/search": ("/api/v1/people/search?postcode=PR2%204FA&lastName=Ali", nil),
        "GET /api/v1/people/export": ("/api/v1/people/export?branch={branch}", nil),
        "POST /api/v1/people/import": ("/api/v1/people/import", nil),
        "GET /api/v1/people/{number}": ("/api/v1/people/{number}", nil),
        "PATCH /api/v1/people/{number}": ("/api/v1/people/{number}", #"{"fields": {"no_such_field": "x"}}"#),
        "DELETE /api/v1/people/{number}": ("/api/v1/people/{number}", nil),
        "POST /api/v1/people/{number}/status": ("/api/v1/people/{number}/status", #"{"status": "no_such_status"}"#),
        "GET /api/v1/people/{number}/history": ("/api/v1/people/{number}/history", nil),
        "GET /api/v1/stats": ("/api/v1/stats", nil),
        "GET /api/v1/eligibility": ("/api/v1/eligibility?freeze=2026-01-01", nil),
        "GET /api/v1/ledger/checkpoint": ("/api/v1/ledger/checkpoint", nil),
        "GET /api/v1/ledger/public-key": ("/api/v1/ledger/public-key", nil),
    ]

    @Test func everyRouteIsInTheTableAndTheTableNamesOnlyRoutes() async throws {
        let fixture = try await ServerFixture()
        let router = MusterServer.makeRouter(register: fixture.register, configuration: fixture.configuration, metrics: fixture.metrics)
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(routes == Set(Self.expected.keys))
        #expect(routes == Set(Self.probes.keys))
        #expect(routes == Set(Endpoint.all.map(\.description)))
    }

    @Test(arguments: Caller.allCases)
    func eachCallerIsAllowedExactlyWhatTheTableSays(_ caller: Caller) async throws {
        let fixture = try await ServerFixture()
        let router = MusterServer.makeRouter(register: fixture.register, configuration: fixture.configuration, metrics: fixture.metrics)
        let routes = router.routes.map { "\($0.method.rawValue) \($0.path)" }.sorted()
        let column = Caller.allCases.firstIndex(of: caller)!
        let username: String? = switch caller {
        case .nobody: nil
        case .admin: "admin"
        case .dpo: "dpo"
        case .officerIn, .officerOut: "officer"
        case .auditor: "auditor"
        }
        let number = caller == .officerOut ? ServerFixture.outOfBranch : ServerFixture.inBranch
        let branch = caller == .officerOut ? ServerFixture.otherBranch : ServerFixture.officerBranch
        try await fixture.withClient { client in
            for route in routes {
                let row = try #require(Self.expected[route], "\(route) is not in the table")
                let allowed = Array(row)[column] == "✓"
                let probe = try #require(Self.probes[route])
                let method = HTTPRequest.Method(rawValue: String(route.split(separator: " ")[0]))!
                let uri = probe.uri.replacingOccurrences(of: "{number}", with: number)
                    .replacingOccurrences(of: "{branch}", with: branch.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                // Signing out revokes the token: that route gets a token of its own.
                var token = username.map { fixture.tokens[$0]! }
                if route == "POST /api/v1/logout", let username {
                    token = try await fixture.accounts.signIn(
                        username: username, password: ServerFixture.password, code: try fixture.nextCode(username)
                    ).token
                }
                let response = try await client.send(method, uri, token: token, json: probe.json)
                let refused = response.status == .unauthorized || response.status == .forbidden
                #expect(refused != allowed, "\(caller) \(route): \(response.status.code) \(response.text)")
                if refused && caller != .nobody { #expect(response.status == .forbidden && response.errorCode == "forbidden") }
                if refused && caller == .nobody { #expect(response.status == .unauthorized && response.errorCode == "unauthenticated") }
            }
        }
    }
}
