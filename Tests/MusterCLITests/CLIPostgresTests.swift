import Foundation
import MusterTesting
import Testing

/// The same commands on PostgreSQL (scripts/test starts a throwaway server).
@Suite(.enabled(if: TestDatabase.adminURL != nil, "needs MUSTER_TEST_DATABASE (set by scripts/test)"))
struct CLIPostgresTests {
    @Test func aRegisterLifeOnPostgreSQL() async throws {
        let url = try await TestDatabase.create()
        let cli = try await CLIRegister(initialise: false)
        func ok(_ arguments: [String]) async throws -> MusterProcess.Result { try await cli.ok(arguments + ["--database", url]) }

        _ = try await ok(["init"])
        #expect(try await ok(["import", SampleFiles.membersSample]).stdout.contains("imported 12 people"))
        #expect(try await ok(["show", "M1036102"]).stdout.contains("first_name: Martin"))
        #expect(try await ok(["find", "--email", "MARTIN.COX@gmail.com"]).stdout.contains("M1036102"))
        _ = try await ok(["update", "M1036102", "town=Hebden Bridge"])
        _ = try await ok(["status", "M1036102", "lapsed"])
        _ = try await ok(["erase", "M1028183", "--yes"])
        #expect(try await ok(["stats"]).stdout.contains("total: 11 people (+ 1 erased)"))
        #expect(try await ok(["ledger", "verify"]).stdout.hasPrefix("verified "))
        #expect(try await ok(["ledger", "rebuild"]).stdout.hasPrefix("rebuilt 12 people"))
        #expect(try await ok(["ledger", "history", "M1036102"]).stdout.contains("status changed to lapsed"))

        // An export re-imports into a fresh PostgreSQL register to the same CSV.
        let first = cli.directory.file("first.csv")
        _ = try await ok(["export", "--out", first, "--reason", "round trip"])
        let copyURL = try await TestDatabase.create()
        let copy = try await CLIRegister(initialise: false)
        _ = try await copy.ok(["init", "--database", copyURL])
        _ = try await copy.ok(["import", first, "--database", copyURL])
        let second = copy.directory.file("second.csv")
        _ = try await copy.ok(["export", "--out", second, "--reason", "round trip", "--database", copyURL])
        #expect(try String(contentsOfFile: first, encoding: .utf8) == String(contentsOfFile: second, encoding: .utf8))

        // No plaintext in the database: scan a dump of it for every identifying value of a person.
        let dump = try await ChildProcess.run("/usr/bin/pg_dump", [url])
        #expect(dump.status == 0, "\(dump.stderr)")
        let bytes = Array(dump.stdout.utf8)
        #expect(bytes.count > 10_000)
        for canary in ["Martin", "martin.cox@gmail.com", "07442 074299", "273 Queens View", "N17 4LU", "1990-09-02", "Hebden Bridge"] {
            #expect(CanaryScan.occurrences(of: Array(canary.utf8), in: bytes).isEmpty, "\(canary) found in pg_dump")
        }
        // The scan can find things: the clear branch name is there.
        #expect(!CanaryScan.occurrences(of: Array("Edmonton and Winchmore Hill Southside branch".utf8), in: bytes).isEmpty)

        // And the server's own files (this database's tables and indexes, and the WAL), once
        // everything is flushed to them.
        if let dataDirectory = TestDatabase.dataDirectory {
            try await TestDatabase.psql(url, "CHECKPOINT")
            let oid = try await TestDatabase.psql(url, "SELECT oid FROM pg_database WHERE datname = current_database()")
            // Not the bare first name: PostgreSQL's own catalogs describe "French (St. Martin)".
            let canaries = ["martin.cox@gmail.com", "07442 074299", "273 Queens View", "N17 4LU", "Hebden Bridge"]
            for directory in ["base/\(oid)", "pg_wal"] {
                let hits = try CanaryScan.scan(dataDirectory + "/" + directory, for: canaries)
                #expect(hits.isEmpty, "\(hits.prefix(5))")
            }
            // The scan can find things there too.
            #expect(!(try CanaryScan.scan(dataDirectory + "/base/\(oid)", for: ["Winchmore Hill Southside"])).isEmpty)
        }
    }

    @Test func twoRegistersCannotShareADatabase() async throws {
        let url = try await TestDatabase.create()
        let one = try await CLIRegister(initialise: false)
        _ = try await one.ok(["init", "--database", url])
        let two = try await CLIRegister(initialise: false)
        let again = try await two.run(["init", "--database", url])
        #expect(again.status == 73)
        #expect(again.stderr.contains("already holds a register"))
    }
}

@Suite(.enabled(if: TestDatabase.adminURL != nil, "needs MUSTER_TEST_DATABASE (set by scripts/test)"))
struct CLIPostgresConcurrencyTests {
    /// Three processes write at once (two imports and a stream of single adds, each with its
    /// own checkpoints); the result must be one gap-free ledger that verifies, with everyone.
    @Test func concurrentProcessesShareOneLedger() async throws {
        let url = try await TestDatabase.create()
        let cli = try await CLIRegister(initialise: false)
        _ = try await cli.ok(["init", "--database", url])
        func file(_ name: String, prefix: String, count: Int) -> String {
            var text = SampleFiles.header + "\n"
            for i in 0..<count {
                text += "\(prefix)\(i),member,active,,First\(i),Last\(prefix),\(prefix.lowercased())\(i)@example.org,,,,,,,,,2020-01-01,,,,,,,,,,,,,,,\n"
            }
            return cli.directory.write(name, text)
        }
        let a = file("a.csv", prefix: "A", count: 300)
        let b = file("b.csv", prefix: "B", count: 300)
        let location = ["--data", cli.directory.file("data"), "--keys", cli.directory.file("keys"), "--database", url]
        let results = try await withThrowingTaskGroup(of: MusterProcess.Result.self) { group in
            group.addTask { try await MusterProcess.runRaw(["import", a] + location) }
            group.addTask { try await MusterProcess.runRaw(["import", b] + location) }
            for i in 0..<10 {
                group.addTask {
                    try await MusterProcess.runRaw(["add", "--category", "contact", "--first-name", "C\(i)", "--last-name", "Adder"] + location)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "\(result)") }
        let verified = try await MusterProcess.runRaw(["ledger", "verify"] + location)
        #expect(verified.status == 0, "\(verified)")
        // 600 imported + 10 added people; 600 + 10 creates + 2 import summaries = 612 entries.
        #expect(verified.stdout.contains("verified 612 entries"), "\(verified.stdout)")
        #expect(verified.stdout.contains("and 610 people"))
        let checkpoint = try await MusterProcess.runRaw(["ledger", "checkpoint"] + location)
        #expect(checkpoint.stdout.split(separator: "\n")[1] == "612")
    }
}
