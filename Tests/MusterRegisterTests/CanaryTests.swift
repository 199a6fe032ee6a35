import Foundation
import MusterCore
import MusterTesting
import Testing

@testable import MusterRegister

/// Writes people whose identifying fields hold unmistakable "canary" values, through every write
/// path, then searches every byte of the data directory for them.
@Suite struct CanaryTests {
    static let canaries = [
        "Canarytitle", "Canaryfirst", "Canarylast", "canary.mail@canary-domain.org", "07000 999111", "07000999111",
        "Canary House", "Canary Lane", "Canary Estate", "Canarytown", "Canaryshire", "ZZ9 9ZZ", "ZZ99ZZ", "1911-11-11",
        "UNCANARY42", "canary secret note", "canary reason", "Updatedcanary", "Importcanary", "importcanary@canary.org",
    ]

    @Test func noIdentifyingValueIsStoredInClear() async throws {
        let test = try await TestRegister()
        var identity = Identity()
        identity.title = "Canarytitle"
        identity.firstName = "Canaryfirst"
        identity.lastName = "Canarylast"
        identity.email = "canary.mail@canary-domain.org"
        identity.phone = "07000 999111"
        identity.addressLine1 = "Canary House"
        identity.addressLine2 = "Canary Lane"
        identity.addressLine3 = "Canary Estate"
        identity.town = "Canarytown"
        identity.county = "Canaryshire"
        identity.postcode = "ZZ9 9ZZ"
        identity.dateOfBirth = Day(iso: "1911-11-11")
        identity.unionMembershipNumber = "UNCANARY42"
        identity.notes = "canary secret note"
        let record = PersonRecord(
            category: .affiliatedSupporter, status: .active, identity: identity, joinDate: Day(iso: "2001-01-01"),
            region: "North", constituency: "Somewhere", branch: "Somewhere branch", unionName: "Unite")
        let number = try await test.register.add(record)
        let second = try await test.register.add(record)
        _ = try await test.register.update(number: number, changes: [(.firstName, "Updatedcanary")])
        try await test.register.changeStatus(number: number, to: .suspended, reason: "canary reason")
        _ = try await test.register.find(.email("canary.mail@canary-domain.org"), disclosure: .test)
        let csv = test.csv("canary.csv", [row(number: "C1", first: "Importcanary", email: "importcanary@canary.org")])
        _ = try await test.register.importCSV(path: csv)
        try FileManager.default.removeItem(atPath: csv)
        try await test.register.erase(number: second, reason: "canary reason")

        let hits = try CanaryScan.scan(test.data, for: Self.canaries)
        #expect(hits.isEmpty, "plaintext found: \(hits.prefix(5))")
        // The scan itself must be able to find a canary: prove it on the keys-free export.
        let exported = test.directory.file("export.csv")
        _ = try await test.register.export(to: .file(exported), disclosure: .test)
        #expect(!CanaryScan.occurrences(of: Array("Updatedcanary".utf8), in: Array(try Data(contentsOf: URL(fileURLWithPath: exported)))).isEmpty)
    }

    @Test func erasureLeavesNoCopyOfTheWrappedKeyInAnyFile() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith"))
        let id = try #require(try await test.row(number)).id
        let wrapped = try #require(try await test.register.store.read { try $0.wrappedKey(for: id) })
        let files = try FileManager.default.contentsOfDirectory(atPath: test.data)
        var before = 0
        for file in files {
            before += CanaryScan.occurrences(of: wrapped, in: Array(try Data(contentsOf: URL(fileURLWithPath: test.data + "/" + file)))).count
        }
        #expect(before > 0)
        try await test.register.erase(number: number, reason: nil)
        for file in try FileManager.default.contentsOfDirectory(atPath: test.data) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: test.data + "/" + file)))
            #expect(CanaryScan.occurrences(of: wrapped, in: bytes).isEmpty, "wrapped key still in \(file)")
        }
    }
}
