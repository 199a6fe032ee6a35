/// A UTC instant with one-second precision, written as ISO 8601 `YYYY-MM-DDTHH:MM:SSZ`.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (a fractional second is accepted and dropped);
    /// `nil` for anything else, including impossible dates and times.
    public init?(iso text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable(Timestamp.init(isoUTF8:))
            ?? Array(text.utf8).withUnsafeBufferPointer(Timestamp.init(isoUTF8:))
        guard let parsed else { return nil }
        self = parsed
    }

    /// ``init(iso:)`` on UTF-8 bytes, for decoders that hold bytes and need no `String`. Bytes
    /// that are not UTF-8 are refused, as their decoded text (with U+FFFD) would be.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count >= 20, bytes[count - 1] == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        if count > 20 {
            // Only a fraction may follow the seconds: ".ddd…Z".
            guard bytes[19] == UInt8(ascii: "."), count > 21, bytes[20..<(count - 1)].allSatisfy({ $0 >= 48 && $0 <= 57 })
            else { return nil }
        }
        guard let day = Day(isoUTF8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
            let hour = Day.digits(bytes, 11..<13), hour < 24,
            let minute = Day.digits(bytes, 14..<16), minute < 60,
            let second = Day.digits(bytes, 17..<19), second < 60
        else { return nil }
        self.secondsSinceEpoch = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The UTC day this instant falls on.
    public var day: Day {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return Day(daysSinceEpoch: Int(days))
    }

    public var description: String {
        let secondsOfDay = Int(secondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400)
        return "\(day)T\(Day.pad(secondsOfDay / 3600, 2)):\(Day.pad(secondsOfDay / 60 % 60, 2)):\(Day.pad(secondsOfDay % 60, 2))Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}
