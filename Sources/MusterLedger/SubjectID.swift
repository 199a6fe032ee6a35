/// A person's pseudonymous id: 16 random bytes, unrelated to anything about them.
///
/// The ledger names people only by this id, so the ledger can be kept (and copied to vaults)
/// forever without revealing who anyone is.
public struct SubjectID: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// An id from 16 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        self.bytes = Array(bytes)
    }

    /// A fresh random id from the system generator.
    public static func random() -> SubjectID {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in stride(from: 0, to: 16, by: 8) {
            let value = generator.next()
            for j in 0..<8 { bytes[i + j] = UInt8(truncatingIfNeeded: value >> (8 * j)) }
        }
        return SubjectID(bytes: bytes)!
    }

    /// Lower-case hex.
    public var description: String { Hex.encode(bytes) }

    /// Equal ids hash alike, as the synthesised hashing does, but as two words: element by
    /// element, hashing and comparing were most of a dictionary lookup by id (the restore's
    /// projection check makes several per person). Every id holds 16 bytes (see the inits).
    public func hash(into hasher: inout Hasher) {
        let (high, low) = words
        hasher.combine(high)
        hasher.combine(low)
    }

    public static func == (a: SubjectID, b: SubjectID) -> Bool {
        a.words == b.words
    }

    /// The 16 bytes as two words, in memory order: for hashing, and for keys held inline.
    public var words: (UInt64, UInt64) {
        bytes.withUnsafeBytes(Self.words(in:))
    }

    /// The first 16 bytes of `raw` (which must hold 16) as two words, as ``words`` gives an
    /// id's: for ids compared or looked up where a store or an entry holds them.
    public static func words(in raw: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }
}

/// Lower-case hexadecimal text for byte strings.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
