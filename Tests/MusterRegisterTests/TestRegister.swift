import Foundation
import GRDB
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting

@testable import MusterRegister

/// A register in temporary directories, with a fixed clock (2026-06-01T12:00:00Z).
final class TestRegister: @unchecked Sendable {
    let directory = TemporaryDirectory("muster-register")
    let register: Register

    static let now: Int64 = 1_780_315_200_000

    var data: String { directory.file("data") }
    var keys: String { directory.file("keys") }

    init() async throws {
        register = try await Register.initialise(
            RegisterConfiguration(
                dataDirectory: directory.file("data"), keysDirectory: directory.file("keys"), actor: "test:alice",
                clock: { TestRegister.now }))
    }

    /// Writes a CSV with the full header and the given rows (each a full row string).
    func csv(_ name: String, _ rows: [String]) -> String {
        directory.write(name, ([SampleFiles.header] + rows).joined(separator: "\n") + "\n")
    }

    /// All ledger entries, decoded.
    func entries() async throws -> [LedgerEntry] {
        try await register.store.read { tx in
            var entries: [LedgerEntry] = []
            try tx.forEachEntry(from: 1) { _, bytes, _ in entries.append(try LedgerEntry(encoded: bytes)) }
            return entries
        }
    }

    /// The entries that change people (everything but disclosures).
    func changes() async throws -> [LedgerEntry] {
        try await entries().filter { $0.kind != .disclosure }
    }

    /// Verifies the hash chain and returns its head.
    func verifiedHead() async throws -> ChainHead {
        try await register.store.read { tx in
            var verifier = ChainVerifier()
            try tx.forEachEntry(from: 1) { seq, bytes, hash in try verifier.check(sequence: seq, bytes: bytes, storedHash: hash) }
            return verifier.head
        }
    }

    func row(_ number: String) async throws -> PersonRow? {
        try await register.store.read { try $0.person(number: number) }
    }
}

/// A valid register CSV row, with the fields tests most often vary.
func row(
    number: String = "", category: String = "member", status: String = "active", first: String = "Ada",
    last: String = "Lovelace", email: String = "ada@example.org", phone: String = "07700 900123",
    postcode: String = "N7 2BJ", dob: String = "1980-12-10", join: String = "2015-03-01", branch: String = "Islington North branch",
    union: String = "", notes: String = ""
) -> String {
    let union_ = category == "affiliated_supporter" && union.isEmpty ? "Unite" : union
    let fields = [
        number, category, status, "", first, last, email, phone, "1 High Street", "", "", "London", "Greater London",
        postcode, dob, join, "London", "Islington North", branch, union_, "", "4.50", "monthly", "direct_debit", "Y", "N",
        "Y", "N", "2024-01-01T10:00:00Z", "2024-06-07T14:22:14Z", notes,
    ]
    return fields.map { $0.contains(",") || $0.contains("\"") || $0.contains("\n") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
        .joined(separator: ",")
}

func person(_ first: String, _ last: String, email: String = "", number: String? = nil) -> PersonRecord {
    var identity = Identity()
    identity.firstName = first
    identity.lastName = last
    identity.email = email
    identity.postcode = "BS1 6UA"
    identity.phone = "0117 496 0000"
    identity.dateOfBirth = Day(iso: "1975-05-05")
    return PersonRecord(
        membershipNumber: number, category: .member, status: .active, identity: identity, joinDate: Day(iso: "2010-01-01"),
        region: "South West", constituency: "Bristol Central", branch: "Bristol Central branch")
}

extension Disclosure {
    /// A disclosure made by a test.
    static let test = Disclosure(channel: "test")
}

/// Direct SQL on a register's database, for tests that play the attacker or inspect the schema.
struct SQLiteRawAccess {
    let queue: DatabaseQueue

    init(path: String) throws {
        // The register may be signing a checkpoint in the background when a test edits its
        // database; wait for its write to end rather than fail with "database is locked".
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(hangLimit.components.seconds))
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    func execute(_ sql: String) throws {
        try queue.write { try $0.execute(sql: sql) }
    }

    func indexNames() throws -> Set<String> {
        Set(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") })
    }
}
