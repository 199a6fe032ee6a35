import Foundation
import MusterCore
import MusterDemo
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct ExportTests {
    /// A register with the sample, synthetic people, and later changes of every kind.
    static func populated() async throws -> TestRegister {
        let test = try await TestRegister()
        _ = try await test.register.importCSV(path: SampleFiles.membersSample)
        let demo = DemoRegister(seed: 7, referenceDay: Day(iso: "2026-06-01")!)
        _ = try await test.register.importRecords(count: 300, source: "demo", record: demo.person(at:))
        _ = try await test.register.update(number: "M1012345", changes: [(.notes, "Line one, \"quoted\"\nline two"), (.town, "Leeds")])
        try await test.register.changeStatus(number: "M1020264", to: .active, reason: nil)
        try await test.register.erase(number: "M1028183", reason: nil)
        return test
    }

    @Test func anExportReimportsIntoAnIdenticalRegister() async throws {
        let original = try await Self.populated()
        let first = original.directory.file("first.csv")
        let report = try await original.register.export(to: .file(first), disclosure: .test)
        #expect(report.people == 311 && report.erasedSkipped == 1)

        let copy = try await TestRegister()
        let imported = try await copy.register.importCSV(path: first)
        #expect(imported.created == 311 && imported.rejected == 0)
        let second = copy.directory.file("second.csv")
        _ = try await copy.register.export(to: .file(second), disclosure: .test)
        let a = try String(contentsOfFile: first, encoding: .utf8)
        let b = try String(contentsOfFile: second, encoding: .utf8)
        #expect(a == b)
        #expect(try await copy.register.statistics().byCategoryAndStatus == original.register.statistics().byCategoryAndStatus)
        let mode = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// The server's export: the same CSV as the file export, a page at a time; someone added
    /// after the disclosures were recorded is not in it, someone erased since is skipped.
    @Test func aPagedExportIsTheFileExportAndHoldsOnlyWhoWasRecorded() async throws {
        let test = try await Self.populated()
        let file = test.directory.file("whole.csv")
        _ = try await test.register.export(to: .file(file), disclosure: .test)
        let before = try await test.entries().count
        let plan = try await test.register.planExport(disclosure: .test)
        #expect(plan.people == 311)
        #expect(try await test.entries().count == before + 312, "a disclosure for each person and a summary, before any page")
        var pages: [[UInt8]] = []
        let report = try await test.register.exportPages(plan, pageSize: 7) { pages.append($0) }
        #expect(report.people == 311 && report.erasedSkipped == 1 && pages.count > 40)
        #expect(pages.joined().elementsEqual(try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))))

        let demo = DemoRegister(seed: 8, referenceDay: Day(iso: "2026-06-01")!)
        let added = try await test.register.add(demo.person(at: 0))
        try await test.register.erase(number: "M1012345", reason: nil)
        var text: [UInt8] = []
        let later = try await test.register.exportPages(plan, pageSize: 50) { text += $0 }
        #expect(later.people == 310 && later.erasedSkipped == 2)
        let csv = String(decoding: text, as: UTF8.self)
        #expect(!csv.contains(added) && !csv.contains("M1012345"))
    }

    @Test func filtersSelectByBranchCategoryAndStatus() async throws {
        let test = try await Self.populated()
        let counts = try await test.register.statistics()
        let members = counts.byCategoryAndStatus.filter { $0.key.category == .member && $0.key.status == .active }.values.reduce(0, +)
        let out = test.directory.file("members.csv")
        let report = try await test.register.export(to: .file(out), filter: PersonFilter(category: .member, status: .active), disclosure: .test)
        #expect(report.people == members)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains(",registered_supporter,"))
        let branch = try await test.register.export(
            to: .file(test.directory.file("b.csv")), filter: PersonFilter(branch: "Greenwich and Woolwich Canal branch"), disclosure: .test)
        #expect(branch.people == 1)
    }

    @Test func anExportIsNeverWrittenIntoTheDataDirectory() async throws {
        let test = try await TestRegister()
        await #expect(throws: RegisterError.self) { try await test.register.export(to: .file(test.data + "/leak.csv"), disclosure: .test) }
        #expect(!FileManager.default.fileExists(atPath: test.data + "/leak.csv"))
    }
}
