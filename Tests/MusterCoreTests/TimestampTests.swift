import Testing
@testable import MusterCore

struct TimestampTests {
    @Test(arguments: [
        ("2024-06-07T14:22:14Z", Int64(1_717_770_134)), ("1970-01-01T00:00:00Z", 0), ("1969-12-31T23:59:59Z", -1),
        ("0001-01-01T00:00:00Z", -62_135_596_800), ("9999-12-31T23:59:59Z", 253_402_300_799),
        ("2000-02-29T12:00:00Z", 951_825_600), ("1900-03-01T00:00:00Z", -2_203_891_200),
    ])
    func parsesAndFormats(text: String, seconds: Int64) throws {
        let parsed = try #require(Timestamp(iso: text))
        #expect(parsed.secondsSinceEpoch == seconds)
        #expect(parsed.description == text)
        #expect(Timestamp(secondsSinceEpoch: seconds).description == text)
    }

    @Test(arguments: [
        "2024-06-07T14:22:14.5Z", "2024-06-07T14:22:14.0Z", "2024-06-07T14:22:14.999999999Z",
        "2024-06-07T14:22:14.123Z",
    ])
    func acceptsAndDropsAFraction(text: String) throws {
        let parsed = try #require(Timestamp(iso: text))
        #expect(parsed.secondsSinceEpoch == 1_717_770_134)
        #expect(parsed.description == "2024-06-07T14:22:14Z")
    }

    @Test(arguments: [
        "2024-06-07T24:00:00Z", "2024-06-07T23:60:00Z", "2024-06-07T23:59:60Z", "2024-06-07T14:22:14",
        "2024-06-07T14:22:14+01:00", "2024-06-07T14:22:14+00:00", "2024-06-07T14:22:14-05:00",
        "2024-06-07T14:22:14.5+01:00", "2023-02-29T00:00:00Z", "2024-04-31T12:00:00Z", "2024-13-01T00:00:00Z",
        "2024-06-07 14:22:14Z", "2024-06-07t14:22:14z", "2024-06-07T14:22:14z", "2024-06-07T14:22:14.Z",
        "2024-06-07T14:22:14,5Z", "2024-06-07T14:22:14.5aZ", "2024-06-07T14:22Z", "2024-06-07T1:22:14Z",
        "2024-06-07T14-22-14Z", "2024-06-07T14:22:1xZ", "2024-06-07", "", "Z", " 2024-06-07T14:22:14Z",
        "2024-06-07T14:22:14Z ", "2024-06-07T14:22:14ZZ", "2024-06-07T14:22:14.5ZZ", "2024-6-07T14:22:14Z",
    ])
    func rejects(text: String) {
        #expect(Timestamp(iso: text) == nil)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01"), (86_399, "1970-01-01"), (86_400, "1970-01-02"), (-1, "1969-12-31"),
        (-86_399, "1969-12-31"), (-86_400, "1969-12-31"), (-86_401, "1969-12-30"),
        (-2_203_891_200, "1900-03-01"), (-2_203_891_201, "1900-02-28"), (-62_135_596_800, "0001-01-01"),
    ])
    func dayIsTheUTCCalendarDay(seconds: Int64, expected: String) {
        #expect(Timestamp(secondsSinceEpoch: seconds).day == day(expected))
    }

    @Test func descriptionBeforeNineteenSeventy() {
        #expect(Timestamp(secondsSinceEpoch: -86_401).description == "1969-12-30T23:59:59Z")
        #expect(Timestamp(secondsSinceEpoch: -86_400).description == "1969-12-31T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: -3_661).description == "1969-12-31T22:58:59Z")
    }

    @Test func roundTripsAroundTheEpochAndDayBoundaries() {
        var seconds: [Int64] = []
        for base in [Int64(0), -86_400, 86_400, -2_203_891_200, 951_782_400] {
            for delta in Int64(-3)...3 { seconds.append(base + delta) }
        }
        for s in stride(from: Int64(-200_000), through: 200_000, by: 997) { seconds.append(s) }
        for s in seconds {
            let t = Timestamp(secondsSinceEpoch: s)
            #expect(Timestamp(iso: t.description)?.secondsSinceEpoch == s, "\(s)")
            #expect(t.day.daysSinceEpoch * 86_400 <= s && s < (t.day.daysSinceEpoch + 1) * 86_400)
        }
    }

    @Test func ordering() {
        let a = stamp("1969-12-31T23:59:59Z")
        let b = stamp("1970-01-01T00:00:00Z")
        let c = stamp("2024-06-07T14:22:14Z")
        #expect(a < b && b < c)
        #expect([c, a, b].sorted() == [a, b, c])
        #expect(stamp("2024-06-07T14:22:14.9Z") == c)
    }
}
