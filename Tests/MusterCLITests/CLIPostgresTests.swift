import Foundation
import MusterTesting
import Testing

/// The same commands on PostgreSQL (scripts/test starts a throwaway server).
@Suite(.enabled(if: TestDatabase.adminURL != nil, "needs MUSTER_TEST_DATABASE (set by scripts/test)"))
struct CLIPostgresTests {
    @Test func aRegisterLifeOnPostgreSQL() async throws {
        let url = try await TestDatabase.create()
        let cli = try CLIRegister(initialise: false)
        func ok(_ arguments: [String]) throws -> MusterProcess.Result { try cli.ok(arguments + ["--database", url]) }

        _ = try ok(["init"])
        #expect(try ok(["import", SampleFiles.membersSample]).stdout.contains("imported 12 people"))
        #expect(try ok(["show", "M1036102"]).stdout.contains("first_name: Martin"))
        #expect(try ok(["find", "--email", "MARTIN.COX@gmail.com"]).stdout.contains("M1036102"))
        _ = try ok(["update", "M1036102", "town=Hebden Bridge"])
        _ = try ok(["status", "M1036102", "lapsed"])
        _ = try ok(["erase", "M1028183", "--yes"])
        #expect(try ok(["stats"]).stdout.contains("total: 11 people (+ 1 erased)"))
        #expect(try ok(["ledger", "verify"]).stdout.hasPrefix("verified "))
        #expect(try ok(["ledger", "rebuild"]).stdout.hasPrefix("rebuilt 12 people"))
        #expect(try ok(["ledger", "history", "M1036102"]).stdout.contains("status changed to lapsed"))

        // An export re-imports into a fresh PostgreSQL register to the same CSV.
        let first = cli.directory.file("first.csv")
        _ = try ok(["export", "--out", first, "--reason", "round trip"])
        let copyURL = try await TestDatabase.create()
        let copy = try CLIRegister(initialise: false)
        _ = try copy.ok(["init", "--database", copyURL])
        _ = try copy.ok(["import", first, "--database", copyURL])
        let second = copy.directory.file("second.csv")
        _ = try copy.ok(["export", "--out", second, "--reason", "round trip", "--database", copyURL])
        #expect(try String(contentsOfFile: first, encoding: .utf8) == String(contentsOfFile: second, encoding: .utf8))

        // No plaintext in the database: scan a dump of it for every identifying value of a person.
        let dump = Process()
        dump.executableURL = URL(fileURLWithPath: "/usr/bin/pg_dump")
        dump.arguments = [url]
        let pipe = Pipe()
        dump.standardOutput = pipe
        try dump.run()
        let bytes = Array(pipe.fileHandleForReading.readDataToEndOfFile())
        dump.waitUntilExit()
        #expect(dump.terminationStatus == 0)
        #expect(bytes.count > 10_000)
        for canary in ["Martin", "martin.cox@gmail.com", "07442 074299", "273 Queens View", "N17 4LU", "1990-09-02", "Hebden Bridge"] {
            #expect(CanaryScan.occurrences(of: Array(canary.utf8), in: bytes).isEmpty, "\(canary) found in pg_dump")
        }
        // The scan can find things: the clear branch name is there.
        #expect(!CanaryScan.occurrences(of: Array("Edmonton and Winchmore Hill Southside branch".utf8), in: bytes).isEmpty)
    }

    @Test func twoRegistersCannotShareADatabase() async throws {
        let url = try await TestDatabase.create()
        let one = try CLIRegister(initialise: false)
        _ = try one.ok(["init", "--database", url])
        let two = try CLIRegister(initialise: false)
        let again = try two.run(["init", "--database", url])
        #expect(again.status == 73)
        #expect(again.stderr.contains("already holds a register"))
    }
}
