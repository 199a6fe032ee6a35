/// A calendar day (proleptic Gregorian, no time zone), as register dates are written: `YYYY-MM-DD`.
///
/// Stored as a day count since 1970-01-01 so that comparisons and month arithmetic are cheap
/// and exact; parsing rejects impossible dates such as `2023-02-30`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A day from its civil parts, or `nil` when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.daysSinceEpoch = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`; anything else, or a date that does not exist, is `nil`.
    public init?(iso text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable(Day.init(isoUTF8:))
            ?? Array(text.utf8).withUnsafeBufferPointer(Day.init(isoUTF8:))
        guard let parsed else { return nil }
        self = parsed
    }

    /// ``init(iso:)`` on UTF-8 bytes, for decoders that hold bytes and need no `String`. Bytes
    /// that are not UTF-8 are refused, as their decoded text (with U+FFFD) would be.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Day.digits(bytes, 0..<4), let month = Day.digits(bytes, 5..<7),
            let day = Day.digits(bytes, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var parts: (year: Int, month: Int, day: Int) { Day.civil(fromDays: daysSinceEpoch) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = parts
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day of the month `months` later (or earlier), clamped to the month's last day,
    /// and to the calendar's range (0001-01-01 … 9999-12-31) rather than failing at its ends.
    public func adding(months: Int) -> Day {
        let (y, m, d) = parts
        let (shifted, overflow) = (y * 12 + (m - 1)).addingReportingOverflow(months)
        let total = overflow ? (months < 0 ? Int.min : Int.max) : shifted
        if total < 12 { return Day(year: 1, month: 1, day: 1)! }
        if total > 9999 * 12 + 11 { return Day(year: 9999, month: 12, day: 31)! }
        let year = total / 12
        let month = total % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))!
    }

    // MARK: Civil calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days).

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    /// The decimal value of `bytes[range]`, ASCII digits only.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for b in bytes[range] {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
