#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// The file name of a snapshot that the vault may later prune (key-store snapshots):
/// `<prefix><YYYYMMDD>T<HHMMSS>Z-<16 hex>`, e.g. `keys-20250601T120000Z-3f9a0c1d2e4b5a69`.
///
/// The time is UTC, to the second, taken from the *vault's* clock when it stores the file
/// (``FileVault/putSnapshot(prefix:bytes:now:)``). Retention reads it from the name, never from
/// a client or from file times, which a copy or a restore resets. The random tag keeps two
/// snapshots in one second apart. Names of one prefix sort as text in time order.
public struct SnapshotName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// What the name starts with, ending in `-` (e.g. `keys-`).
    public let prefix: String
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// 16 lower-case hex digits.
    public let tag: String

    /// A name for a snapshot stored at `time` (rounded down to the second) with a fresh tag.
    /// Throws `invalidName` / `notAllowed` for a bad prefix (``checkPrefix(_:)``) and
    /// `invalidName` for a time outside the years 1970–9999.
    public init(prefix: String, time: Date) throws(VaultError) {
        try Self.checkPrefix(prefix)
        let seconds = time.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds < 253_402_300_800 else {  // 10000-01-01T00:00:00Z
            throw VaultError(.invalidName, "a snapshot time is between the years 1970 and 9999")
        }
        self.init(prefix: prefix, seconds: Int64(seconds), tag: FileVault.randomHex())
    }

    private init(prefix: String, seconds: Int64, tag: String) {
        self.prefix = prefix
        self.seconds = seconds
        self.tag = tag
    }

    /// Parses `fileName` as a snapshot name with `prefix`; `nil` for anything else, including
    /// impossible dates (a name that does not format back to itself).
    public init?(parsing fileName: String, prefix: String) {
        let bytes = Array(fileName.utf8)
        let head = Array(prefix.utf8)
        // YYYYMMDD T HHMMSS Z - 16 hex
        guard bytes.count == head.count + 15 + 1 + 1 + 16, bytes.starts(with: head) else { return nil }
        let rest = Array(bytes[head.count...])
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for c in rest[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return nil }
                value = value * 10 + Int32(c - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            rest[17...].allSatisfy(Self.isLowerHex)
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let name = SnapshotName(
            prefix: prefix, seconds: Int64(timegm(&parts)), tag: String(decoding: rest[17...], as: UTF8.self))
        // Round trip: rejects the wrong separators, 31 February, upper-case hex and the like.
        guard name.seconds >= 0, name.fileName == fileName, (try? Self.checkPrefix(prefix)) != nil else { return nil }
        self = name
    }

    /// The name's time.
    public var time: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// `<prefix><YYYYMMDD>T<HHMMSS>Z-<tag>`.
    public var fileName: String {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(parts.tm_year + 1900)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        let date = paddedYear + two(parts.tm_mon + 1) + two(parts.tm_mday)
        return "\(prefix)\(date)T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z-\(tag)"
    }

    /// The file name.
    public var description: String { fileName }

    /// Time order, then tag.
    public static func < (lhs: SnapshotName, rhs: SnapshotName) -> Bool {
        (lhs.seconds, lhs.tag) < (rhs.seconds, rhs.tag)
    }

    private static func isLowerHex(_ c: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)
    }

    /// Throws unless `prefix` is a valid vault name ending in `-`, and one no segment file
    /// name could start with (`notAllowed`): prunable names and segments never overlap.
    public static func checkPrefix(_ prefix: String) throws(VaultError) {
        guard prefix.hasSuffix("-"), prefix.utf8.count <= 64, FileVault.isValid(name: prefix) else {
            throw VaultError(.invalidName, "a snapshot prefix is a short vault name ending in '-'")
        }
        guard !prefix.hasPrefix(SegmentName.prefix), !SegmentName.prefix.hasPrefix(prefix) else {
            throw VaultError(.notAllowed, "segments are never pruned, so '\(prefix)' cannot be a snapshot prefix")
        }
    }
}
