import Foundation
import Hummingbird
import HummingbirdTesting
import MusterRegister
import Testing

@testable import MusterServer

/// The person and people routes: reads record disclosures naming the staff member; writes go
/// through the register's rules; branch officers stay inside their branches.
@Suite struct PeopleRouteTests {
    @Test func readingAPersonReturnsTheirFieldsAndRecordsTheDisclosureUnderTheStaffMember() async throws {
        let fixture = try await ServerFixture()
        let admin = fixture.tokens["admin"]!, dpo = fixture.tokens["dpo"]!
        try await fixture.withClient { client in
            let response = try await client.send(.get, "/api/v1/people/\(ServerFixture.inBranch)?reason=membership%20query", token: admin)
            #expect(response.status == .ok)
            let fields = response.object["fields"] as? [String: String]
            #expect(fields?["first_name"] == "Owen" && fields?["branch"] == ServerFixture.officerBranch)
            let history = try await client.send(.get, "/api/v1/people/\(ServerFixture.inBranch)/history", token: dpo)
            let entries = history.object["entries"] as? [[String: Any]] ?? []
            let disclosure = entries.first { ($0["actor"] as? String) == "staff:admin" }
            #expect(disclosure?["summary"] as? String == "disclosed through api GET /api/v1/people/{number}")
            #expect(disclosure?["reason"] as? String == "membership query")
        }
    }

    @Test func anOutOfBranchReadByABranchOfficerIs403AndRecordsNoDisclosure() async throws {
        let fixture = try await ServerFixture()
        let before = try await fixture.ledgerSize()
        try await fixture.withClient { client in
            let response = try await client.send(.get, "/api/v1/people/\(ServerFixture.outOfBranch)", token: fixture.tokens["officer"]!)
            #expect(response.status == .forbidden && response.errorCode == "forbidden")
            #expect(!response.text.contains("Martin") && !response.text.contains("Cox"))
            // An unknown number looks the same to a branch officer as someone else's member.
            let unknown = try await client.send(.get, "/api/v1/people/M0000000", token: fixture.tokens["officer"]!)
            #expect(unknown.status == .forbidden)
            let adminUnknown = try await client.send(.get, "/api/v1/people/M0000000", token: fixture.tokens["admin"]!)
            #expect(adminUnknown.status == .notFound && adminUnknown.errorCode == "not_found")
        }
        #expect(try await fixture.ledgerSize() == before)
    }

    @Test func aBranchOfficerListsAndSearchesOnlyTheirBranch() async throws {
        let fixture = try await ServerFixture()
        let officer = fixture.tokens["officer"]!
        try await fixture.withClient { client in
            let listed = try await client.send(.get, "/api/v1/people", token: officer)
            let numbers = (listed.object["people"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            #expect(numbers == [ServerFixture.inBranch])
            let outside = try await client.send(.get, "/api/v1/people/search?email=martin.cox@gmail.com", token: officer)
            #expect(outside.status == .ok && (outside.object["people"] as? [Any])?.isEmpty == true)
            let inside = try await client.send(.get, "/api/v1/people/search?email=OWEN_ALI379@yahoo.co.uk", token: officer)
            #expect((inside.object["people"] as? [[String: Any]])?.first?["number"] as? String == ServerFixture.inBranch)
        }
    }

    @Test func listingPagesWithACursor() async throws {
        let fixture = try await ServerFixture()
        try await fixture.withClient { client in
            var seen: [String] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/people?limit=5" + (cursor.map { "&after=\($0)" } ?? "")
                let page = try await client.send(.get, uri, token: fixture.tokens["dpo"]!)
                #expect(page.status == .ok)
                seen += (page.object["people"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
                cursor = page.object["next"] as? String
            } while cursor != nil
            #expect(seen.count == 12 && seen == seen.sorted())
            let filtered = try await client.send(.get, "/api/v1/people?category=contact&status=active", token: fixture.tokens["admin"]!)
            #expect((filtered.object["people"] as? [Any])?.count == 2)
            let bad = try await client.send(.get, "/api/v1/people?limit=100000", token: fixture.tokens["admin"]!)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func createUpdateStatusAndEraseFollowTheRegisterRules() async throws {
        let fixture = try await ServerFixture()
        let admin = fixture.tokens["admin"]!, officer = fixture.tokens["officer"]!
        try await fixture.withClient { client in
            let created = try await client.send(
                .post, "/api/v1/people", token: admin,
                json: #"{"fields": {"category": "member", "status": "active", "first_name": "Ada", "last_name": "Lovelace", "branch": "Preston Canal branch", "join_date": "2024-01-02"}}"#)
            #expect(created.status == .created)
            let number = try #require(created.object["number"] as? String)
            let updated = try await client.send(.patch, "/api/v1/people/\(number)", token: officer, json: #"{"fields": {"phone": "07700 900123"}}"#)
            #expect(updated.status == .ok && (updated.object["changed"] as? [String]) == ["phone"])
            // Moving someone out of the officer's branch needs the permission there too.
            let moved = try await client.send(.patch, "/api/v1/people/\(number)", token: officer, json: #"{"fields": {"branch": "Elsewhere"}}"#)
            #expect(moved.status == .forbidden)
            let statusChange = try await client.send(.post, "/api/v1/people/\(number)/status", token: officer, json: #"{"status": "suspended"}"#)
            #expect(statusChange.status == .badRequest && statusChange.errorCode == "reason_required")
            let suspended = try await client.send(
                .post, "/api/v1/people/\(number)/status", token: officer, json: #"{"status": "suspended", "reason": "committee decision"}"#)
            #expect(suspended.status == .ok)
            let noReason = try await client.send(.delete, "/api/v1/people/\(number)", token: admin)
            #expect(noReason.status == .badRequest && noReason.errorCode == "reason_required")
            let erased = try await client.send(.delete, "/api/v1/people/\(number)?reason=erasure%20request", token: admin)
            #expect(erased.status == .noContent)
            let gone = try await client.send(.get, "/api/v1/people/\(number)", token: admin)
            #expect(gone.status == .gone && gone.errorCode == "erased" && !gone.text.contains("Lovelace"))
        }
    }

    @Test func statsEligibilityAndTheLedgerAnswerTheirRoles() async throws {
        let fixture = try await ServerFixture()
        let auditor = fixture.tokens["auditor"]!
        try await fixture.withClient { client in
            let stats = try await client.send(.get, "/api/v1/stats", token: auditor)
            #expect(stats.status == .ok && stats.object["total"] as? Int == 12)
            let eligible = try await client.send(.get, "/api/v1/eligibility?freeze=2026-01-01", token: fixture.tokens["dpo"]!)
            #expect(eligible.status == .ok && eligible.object["eligible"] is Int)
            let badDate = try await client.send(.get, "/api/v1/eligibility?freeze=2026-02-30", token: fixture.tokens["dpo"]!)
            #expect(badDate.status == .badRequest)
            let checkpoint = try await client.send(.get, "/api/v1/ledger/checkpoint", token: auditor)
            #expect(checkpoint.status == .ok && checkpoint.text.contains("\n\n— "))
            let key = try await client.send(.get, "/api/v1/ledger/public-key", token: auditor)
            #expect(key.status == .ok && key.text.hasPrefix("muster.local/"))
        }
    }
}
