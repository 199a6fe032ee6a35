/// A forward-only reader over bytes from outside (a vault file, a state file).
///
/// Every read checks the remaining length first and returns `nil` when it is short, so a
/// hostile length can never index past the end or ask for an allocation the input cannot back.
struct BinaryReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    /// Reads `bytes[0..<end]` (all of them when `end` is nil).
    init(_ bytes: [UInt8], end: Int? = nil) {
        self.bytes = bytes
        self.offset = 0
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// The bytes not read yet.
    var remaining: Int { end - offset }
    var isAtEnd: Bool { offset == end }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func u8() -> UInt8? { bytes(1)?.first }
    mutating func u16() -> UInt16? { integer() }
    mutating func u32() -> UInt32? { integer() }
    mutating func u64() -> UInt64? { integer() }

    private mutating func integer<T: FixedWidthInteger>() -> T? {
        guard let raw = bytes(MemoryLayout<T>.size) else { return nil }
        return raw.reduce(T(0)) { $0 << 8 | T($1) }
    }
}

extension [UInt8] {
    /// Appends `value` in big-endian byte order, as every integer in the vault formats is.
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        Swift.withUnsafeBytes(of: &big) { append(contentsOf: $0) }
    }
}
