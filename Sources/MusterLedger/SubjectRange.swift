/// A contiguous slice of the subject-id space, in the byte order stores sort ids by: from
/// ``lower`` (inclusive) up to ``upper`` (exclusive), either end open when `nil`.
///
/// Ranges let full scans (the replay and the row check of `ledger verify`) be split over
/// threads. The ends are short prefixes compared as byte strings, shorter first on a tie, as
/// SQLite and PostgreSQL compare blobs: so a stored value of any length, even a malformed id,
/// falls in exactly one range of a ``partition(into:)``.
public struct SubjectRange: Sendable, Hashable, CustomStringConvertible {
    /// The smallest bytes in the range; `nil`: no lower end (this is the first range).
    public let lower: [UInt8]?
    /// The first bytes past the range; `nil`: no upper end (this is the last range).
    public let upper: [UInt8]?

    public init(lower: [UInt8]?, upper: [UInt8]?) {
        self.lower = lower
        self.upper = upper
    }

    /// Every id.
    public static let all = SubjectRange(lower: nil, upper: nil)

    /// `count` ranges (at least one, at most 65,536) that follow one another in id order and
    /// together cover every id once, cut at evenly spaced two-byte prefixes. Ids are random, so
    /// the ranges hold about as many people each.
    public static func partition(into count: Int) -> [SubjectRange] {
        let count = min(max(count, 1), 1 << 16)
        // Cut i starts range i; there is no cut before the first range or after the last.
        let cuts: [[UInt8]?] = [nil] + (1..<count).map { index in
            let prefix = UInt16(index * (1 << 16) / count)
            return [UInt8(prefix >> 8), UInt8(prefix & 0xFF)]
        } + [nil]
        return (0..<count).map { SubjectRange(lower: cuts[$0], upper: cuts[$0 + 1]) }
    }

    /// Whether `bytes` (an id as stored, of any length) is in the range, by the stores' order.
    public func contains(_ bytes: some Collection<UInt8>) -> Bool {
        if let lower, bytes.lexicographicallyPrecedes(lower) { return false }
        if let upper, !bytes.lexicographicallyPrecedes(upper) { return false }
        return true
    }

    public var description: String {
        "[\(lower.map { Hex.encode($0) } ?? "start") – \(upper.map { Hex.encode($0) } ?? "end"))"
    }
}
