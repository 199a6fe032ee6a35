import MusterCore
import Testing

@testable import MusterCSV

/// Turning a data row into a record: field errors collected per column, then cross-field rules.
struct RegisterRecordTests {
    let header: RegisterHeader

    init() throws {
        header = try RegisterHeader(CSVRow(fields: RegisterCSV.headerRow, line: 1), file: "members.csv")
    }

    /// A valid member's row, with some columns changed.
    private func row(_ changes: [Field: String] = [:], line: Int = 3) -> CSVRow {
        let base: [Field: String] = [
            .membershipNumber: "M1000001", .category: "member", .status: "active", .firstName: "Pat",
            .lastName: "King", .email: "pat@example.org", .phone: "07946 605397", .postcode: "N7 2BJ",
            .dateOfBirth: "1987-06-17", .joinDate: "2018-03-28", .duesAmount: "2.64", .duesFrequency: "monthly",
            .paymentMethod: "direct_debit", .consentEmail: "Y",
        ]
        let values = base.merging(changes) { $1 }
        return CSVRow(fields: Field.csvOrder.map { values[$0] ?? "" }, line: line)
    }

    private func problems(_ changes: [Field: String]) -> [String] {
        switch header.record(from: row(changes), file: "members.csv") {
        case .success: return []
        case .failure(let problems): return problems.problems.map(\.description)
        }
    }

    private func record(_ changes: [Field: String]) throws -> PersonRecord {
        try header.record(from: row(changes), file: "members.csv").get()
    }

    @Test func validRow() throws {
        let record = try record([:])
        #expect(record.membershipNumber == "M1000001")
        #expect(record.category == .member)
        #expect(record.identity.dateOfBirth == Day(year: 1987, month: 6, day: 17))
        #expect(record.dues == Dues(amountPence: 264, frequency: .monthly, method: .directDebit))
        #expect(record.consents.email && !record.consents.sms)
    }

    @Test func unknownStatus() {
        #expect(
            problems([.status: "frozen"]) == [
                "members.csv:3: status: status 'frozen' is not one of pending, active, in_arrears, lapsed, suspended, resigned, expelled, deceased"
            ])
    }

    @Test func impossibleDate() {
        #expect(
            problems([.dateOfBirth: "2023-02-30"]) == [
                "members.csv:3: date_of_birth: date_of_birth is not a real date in the form YYYY-MM-DD"
            ])
    }

    @Test func upperCaseEmailIsAcceptedAndLowerCased() throws {
        #expect(try record([.email: "Pat.King@Example.ORG"]).identity.email == "pat.king@example.org")
    }

    @Test func straySpacesAreTrimmed() throws {
        let record = try record([.firstName: "  Mary   Ann ", .category: " Member ", .postcode: " n7 2bj ", .duesAmount: " 4.5 "])
        #expect(record.identity.firstName == "Mary Ann")
        #expect(record.category == .member)
        #expect(record.identity.postcode == "N7 2BJ")
        #expect(record.dues.amountPence == 450)
    }

    @Test func wrongFieldCount() {
        var short = row()
        short.fields.removeLast()
        guard case .failure(let problems) = header.record(from: short, file: "members.csv") else {
            Issue.record("a short row was accepted")
            return
        }
        #expect(problems.description == "members.csv:3: expected 31 fields, found 30")
    }

    @Test func affiliatedSupporterNeedsAUnion() {
        #expect(
            problems([.category: "affiliated_supporter"]) == [
                "members.csv:3: union_name: union_name is required for an affiliated_supporter"
            ])
        #expect(problems([.category: "affiliated_supporter", .unionName: "Unite"]) == [])
    }

    @Test func ruleAboutTwoColumnsBelongsToTheRow() {
        #expect(problems([.firstName: "", .lastName: " "]) == ["members.csv:3: first_name or last_name is required"])
    }

    @Test func everyFieldErrorIsCollectedAndRulesWaitForThem() {
        // Also an affiliated_supporter with no union: that rule is not checked until the fields parse.
        let found = problems([
            .category: "affiliated_supporter", .status: "frozen", .email: "nope", .joinDate: "2020-13-01",
        ])
        #expect(
            found == [
                "members.csv:3: status: status 'frozen' is not one of pending, active, in_arrears, lapsed, suspended, resigned, expelled, deceased",
                "members.csv:3: email: email is not a valid address",
                "members.csv:3: join_date: join_date is not a real date in the form YYYY-MM-DD",
            ])
    }

    @Test(arguments: [
        (Field.email, "canary-xyz@@"), (.phone, "canary-xyz"), (.dateOfBirth, "canary-xyz"),
        (.postcode, "canary-xyz!"), (.firstName, String(repeating: "canary-xyz", count: 20)),
    ])
    func problemsNeverContainTheBadValue(field: Field, value: String) {
        let found = problems([field: value])
        #expect(found.count == 1)
        #expect(!found.joined().contains("canary"))
    }

    @Test func unnamedColumnMustBeEmpty() throws {
        let header = try RegisterHeader(CSVRow(fields: ["category", "status", "first_name", "last_name", ""], line: 1), file: "f.csv")
        #expect(throws: Never.self) { try header.record(from: CSVRow(fields: ["contact", "active", "Ann", "Lee", " "], line: 2), file: "f.csv").get() }
        guard case .failure(let problems) = header.record(from: CSVRow(fields: ["contact", "active", "Ann", "Lee", "secret"], line: 2), file: "f.csv")
        else {
            Issue.record("a value under an unnamed column was accepted")
            return
        }
        #expect(problems.description == "f.csv:2: column 5 has a value but no name in the header row")
    }

    @Test func absentColumnsKeepDefaults() throws {
        let header = try RegisterHeader(CSVRow(fields: ["last_name", "first_name", "status", "category"], line: 1), file: "f.csv")
        let record = try header.record(from: CSVRow(fields: ["Lee", "Ann", "active", "contact"], line: 2), file: "f.csv").get()
        var expected = PersonRecord.blank
        expected.identity.firstName = "Ann"
        expected.identity.lastName = "Lee"
        expected.status = .active
        #expect(record == expected)
    }

    @Test func problemDescriptions() {
        #expect(ImportProblem(file: "a.csv", line: 7, column: "email", message: "bad").description == "a.csv:7: email: bad")
        #expect(ImportProblem(file: "a.csv", line: 7, message: "bad").description == "a.csv:7: bad")
        #expect(
            ImportProblem(file: "a.csv", error: CSVError(.strayQuote, line: 4, "field 2: text after the closing quote")).description
                == "a.csv:4: field 2: text after the closing quote")
        #expect(
            ImportProblems([ImportProblem(file: "a", line: 1, message: "x"), ImportProblem(file: "a", line: 2, message: "y")]).description
                == "a:1: x\na:2: y")
    }
}
