import MusterLedger

/// The file name of a segment: `segment-<first>-<last>.mseg`, each sequence number written
/// as 20 decimal digits, zero-padded (`UInt64.max` has 20 digits).
///
/// Fixed width makes the names sort as text in sequence order, so a plain directory or
/// bucket listing is already the restore order. Ordering values of this type agrees with
/// ordering their file names.
///
/// ```swift
/// SegmentName(first: 1, last: 250)?.fileName
/// // "segment-00000000000000000001-00000000000000000250.mseg"
/// ```
public struct SegmentName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The sequence number of the first entry (at least 1).
    public let first: UInt64
    /// The sequence number of the last entry (at least ``first``).
    public let last: UInt64

    /// What every segment file name starts with.
    public static let prefix = "segment-"
    /// What every segment file name ends with.
    public static let suffix = ".mseg"
    private static let digits = 20

    /// The name of the segment holding entries `first...last`; `nil` unless
    /// `1 <= first <= last`.
    public init?(first: UInt64, last: UInt64) {
        guard first >= 1, last >= first else { return nil }
        self.init(checkedFirst: first, last: last)
    }

    /// For ranges already known to be valid.
    init(checkedFirst first: UInt64, last: UInt64) {
        self.first = first
        self.last = last
    }

    /// The name of `count` entries from `first`, if that is a valid range.
    init?(first: UInt64, count: Int) {
        guard first >= 1, count >= 1, UInt64(count) - 1 <= UInt64.max - first else { return nil }
        self.init(checkedFirst: first, last: first + (UInt64(count) - 1))
    }

    /// Parses a file name strictly: the exact prefix, two runs of exactly 20 digits, the exact
    /// suffix, `1 <= first <= last`. Throws `invalidName` otherwise.
    public init(parsing fileName: String) throws(VaultError) {
        let bytes = Array(fileName.utf8)
        let prefix = Array(Self.prefix.utf8)
        let suffix = Array(Self.suffix.utf8)
        let width = prefix.count + Self.digits + 1 + Self.digits + suffix.count
        let secondStart = prefix.count + Self.digits + 1
        guard bytes.count == width, bytes.starts(with: prefix), bytes[secondStart - 1] == UInt8(ascii: "-"),
            bytes[(width - suffix.count)...].elementsEqual(suffix),
            let first = ASCIIDecimal.value(bytes[prefix.count..<(prefix.count + Self.digits)]),
            let last = ASCIIDecimal.value(bytes[secondStart..<(secondStart + Self.digits)]),
            first >= 1, last >= first
        else {
            throw VaultError(.invalidName, "not a segment file name (segment-<20 digits>-<20 digits>.mseg)")
        }
        self.init(checkedFirst: first, last: last)
    }

    /// `segment-<first>-<last>.mseg`.
    public var fileName: String {
        "\(Self.prefix)\(Self.padded(first))-\(Self.padded(last))\(Self.suffix)"
    }

    /// The number of entries in the range.
    public var count: UInt64 { last - first + 1 }

    /// The file name.
    public var description: String { fileName }

    /// Sequence order: by first entry, then by last.
    public static func < (lhs: SegmentName, rhs: SegmentName) -> Bool {
        (lhs.first, lhs.last) < (rhs.first, rhs.last)
    }

    private static func padded(_ value: UInt64) -> String {
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

}
