/// A forward-only reader over bytes from outside (a ledger entry, a vault file, a state file).
///
/// Every read checks the remaining length first and returns `nil` when it is short, so a
/// hostile length can never index past the end or ask for an allocation the input cannot back.
public struct BinaryReader {
    private let bytes: ArraySlice<UInt8>
    /// How many bytes have been read (from the start of what the reader was given).
    public private(set) var offset: Int
    private let end: Int

    /// Reads `bytes[0..<end]` (all of them when `end` is nil).
    public init(_ bytes: [UInt8], end: Int? = nil) {
        self.init(bytes[...], end: end)
    }

    /// Reads the first `end` bytes of `bytes` (all of them when `end` is nil), in place.
    public init(_ bytes: ArraySlice<UInt8>, end: Int? = nil) {
        self.bytes = bytes
        self.offset = 0
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// The bytes not read yet.
    public var remaining: Int { end - offset }
    public var isAtEnd: Bool { offset == end }

    public mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        let start = bytes.startIndex + offset
        return bytes[start..<(start + count)]
    }

    public mutating func u8() -> UInt8? { bytes(1)?.first }
    public mutating func u16() -> UInt16? { integer() }
    public mutating func u32() -> UInt32? { integer() }
    public mutating func u64() -> UInt64? { integer() }

    private mutating func integer<T: FixedWidthInteger>() -> T? {
        guard let raw = bytes(MemoryLayout<T>.size) else { return nil }
        return raw.reduce(T(0)) { $0 << 8 | T($1) }
    }
}

extension [UInt8] {
    /// Appends `value` in big-endian byte order, as every integer in the entry and vault
    /// formats is (``BinaryReader`` reads them back).
    public mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        Swift.withUnsafeBytes(of: &big) { append(contentsOf: $0) }
    }
}

/// Unsigned decimal numbers in ASCII, as names and checkpoints write them.
public enum ASCIIDecimal {
    /// The value of `digits` (ASCII `0`–`9` only, at least one), or `nil` when a byte is not a
    /// digit or the value does not fit `UInt64` (20 digits can reach 99,999,…).
    public static func value(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for c in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }
}
