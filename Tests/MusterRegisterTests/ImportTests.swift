import Foundation
import MusterCSV
import MusterCore
import MusterCrypto
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct ImportTests {
    @Test func theSampleImportsAndReimportingChangesNothing() async throws {
        let test = try await TestRegister()
        let first = try await test.register.importCSV(path: SampleFiles.membersSample)
        #expect(first.created == 12 && first.rows == 12 && first.rejected == 0)
        let entriesAfterFirst = try await test.entries().count
        #expect(entriesAfterFirst == 13)  // 12 creates + the batch summary
        let second = try await test.register.importCSV(path: SampleFiles.membersSample)
        #expect(second.unchanged == 12 && second.created == 0 && second.updated == 0)
        #expect(try await test.entries().count == entriesAfterFirst + 1)
        #expect(try await test.register.statistics().total == 12)
        _ = try await test.verifiedHead()
    }

    @Test func messyButValidInputIsCleanedUp() async throws {
        let test = try await TestRegister()
        let header = "\u{FEFF}" + SampleFiles.header.replacingOccurrences(of: "first_name", with: " First_Name ")
        let quotedNotes = "\"Said: \"\"call me, not email\"\"\r\nSecond line\""
        let rows = [
            row(number: "M1", first: "  Ada  ", email: " ADA@Example.ORG "),
            "",
            row(number: "M2", first: "Bo", email: "bo@example.org"),
            "   ",
            row(number: "M3", first: "Cy", email: "cy@example.org").replacingOccurrences(of: ",,", with: ", ,")
                .replacingOccurrences(of: ",\"\"", with: ""),
        ]
        var text = header + "\r\n" + rows.joined(separator: "\r\n") + "\n"
        text += row(number: "M4", first: "Di", email: "di@example.org", notes: "placeholder").replacingOccurrences(of: ",placeholder", with: "," + quotedNotes) + "\r\n"
        let path = test.directory.write("messy.csv", text)
        let report = try await test.register.importCSV(path: path)
        #expect(report.created == 4, "\(report.problems)")
        guard case .present(let ada) = try await test.register.person(number: "M1", disclosure: .test),
            case .present(let di) = try await test.register.person(number: "M4", disclosure: .test)
        else {
            Issue.record("expected people M1 and M4")
            return
        }
        #expect(ada.record.identity.firstName == "Ada")
        #expect(ada.record.identity.email == "ada@example.org")
        #expect(di.record.identity.notes == "Said: \"call me, not email\"\r\nSecond line")
    }

    @Test func everyProblemIsNamedByFileLineAndColumnAndNothingIsImported() async throws {
        let test = try await TestRegister()
        let path = test.csv(
            "bad.csv",
            [
                row(number: "M1"),
                row(number: "M2", status: "actve"),
                row(number: "M3", dob: "2023-02-30"),
                row(number: "M4", email: "ada@@example"),
                row(number: "M5") + ",extra",
                row(number: "M6", category: "affiliated_supporter", union: " "),
                row(number: "M1", first: "Again"),
                row(number: "M7", first: "", last: ""),
                row(number: "M8", join: ""),
            ])
        let failure = await #expect(throws: ImportFailed.self) { try await test.register.importCSV(path: path) }
        let lines = try #require(failure).problems.map(\.description)
        #expect(lines == [
            "\(path):3: status: status 'actve' is not one of pending, active, in_arrears, lapsed, suspended, resigned, expelled, deceased",
            "\(path):4: date_of_birth: date_of_birth is not a real date in the form YYYY-MM-DD",
            "\(path):5: email: email is not a valid address",
            "\(path):6: expected 31 fields, found 32",
            "\(path):7: union_name: union_name is required for an affiliated_supporter",
            "\(path):8: membership_number: membership number M1 appears more than once in the file",
            "\(path):9: first_name or last_name is required",
            "\(path):10: join_date: join_date is required for a member",
        ])
        #expect(try await test.register.statistics().total == 0)
        #expect(try await test.entries().isEmpty)
        // No identifying value is echoed back.
        #expect(!lines.joined().contains("ada@@example"))
    }

    /// An upload held in a sealed spool imports exactly as the same file does, problems named
    /// after the upload rather than a path.
    @Test func aSpooledUploadImportsLikeTheFile() async throws {
        let fromFile = try await TestRegister()
        _ = try await fromFile.register.importCSV(path: SampleFiles.membersSample)
        let fromSpool = try await TestRegister()
        let spool = try SealedSpool(creating: fromSpool.directory.file("upload.spool"))
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: SampleFiles.membersSample))).withUnsafeBytes { try spool.append($0) }
        try spool.finish()
        let report = try await fromSpool.register.importCSV(spool: spool, name: "upload")
        #expect(report.created == 12 && report.bytes == spool.byteCount)
        func exported(_ test: TestRegister) async throws -> String {
            let path = test.directory.file("out.csv")
            _ = try await test.register.export(to: .file(path), disclosure: .test)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(try await exported(fromSpool) == (try await exported(fromFile)))

        let bad = try SealedSpool(creating: fromSpool.directory.file("bad.spool"))
        try Array((SampleFiles.header + "\n" + row(number: "M9", status: "actve") + "\n").utf8).withUnsafeBytes { try bad.append($0) }
        try bad.finish()
        let failure = await #expect(throws: ImportFailed.self) { try await fromSpool.register.importCSV(spool: bad, name: "upload") }
        #expect(try #require(failure).problems.map(\.description).first?.hasPrefix("upload:2: status:") == true)
    }

    @Test func headerProblemsStopTheImportAtLineOne() async throws {
        let test = try await TestRegister()
        let header = SampleFiles.header.replacingOccurrences(of: "last_name", with: "lastname").replacingOccurrences(of: "email", with: "emial")
        let path = test.directory.write("header.csv", header + "\n" + row() + "\n")
        let failure = await #expect(throws: ImportFailed.self) { try await test.register.importCSV(path: path) }
        let text = try #require(failure).description
        #expect(text.contains("\(path):1: "))
        #expect(text.contains("'emial' (did you mean 'email'?)"))
        #expect(text.contains("last_name"))
    }

    @Test func aBadRowOnLine100000LeavesTheRegisterUnchanged() async throws {
        let test = try await TestRegister()
        _ = try await test.register.add(person("Already", "Here", email: "here@example.org"))
        let entriesBefore = try await test.entries().count
        let text = await offThePool {  // seconds of string building: see `offThePool`
            var text = SampleFiles.header + "\n"
            text.reserveCapacity(30_000_000)
            for i in 0..<99_998 {
                text += row(number: "N\(i)", first: "P\(i)", email: "p\(i)@example.org") + "\n"
            }
            return text + row(number: "BAD", dob: "1999-13-01") + "\n"
        }
        let path = test.directory.write("big.csv", text)
        let failure = await #expect(throws: ImportFailed.self) { try await test.register.importCSV(path: path) }
        #expect(failure?.problems.map(\.description) == ["\(path):100000: date_of_birth: date_of_birth is not a real date in the form YYYY-MM-DD"])
        #expect(try await test.register.statistics().total == 1)
        #expect(try await test.entries().count == entriesBefore)
        #expect(try await test.row("N0") == nil)
    }

    @Test func aRejectFileImportsTheValidRowsAndKeepsTheRestForFixing() async throws {
        let test = try await TestRegister()
        let path = test.csv("mixed.csv", [row(number: "M1"), row(number: "M2", status: "gone"), row(number: "M3", email: "x@y.org")])
        let rejects = test.directory.file("rejects.csv")
        let report = try await test.register.importCSV(path: path, options: ImportOptions(rejectFile: rejects))
        #expect(report.created == 2 && report.rejected == 1)
        #expect(report.problems.map(\.line) == [3])
        let mode = try FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        var reader = try CSVReader(path: rejects)
        let header = try #require(try reader.next())
        #expect(header.fields.first == "reject_reason")
        let rejected = try #require(try reader.next())
        #expect(rejected.fields[0].hasPrefix("status 'gone' is not one of"))
        #expect(rejected.fields[1] == "M2")
        // Fix the status in the reject file and import it as it is, reason column and all.
        let fixed = try String(contentsOfFile: rejects, encoding: .utf8).replacingOccurrences(of: ",gone,", with: ",active,")
        let fixedPath = test.directory.write("fixed.csv", fixed)
        let again = try await test.register.importCSV(path: fixedPath)
        #expect(again.created == 1)
        #expect(try await test.register.statistics().total == 3)
    }

    @Test func rowsWithoutANumberGetOneUnlessTheyMatchSomeoneExactly() async throws {
        let test = try await TestRegister()
        let existing = try await test.register.add(person("Ann", "Smith", email: "ann@example.org", number: "M500"))
        let path = test.csv(
            "new.csv",
            [
                row(first: "Ann", last: "Smith", email: "ann@example.org", dob: "1975-05-05"),  // same as M500
                row(first: "ANN", last: "smith", email: "ANN@example.org", dob: "1975-05-05"),  // same, other case
                row(first: "Tom", last: "Smith", email: "ann@example.org"),  // household: shares the email
                row(first: "Zed", last: "Other", email: "zed@example.org"),
                row(first: "Zed", last: "Other", email: "zed@example.org"),  // duplicate row within the file
            ])
        let report = try await test.register.importCSV(path: path)
        #expect(report.likelyDuplicates.map(\.line) == [2, 3, 6])
        #expect(report.likelyDuplicates.map(\.matches).prefix(2) == [existing, existing])
        #expect(report.created == 2)
        #expect(report.sharedEmails == 1)
        #expect(try await test.register.find(.email("ann@example.org"), disclosure: .test).count == 2)
    }

    @Test func reimportCannotBreakTheLifecycle() async throws {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: test.csv("one.csv", [row(number: "M1"), row(number: "M2")]))
        try await test.register.changeStatus(number: "M1", to: .deceased, reason: nil)
        let path = test.csv("again.csv", [row(number: "M1"), row(number: "M2", status: "expelled")])
        let failure = await #expect(throws: ImportFailed.self) { try await test.register.importCSV(path: path) }
        #expect(failure?.problems.map(\.description) == [
            "\(path):2: status: deceased is final: no status may follow it",
            "\(path):3: status: a change from active to expelled needs a reason (use `muster status` with --reason)",
        ])
    }

    @Test func aLargeImportRebuildsTheSearchIndexesItSetAside() async throws {
        let test = try await TestRegister()
        let rows = await offThePool {  // a second or more of string building: see `offThePool`
            (0..<30_000).map { i in
                row(number: "B\(i)", first: "P\(i)", last: "Surname\(i)", email: "b\(i)@example.org",
                    phone: "07700 9\(String(repeating: "0", count: 5 - String(i).count))\(i)")
            }
        }
        let report = try await test.register.importCSV(path: test.csv("large.csv", rows))
        #expect(report.created == 30_000)
        #expect(try await test.register.find(.phone("07700 912345"), disclosure: .test).map(\.number) == ["B12345"])
        #expect(try await test.register.find(.postcodeAndLastName(postcode: "N7 2BJ", lastName: "Surname29999"), disclosure: .test).map(\.number) == ["B29999"])
        let names = try SQLiteRawAccess(path: test.data + "/register.sqlite").indexNames()
        #expect(names.isSuperset(of: ["people_by_id", "people_by_phone", "people_by_postcode_name", "people_by_branch", "ledger_by_subject", "people_by_email"]))
        _ = try await test.verifiedHead()
    }

    @Test func progressIsReportedThroughTheFile() async throws {
        let test = try await TestRegister()
        let path = test.csv("p.csv", (0..<5000).map { row(number: "M\($0)", email: "p\($0)@example.org") })
        let seen = Locked<[ImportProgress]>([])
        _ = try await test.register.importCSV(path: path, options: ImportOptions { progress in seen.mutate { $0.append(progress) } })
        let all = seen.value
        let rows = all.map(\.rows)
        #expect(rows.count >= 2 && rows.last == 5000)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 })
        #expect(rows.dropLast().allSatisfy { $0 >= 2000 })
        #expect(all.last?.bytesRead == all.last?.totalBytes)
    }
}

/// A value shared with a `@Sendable` callback in tests.
final class Locked<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ value: T) { stored = value }
    var value: T { lock.withLock { stored } }
    func mutate(_ body: (inout T) -> Void) { lock.withLock { body(&stored) } }
}
