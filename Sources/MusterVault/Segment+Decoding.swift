import Crypto
import MusterLedger

extension Segment {
    /// The smallest possible file: header, one empty entry's length, empty texts, hash.
    static let minimumEncodedBytes = 4 + 1 + 1 + 2 + 8 + 4 + 4 + 4 + 4 + 32

    /// Reads a segment file strictly (format in ``encode(compression:)``).
    ///
    /// The trailing SHA-256 is checked before anything is parsed, so any damaged file is
    /// `damaged`, whatever else is wrong with it. Then: `notASegment` for another magic,
    /// `unsupportedVersion` for an unknown version, `limitExceeded` for a count or length over
    /// ``Limits``, `malformed` for anything else out of shape (lengths that disagree with the
    /// bytes present, a body that does not inflate to its declared length, trailing bytes,
    /// text that is not UTF-8). Nothing is allocated beyond what the input and the limits allow.
    ///
    /// - Parameter name: the file name the bytes were stored under. When given, it must be a
    ///   valid ``SegmentName`` (`invalidName`) for the range the content holds (`nameMismatch`).
    public init(encoded bytes: [UInt8], name: String? = nil) throws(VaultError) {
        do throws(VaultError) {
            let expected = try name.map { (name) throws(VaultError) in try SegmentName(parsing: name) }
            try Self.checkDigest(bytes)
            self = try Self.parse(bytes)
            if let expected, expected != self.name {
                throw VaultError(
                    .nameMismatch, "the file holds entries \(firstSequence)–\(lastSequence)",
                    name: expected.fileName)
            }
        } catch {
            throw name.map { error.naming($0) } ?? error
        }
    }

    private static func checkDigest(_ bytes: [UInt8]) throws(VaultError) {
        guard bytes.count >= minimumEncodedBytes else {
            throw VaultError(.damaged, "\(bytes.count) bytes is too short for a segment")
        }
        let end = bytes.count - 32
        guard SHA256.hash(data: bytes[..<end]).elementsEqual(bytes[end...]) else {
            throw VaultError(.damaged, "the segment does not match its SHA-256")
        }
    }

    private static func parse(_ bytes: [UInt8]) throws(VaultError) -> Segment {
        var reader = BinaryReader(bytes, end: bytes.count - 32)
        guard reader.bytes(magic.count)?.elementsEqual(magic) == true else {
            throw VaultError(.notASegment, "the file does not start with the segment magic")
        }
        guard let version = reader.u8(), version == formatVersion else {
            throw VaultError(.unsupportedVersion, "unknown segment format version")
        }
        guard let flags = reader.u8(), flags & ~compressedFlag == 0 else {
            throw VaultError(.malformed, "unknown flag bits")
        }
        let originLength = reader.u16().map(Int.init)
        let origin = try text(&reader, length: originLength, limit: Limits.maximumOriginBytes, "origin")
        guard let firstSequence = reader.u64(), let count32 = reader.u32(), let stored32 = reader.u32(),
            let inflated32 = reader.u32()
        else { throw VaultError(.malformed, "the header is truncated") }
        let (count, stored, inflated) = (Int(count32), Int(stored32), Int(inflated32))
        do throws(VaultError) {
            let body = try storedBody(&reader, flags: flags, count: count, stored: stored, inflated: inflated)
            let checkpointLength = reader.u32().map(Int.init)
            let checkpoint = try text(
                &reader, length: checkpointLength, limit: Limits.maximumCheckpointBytes, "checkpoint")
            guard reader.isAtEnd else { throw VaultError(.malformed, "bytes follow the checkpoint") }
            let entries = try splitEntries(body, count: count, firstSequence: firstSequence)
            return try Segment(origin: origin, firstSequence: firstSequence, entries: entries, checkpoint: checkpoint)
        } catch {
            // From here on the header says which entries the file holds: name them.
            guard let name = SegmentName(first: firstSequence, count: count) else { throw error }
            throw error.naming(name.fileName)
        }
    }

    /// The body, inflated if need be, after checking its declared sizes.
    private static func storedBody(
        _ reader: inout BinaryReader, flags: UInt8, count: Int, stored: Int, inflated: Int
    ) throws(VaultError) -> ArraySlice<UInt8> {
        guard count >= 1 else { throw VaultError(.malformed, "a segment holds at least one entry") }
        guard count <= Limits.maximumEntryCount else {
            throw VaultError(.limitExceeded, "more than \(Limits.maximumEntryCount) entries")
        }
        guard inflated <= Limits.maximumBodyBytes else {
            throw VaultError(.limitExceeded, "the body is over \(Limits.maximumBodyBytes) bytes")
        }
        // Each entry needs at least its 4-byte length.
        guard count <= inflated / 4 else { throw VaultError(.malformed, "the body is too short for its count") }
        guard let raw = reader.bytes(stored) else { throw VaultError(.malformed, "the body is truncated") }
        guard flags & compressedFlag != 0 else {
            guard inflated == stored else { throw VaultError(.malformed, "a raw body declares two lengths") }
            return raw  // in place: the entries are copied out of it once, below
        }
        // Bound the allocation by what the compressed bytes could honestly inflate to.
        guard inflated <= stored * Deflate.maximumRatio + 64 else {
            throw VaultError(.malformed, "the declared body size is impossible for its compressed size")
        }
        guard let body = Deflate.inflate(raw, count: inflated) else {
            throw VaultError(.malformed, "the body does not inflate to its declared size")
        }
        return body[...]
    }

    private static func splitEntries(
        _ body: ArraySlice<UInt8>, count: Int, firstSequence: UInt64
    ) throws(VaultError) -> [[UInt8]] {
        var reader = BinaryReader(body)
        var entries: [[UInt8]] = []
        entries.reserveCapacity(count)  // at most body.count / 4, checked above
        for index in 0..<count {
            let sequence = firstSequence &+ UInt64(index)
            guard let length = reader.u32().map(Int.init) else {
                throw VaultError(.malformed, "the body ends before entry \(index + 1) of \(count)")
            }
            guard length <= Limits.maximumEntryBytes else {
                throw VaultError(.limitExceeded, "entry is over \(Limits.maximumEntryBytes) bytes", sequence: sequence)
            }
            guard let entry = reader.bytes(length) else {
                throw VaultError(.malformed, "entry is truncated", sequence: sequence)
            }
            entries.append(Array(entry))
        }
        guard reader.isAtEnd else { throw VaultError(.malformed, "bytes follow the last entry") }
        return entries
    }

    private static func text(
        _ reader: inout BinaryReader, length: Int?, limit: Int, _ what: String
    ) throws(VaultError) -> String {
        guard let length else { throw VaultError(.malformed, "the \(what) length is truncated") }
        guard length <= limit else { throw VaultError(.limitExceeded, "the \(what) is over \(limit) bytes") }
        guard let raw = reader.bytes(length) else { throw VaultError(.malformed, "the \(what) is truncated") }
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw VaultError(.malformed, "the \(what) is not UTF-8")
        }
        return text
    }
}
