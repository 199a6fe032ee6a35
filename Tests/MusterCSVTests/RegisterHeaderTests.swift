import MusterCore
import Testing

@testable import MusterCSV

/// Matching header names to fields, and reporting every header problem at once.
struct RegisterHeaderTests {
    private func header(_ names: String) throws(ImportProblems) -> RegisterHeader {
        try RegisterHeader(CSVRow(fields: names.split(separator: ",", omittingEmptySubsequences: false).map(String.init), line: 1), file: "members.csv")
    }

    private func problems(_ names: String) -> [String] {
        do {
            _ = try header(names)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func exportHeaderMapsToEveryField() throws {
        let header = try RegisterHeader(CSVRow(fields: RegisterCSV.headerRow, line: 1), file: "members.csv")
        #expect(header.columns == Field.csvOrder)
        #expect(RegisterCSV.headerRow.count == 31)
    }

    @Test func matchesIgnoringCaseAndSpaces() throws {
        #expect(try header("  Category ,STATUS,First_Name , last_name,\tEmail").columns == [.category, .status, .firstName, .lastName, .email])
    }

    @Test func misspeltColumnGetsASuggestion() {
        #expect(
            problems("category,status,first_name,last_name,emial") == [
                "members.csv:1: unknown column 'emial' (did you mean 'email'?)"
            ])
        #expect(
            problems("category,status,first_name,last_name,post code") == [
                "members.csv:1: unknown column 'post code' (did you mean 'postcode'?)"
            ])
    }

    @Test func unknownColumnFarFromAnyNameGetsNoSuggestion() {
        #expect(
            problems("category,status,first_name,last_name,favourite_colour") == [
                "members.csv:1: unknown column 'favourite_colour'"
            ])
    }

    @Test func duplicateColumn() {
        #expect(
            problems("category,status,first_name,last_name,email,EMAIL") == [
                "members.csv:1: duplicate column 'email' (columns 5 and 6)"
            ])
    }

    @Test func missingRequiredColumn() {
        #expect(problems("category,first_name,last_name,email") == ["members.csv:1: missing required column 'status'"])
    }

    @Test func everyProblemIsReportedTogether() {
        #expect(
            problems("category,fist_name,last_name,town,town,email") == [
                "members.csv:1: duplicate column 'town' (columns 4 and 5)",
                "members.csv:1: unknown column 'fist_name' (did you mean 'first_name'?)",
                "members.csv:1: missing required column 'status'",
                "members.csv:1: missing required column 'first_name'",
            ])
    }

    @Test func optionalColumnsMayBeLeftOut() throws {
        #expect(try header("last_name,first_name,status,category").columns == [.lastName, .firstName, .status, .category])
    }

    @Test func emptyColumnNamesAreIgnored() throws {
        #expect(try header("category,status,first_name,last_name,").columns == [.category, .status, .firstName, .lastName, nil])
    }

    /// A file without a header: its first row is a person, whose details must not be echoed.
    @Test func dataRowInsteadOfAHeaderIsNotEchoed() {
        let found = problems("M1012345,member,active,Dr,Patricia,King,pking@example.org,2018-03-28")
        #expect(
            found == [
                "members.csv:1: this is not a register header row (unknown names in columns 1, 2, 3, 4, 5, 6, 7, 8); "
                    + "the file must start with a row naming its columns, such as "
                    + "membership_number,category,status,title,first_name,last_name"
            ])
        for secret in ["Patricia", "King", "pking", "M1012345"] {
            #expect(!found.joined().contains(secret))
        }
    }

    @Test func editDistanceCountsSwapsAsOne() {
        #expect(editDistance("emial", "email") == 1)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("town", "town") == 0)
    }
}
