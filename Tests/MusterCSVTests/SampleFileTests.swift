import MusterCore
import Testing

@testable import MusterCSV

/// The shared 12-row sample register: every row imports, and exports re-import unchanged.
@Suite(.enabled(if: Sample.exists, "the sample register is not at ../../../shared/samples/members-sample.csv"))
struct SampleFileTests {
    /// Each row as read, and the record it maps to.
    private func load() throws -> [(row: CSVRow, record: PersonRecord)] {
        var reader = try CSVReader(path: Sample.path)
        let header = try RegisterHeader(#require(try reader.next()), file: "members-sample.csv")
        var loaded: [(CSVRow, PersonRecord)] = []
        while let row = try reader.next() {
            switch header.record(from: row, file: "members-sample.csv") {
            case .success(let record): loaded.append((row, record))
            case .failure(let problems): Issue.record("sample row rejected:\n\(problems)")
            }
        }
        return loaded
    }

    @Test func headerIsTheExportHeader() throws {
        var reader = try CSVReader(path: Sample.path)
        #expect(try reader.next()?.fields == RegisterCSV.headerRow)
    }

    @Test func everyRowMapsToARecord() throws {
        let loaded = try load()
        #expect(loaded.count == 12)
        #expect(loaded.map(\.row.line) == Array(2...13))
        let first = try #require(loaded.first?.record)
        #expect(first.membershipNumber == "M1012345")
        #expect(first.category == .affiliatedSupporter)
        #expect(first.status == .active)
        #expect(first.unionName == "ASLEF")
        #expect(first.identity.lastName == "King")
        #expect(first.identity.dateOfBirth == Day(year: 1987, month: 6, day: 17))
        #expect(first.dues == Dues(amountPence: 0, frequency: .none, method: .unionLevy))
        #expect(first.consents == Consents(email: false, phone: true, post: true, sms: true, updatedAt: Timestamp(iso: "2020-08-25T17:06:05Z")))
        #expect(first.identity.notes == "Rejoined after lapse.")
    }

    /// The sample is already in canonical form, so exporting a record gives back its row exactly,
    /// and re-importing that gives back the record.
    @Test func recordToFieldsToRecordIsIdentity() throws {
        let header = try RegisterHeader(CSVRow(fields: RegisterCSV.headerRow, line: 1), file: "export.csv")
        for (row, record) in try load() {
            let fields = RegisterCSV.fields(of: record)
            #expect(fields == row.fields)
            #expect(try header.record(from: CSVRow(fields: fields, line: row.line), file: "export.csv").get() == record)
        }
    }

    @Test func exportFileReimports() throws {
        let loaded = try load()
        let directory = try TemporaryDirectory()
        let path = directory.path("export.csv")
        let writer = try CSVWriter(path: path)
        try writer.write(RegisterCSV.headerRow)
        for (_, record) in loaded { try writer.write(RegisterCSV.fields(of: record)) }
        try writer.close()

        var reader = try CSVReader(path: path)
        let header = try RegisterHeader(#require(try reader.next()), file: "export.csv")
        var records: [PersonRecord] = []
        while let row = try reader.next() { records.append(try header.record(from: row, file: "export.csv").get()) }
        #expect(records == loaded.map(\.record))
    }
}
