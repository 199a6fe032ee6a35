import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import MusterServer

/// Nothing personal leaves through errors or logs.
@Suite struct PrivacyTests {
    /// Values from the sample register that must never appear in a log line.
    static let canaries = ["Owen", "owen_ali379", "PR2 4FA", "PR2%204FA", "07586", "martin.cox", "M1083616", "M1036102"]

    @Test func logsNameRoutesAndRequestIdsButNoPersonalDataTokensOrPasswords() async throws {
        let fixture = try await ServerFixture()
        let admin = fixture.tokens["admin"]!
        try await fixture.withClient { client in
            _ = try await client.send(.get, "/api/v1/people/M1083616", token: admin)
            _ = try await client.send(.get, "/api/v1/people/search?email=owen_ali379@yahoo.co.uk", token: admin)
            _ = try await client.send(.get, "/api/v1/people/search?postcode=PR2%204FA&lastName=Ali", token: admin)
            _ = try await client.send(.get, "/api/v1/people/M1036102", token: fixture.tokens["officer"]!)
            _ = try await client.send(
                .post, "/api/v1/login", json: #"{"username": "admin", "password": "hunter2 hunter2 hunter2", "code": "123456"}"#)
            _ = try await client.send(.patch, "/api/v1/people/M1083616", token: admin, json: #"{"fields": {"email": "not an email Owen"}}"#)
        }
        let logs = fixture.logs.text
        #expect(logs.components(separatedBy: "\n").filter { $0.contains(#""message":"request""#) }.count == 6)
        #expect(logs.contains(#""http.route":"/api/v1/people/{number}""#) && logs.contains("hb.request.id"))
        for secret in Self.canaries + ["hunter2", admin, "127.0.0"] {
            #expect(!logs.contains(secret), "\(secret) is in the logs")
        }
    }

    @Test func errorsCarryStableCodesAndNoPersonalData() async throws {
        let fixture = try await ServerFixture()
        let admin = fixture.tokens["admin"]!
        try await fixture.withClient { client in
            let invalid = try await client.send(
                .patch, "/api/v1/people/M1083616", token: admin, json: #"{"fields": {"email": "Owen Ali at home", "date_of_birth": "Owen"}}"#)
            #expect(invalid.status == .badRequest && invalid.errorCode != nil)
            let notJSON = try await client.send(.post, "/api/v1/people", token: admin, json: #"{"fields": "owen_ali379@yahoo.co.uk"#)
            #expect(notJSON.status == .badRequest && notJSON.errorCode == "bad_request")
            let missing = try await client.send(.get, "/api/v1/nowhere/owen_ali379@yahoo.co.uk", token: admin)
            #expect(missing.status == .notFound && missing.errorCode == "not_found")
            for response in [invalid, notJSON, missing] {
                for canary in Self.canaries { #expect(!response.text.contains(canary), "\(canary) in \(response.text)") }
                #expect(response.headers[HTTPField.Name("X-Request-ID")!] != nil)
                #expect(!response.text.contains("Swift") && !response.text.contains(".swift"))
            }
        }
    }
}
