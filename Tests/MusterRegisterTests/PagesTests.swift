import MusterCore
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// Listing in pages, branch-confined searches and per-request actors: what the server builds on.
@Suite struct PagesTests {
    static func branchPerson(_ index: Int, branch: String) -> PersonRecord {
        var record = person("First\(index)", "Last", email: "p\(index)@example.org", number: "P\(1000 + index)")
        record.branch = branch
        return record
    }

    @Test func pagesCoverEveryoneOnceAndRecordEachDisclosure() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importRecords(count: 25, source: "test") { Self.branchPerson($0, branch: $0 < 10 ? "North" : "South") }
        try await test.register.erase(number: "P1003", reason: nil)
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await test.register.list(PersonFilter(afterNumber: cursor, limit: 7), disclosure: .test)
            seen += page.people.map(\.number)
            #expect(page.people.allSatisfy { $0.record.identity.firstName.hasPrefix("First") })
            cursor = page.next
            pages += 1
        } while cursor != nil
        #expect(pages == 4)
        #expect(seen == (0..<25).filter { $0 != 3 }.map { "P\(1000 + $0)" })
        let disclosed = try await test.entries().filter { $0.kind == .disclosure }
        #expect(disclosed.count == 24)
    }

    @Test func aBranchConfinedListingAndSearchShowNoOneElse() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importRecords(count: 6, source: "test") { index in
            var record = Self.branchPerson(index, branch: index.isMultiple(of: 2) ? "North" : "South")
            record.identity.email = "household@example.org"
            return record
        }
        let north = try await test.register.list(PersonFilter(withinBranches: ["North"]), disclosure: .test)
        #expect(north.people.map(\.number) == ["P1000", "P1002", "P1004"])
        #expect(try await test.register.list(PersonFilter(withinBranches: []), disclosure: .test).people.isEmpty)
        let found = try await test.register.find(.email("household@example.org"), disclosure: .test, within: ["South"])
        #expect(found.map(\.number) == ["P1001", "P1003", "P1005"])
        let disclosed = try await test.entries().filter { $0.kind == .disclosure }.count
        #expect(disclosed == 6)
        #expect(try await test.register.branch(of: "P1001") == "South")
    }

    @Test func actingAsAnotherActorRecordsThatActor() async throws {
        let test = try await TestRegister()
        let staff = try test.register.acting(as: "staff:alice")
        let number = try await staff.add(person("Ada", "Lovelace"))
        _ = try await staff.person(number: number, disclosure: .test)
        let actors = try await test.entries().map(\.actor)
        #expect(actors == ["staff:alice", "staff:alice"])
        #expect(throws: RegisterError.self) { try test.register.acting(as: "") }
    }
}
