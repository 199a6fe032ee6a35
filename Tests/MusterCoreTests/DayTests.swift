import Testing
@testable import MusterCore

struct DayTests {
    @Test(arguments: [
        ("1900-03-01", -25_508), ("2000-02-29", 11_016), ("1970-01-01", 0), ("1969-12-31", -1),
        ("9999-12-31", 2_932_896), ("0001-01-01", -719_162), ("2000-01-01", 10_957),
    ])
    func parsesAndFormatsAcrossEras(text: String, daysSinceEpoch: Int) throws {
        let parsed = try #require(Day(iso: text))
        #expect(parsed.daysSinceEpoch == daysSinceEpoch)
        #expect(parsed.description == text)
        #expect(Day(daysSinceEpoch: daysSinceEpoch).description == text)
    }

    @Test func partsAreTheCivilDate() {
        let d = day("0001-02-03")
        #expect(d.parts.year == 1)
        #expect(d.parts.month == 2)
        #expect(d.parts.day == 3)
        #expect(d.description == "0001-02-03")
    }

    @Test func parsesSubstrings() {
        let text = "x2024-06-07y"
        let inner = text.dropFirst().dropLast()
        #expect(Day(iso: inner) == Day(year: 2024, month: 6, day: 7))
    }

    @Test(arguments: [
        // Dates that do not exist.
        "2023-02-29", "2023-02-30", "2024-02-30", "2024-13-01", "2024-04-31", "2024-06-31", "2024-09-31",
        "2024-11-31", "2024-00-10", "2024-01-00", "2024-01-32", "1900-02-29", "2100-02-29", "0000-01-01",
        // Malformed text.
        "2024-1-01", "24-01-01", "2024/01/01", " 2024-01-01", "2024-01-01 ", "", "2024-01-1", "20240101",
        "2024-01-01T00:00:00Z", "+024-01-01", "-024-01-01", "2024-0a-01", "2024--1-01", "10000-01-01",
        "２０２４-01-01", "2024–01–01",
    ])
    func rejectsImpossibleOrMalformed(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func rejectsImpossibleCivilParts() {
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: 2024, month: 0, day: 1) == nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 1, day: 0) == nil)
        #expect(Day(year: 2024, month: 1, day: -1) == nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
        #expect(Day(year: 2024, month: 4, day: 30) == day("2024-04-30"))
    }

    @Test(arguments: [
        (1900, false), (2000, true), (2100, false), (2400, true), (2024, true), (2023, false), (1600, true),
        (1700, false), (4, true), (1, false),
    ])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(Day.isLeap(year) == isLeap)
        #expect((Day(year: year, month: 2, day: 29) != nil) == isLeap)
        #expect(Day(year: year, month: 2, day: 28) != nil)
        // The twelve months up to 1 March are 366 days long exactly when that February has a 29th.
        if year > 1 {
            let length = Day(year: year, month: 3, day: 1)!.daysSinceEpoch - Day(year: year - 1, month: 3, day: 1)!.daysSinceEpoch
            #expect(length == (isLeap ? 366 : 365))
        }
    }

    @Test func addingDays() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2024-02-28").adding(days: 2) == day("2024-03-01"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("1969-12-31").adding(days: 1) == day("1970-01-01"))
        #expect(day("1970-01-01").adding(days: -1) == day("1969-12-31"))
        #expect(day("2023-12-31").adding(days: 1) == day("2024-01-01"))
        #expect(day("2024-03-01").adding(days: -1) == day("2024-02-29"))
        #expect(day("2024-01-01").adding(days: 366) == day("2025-01-01"))
        #expect(day("2023-01-01").adding(days: 365) == day("2024-01-01"))
        #expect(day("1900-02-28").adding(days: 1) == day("1900-03-01"))
        #expect(day("2024-06-07").adding(days: 0) == day("2024-06-07"))
    }

    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2024-03-31", -1, "2024-02-29"),
        ("2024-05-31", 1, "2024-06-30"), ("2024-12-31", 2, "2025-02-28"), ("2024-01-15", 0, "2024-01-15"),
        ("2024-01-15", 12, "2025-01-15"), ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-29"),
        ("2024-02-29", -12, "2023-02-28"), ("2024-01-01", -1, "2023-12-01"), ("2024-01-01", -12, "2023-01-01"),
        ("2024-01-01", -13, "2022-12-01"), ("2024-01-15", -6, "2023-07-15"), ("2024-03-31", -6, "2023-09-30"),
        ("2024-02-10", -6, "2023-08-10"), ("2023-08-31", -6, "2023-02-28"), ("2024-08-31", -6, "2024-02-29"),
        ("2024-12-15", 1, "2025-01-15"), ("2024-11-30", 3, "2025-02-28"), ("2000-08-31", -6, "2000-02-29"),
        ("1900-08-31", -6, "1900-02-28"), ("1970-01-31", -1, "1969-12-31"), ("1969-12-31", 2, "1970-02-28"),
        ("0001-12-31", -11, "0001-01-31"), ("9999-01-31", 11, "9999-12-31"), ("2024-06-07", -24_000, "0024-06-07"),
    ])
    func addingMonthsClampsToTheEndOfTheMonth(start: String, months: Int, expected: String) {
        #expect(day(start).adding(months: months).description == expected)
    }

    @Test func ordering() {
        let days = ["2024-01-02", "1969-12-31", "0001-01-01", "2024-01-01", "9999-12-31", "1970-01-01", "2023-12-31"]
            .map { day($0) }
        #expect(days.sorted().map(\.description) == [
            "0001-01-01", "1969-12-31", "1970-01-01", "2023-12-31", "2024-01-01", "2024-01-02", "9999-12-31",
        ])
        #expect(day("2024-01-01") < day("2024-01-02"))
        #expect(!(day("2024-01-02") < day("2024-01-01")))
        #expect(!(day("2024-01-01") < day("2024-01-01")))
        #expect(day("2024-01-01") == Day(year: 2024, month: 1, day: 1))
        #expect(Set([day("2024-01-01"), Day(daysSinceEpoch: 19_723)]).count == 1)
    }

    /// Walks the calendar one day at a time with an independent leap rule and checks every day
    /// against the closed-form arithmetic, both ways.
    @Test func daysSinceEpochAgreesWithADayByDayWalk() throws {
        func leap(_ y: Int) -> Bool { y % 400 == 0 || (y % 100 != 0 && y % 4 == 0) }
        func length(_ m: Int, _ y: Int) -> Int { [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] }

        // First pass: how many days from 1896-01-01 to 1970-01-01.
        var (y, m, d) = (1896, 1, 1)
        var offset = 0
        while (y, m, d) != (1970, 1, 1) {
            offset += 1
            d += 1
            if d > length(m, y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        // Second pass: every day from 1896 to 2104 (crossing 1900, 2000 and 2100).
        (y, m, d) = (1896, 1, 1)
        var count = -offset
        var previous: Day?
        while y < 2105 {
            let civil = try #require(Day(year: y, month: m, day: d))
            #expect(civil.daysSinceEpoch == count)
            let back = Day(daysSinceEpoch: count).parts
            #expect(back.year == y && back.month == m && back.day == d)
            if let previous {
                #expect(previous.adding(days: 1) == civil)
                #expect(previous < civil)
            }
            previous = civil
            count += 1
            d += 1
            if d > length(m, y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        #expect(count == Day(year: 2105, month: 1, day: 1)!.daysSinceEpoch)
    }

    @Test func formatRoundTripsForEveryDayOfALeapAndACommonYear() {
        for start in ["2023-01-01", "2024-01-01", "1900-01-01"] {
            var current = day(start)
            for _ in 0..<366 {
                #expect(Day(iso: current.description) == current)
                current = current.adding(days: 1)
            }
        }
    }
}
