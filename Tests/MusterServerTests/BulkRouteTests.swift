import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MusterTesting
import Testing

@testable import MusterServer

/// Import and export: all-or-nothing imports with problems by line and column, exports that
/// need a reason, and no plaintext left behind in the staging directory.
@Suite struct BulkRouteTests {
    @Test func anExportNeedsAReasonAndStreamsTheRegisterCSV() async throws {
        let fixture = try await ServerFixture()
        let admin = fixture.tokens["admin"]!
        let before = try await fixture.ledgerSize()
        try await fixture.withClient { client in
            let missing = try await client.send(.get, "/api/v1/people/export", token: admin)
            #expect(missing.status == .badRequest && missing.errorCode == "reason_required")
            let blank = try await client.send(.get, "/api/v1/people/export?reason=%20", token: admin)
            #expect(blank.status == .badRequest)
            #expect(try await fixture.ledgerSize() == before)

            let export = try await client.send(.get, "/api/v1/people/export?reason=ballot%20mailing", token: admin)
            #expect(export.status == .ok && export.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = export.text.split(separator: "\n")
            #expect(lines.first.map(String.init) == SampleFiles.header && lines.count == 13)
            let branch = try await client.send(
                .get, "/api/v1/people/export?reason=branch%20list&branch=Preston%20Canal%20branch", token: fixture.tokens["dpo"]!)
            #expect(branch.text.split(separator: "\n").count == 2)
        }
        // 12 disclosures and a summary, then 1 and a summary.
        #expect(try await fixture.ledgerSize() == before + 15)
        #expect(try fixture.stagedFiles().isEmpty)
    }

    @Test func anImportIsAllOrNothingAndNamesEachProblemByLineAndColumn() async throws {
        let fixture = try await ServerFixture()
        let admin = fixture.tokens["admin"]!
        let good = SampleFiles.header + "\n,member,active,,Grace,Hopper,grace@example.org,,,,,,,,1906-12-09,2020-01-01,,,North,,,1.00,monthly,card,Y,N,N,N,,,\n"
        let bad = good + ",member,nonsense,,Alan,Turing,alan@example.org,,,,,,,,1912-13-40,2020-01-01,,,North,,,1.00,monthly,card,Y,N,N,N,,,\n"
        try await fixture.withClient { client in
            let refused = try await client.send(.post, "/api/v1/people/import", token: admin, body: bad, headers: [.contentType: "text/csv"])
            #expect(refused.status == .unprocessableContent && refused.errorCode == "import_failed")
            let problems = (refused.object["error"] as? [String: Any])?["problems"] as? [[String: Any]] ?? []
            #expect(problems.contains { $0["line"] as? Int == 3 && $0["column"] as? String == "status" })
            #expect(problems.contains { $0["line"] as? Int == 3 && $0["column"] as? String == "date_of_birth" })
            #expect(!refused.text.contains("Turing") && !refused.text.contains(fixture.directory.path))
            let stats = try await client.send(.get, "/api/v1/stats", token: admin)
            #expect(stats.object["total"] as? Int == 12)

            let imported = try await client.send(.post, "/api/v1/people/import", token: admin, body: good, headers: [.contentType: "text/csv"])
            #expect(imported.status == .ok && imported.object["created"] as? Int == 1)
            let empty = try await client.send(.post, "/api/v1/people/import", token: admin)
            #expect(empty.status == .badRequest)
        }
        #expect(try fixture.stagedFiles().isEmpty)
    }

    @Test func stagingInsideTheDataDirectoryIsRefused() async throws {
        let fixture = try await ServerFixture()
        var configuration = fixture.configuration
        configuration.temporaryDirectory = fixture.register.configuration.dataDirectory
        let app = MusterServer.makeApplication(
            register: fixture.register, configuration: configuration, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let response = try await client.send(
                .post, "/api/v1/people/import", token: fixture.tokens["admin"]!, body: SampleFiles.header + "\n",
                headers: [.contentType: "text/csv"])
            #expect(response.status == .internalServerError && response.errorCode == "misconfigured")
        }
    }

    /// An upload stopped half-way, on a real socket: what the server has put on disk so far is
    /// ciphertext (no name from the upload is in it); then the rest arrives and it imports.
    @Test func aHalfReceivedUploadIsOnDiskOnlyAsCiphertext() async throws {
        let fixture = try await ServerFixture {
            $0.host = "127.0.0.1"
            $0.port = 0
        }
        let rows = (0..<15_000).map { index in
            ",member,active,,Canaryfirst\(index),Plaintextsurname,canary\(index)@example.org,,,,,,,,1960-01-01,2020-01-01,,,North,,,1.00,monthly,card,Y,N,N,N,,,\n"
        }
        let body = Array((SampleFiles.header + "\n" + rows.joined()).utf8)
        let half = 1_300_000
        #expect(body.count > half + 100_000)
        let staging = fixture.directory.file("staging")
        try await fixture.application().test(.live) { client in
            let socket = try RawSocket(port: try #require(client.port))
            try socket.send(
                "POST /api/v1/people/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(fixture.tokens["admin"]!)\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n")
            try socket.send(bytes: body[..<half])
            var staged: [UInt8] = []
            try await waitUntil("the first megabyte on disk", interval: .milliseconds(50)) {
                for directory in try FileManager.default.contentsOfDirectory(atPath: staging) {
                    for file in (try? FileManager.default.contentsOfDirectory(atPath: staging + "/" + directory)) ?? [] {
                        staged = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: staging + "/" + directory + "/" + file)))) ?? staged
                    }
                }
                return staged.count >= 1 << 20
            }
            for canary in ["Canaryfirst", "Plaintextsurname", "canary1@example", "Canary"] {
                #expect(staged.firstRange(of: Array(canary.utf8)) == nil, "plaintext staged on disk")
            }
            try socket.send(bytes: body[half...])
            let response = await offThePool { socket.readUntilClosed() }
            #expect(response.hasPrefix("HTTP/1.1 200"))
            #expect(response.contains("\"created\":15000"))
        }
        #expect(try fixture.stagedFiles().isEmpty)
    }
}
