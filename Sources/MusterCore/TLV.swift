/// A tiny, deterministic tag-length-value encoding: `tag (1 byte) | length (LEB128) | bytes`.
///
/// Used for record payloads inside ledger entries and ciphertexts. Hand-written rather than
/// JSON or property lists because entries are hashed (the bytes must be canonical) and the
/// import path encodes hundreds of thousands of records (it must be cheap).
public struct TLVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func append(_ tag: UInt8, _ value: some Collection<UInt8>) {
        bytes.append(tag)
        var length = value.count
        repeat {
            let low = UInt8(length & 0x7F)
            length >>= 7
            bytes.append(length == 0 ? low : low | 0x80)
        } while length > 0
        bytes.append(contentsOf: value)
    }

    public mutating func append(_ tag: UInt8, text: String) {
        append(tag, text.utf8)
    }
}

/// Reads what ``TLVWriter`` wrote, refusing truncated or overlong input.
public struct TLVReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next tag and value, `nil` at the end.
    public mutating func next() throws(TLVError) -> (tag: UInt8, value: ArraySlice<UInt8>)? {
        guard offset < bytes.count else { return nil }
        let (tag, range) = try bytes.withUnsafeBufferPointer { buffer throws(TLVError) in try TLVBufferReader.read(buffer, at: &offset) }
        return (tag, bytes[range])
    }
}

/// ``TLVReader`` over bytes held elsewhere, lending each value in place (no array per value),
/// for decoders that run once per ledger entry. The same checks, by the same code.
public struct TLVBufferReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    /// Reads `bytes`, which must stay valid while the reader is used.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next tag and value (a part of the bytes given to `init`), `nil` at the end.
    public mutating func next() throws(TLVError) -> (tag: UInt8, value: UnsafeBufferPointer<UInt8>)? {
        guard offset < bytes.count else { return nil }
        let (tag, range) = try Self.read(bytes, at: &offset)
        return (tag, UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The tag at `offset` (which is before the end) and where its value lies; moves `offset`
    /// past the value.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) throws(TLVError) -> (tag: UInt8, value: Range<Int>) {
        let tag = bytes[offset]
        offset += 1
        var length = 0
        var shift = 0
        while true {
            guard offset < bytes.count, shift < 35 else { throw TLVError() }
            let byte = bytes[offset]
            offset += 1
            length |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                // A final zero group after the first is an overlong (non-canonical) length.
                guard byte != 0 || shift == 0 else { throw TLVError() }
                break
            }
            shift += 7
        }
        guard length <= bytes.count - offset else { throw TLVError() }
        defer { offset += length }
        return (tag, offset..<(offset + length))
    }
}

/// Malformed TLV bytes.
public struct TLVError: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "malformed record encoding" }
}
