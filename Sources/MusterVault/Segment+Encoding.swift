import Crypto

/// The segment file format, version 1. All integers are big-endian.
///
/// ```
/// magic           4 bytes  "MSEG"
/// version         u8       1
/// flags           u8       bit 0: the body is raw deflate (RFC 1951); other bits are 0
/// origin          u16 length, then UTF-8
/// firstSequence   u64
/// count           u32      number of entries, at least 1
/// bodyLength      u32      bytes of the body as stored
/// inflatedLength  u32      bytes of the body once inflated (equals bodyLength when stored raw)
/// body            bodyLength bytes: count × (u32 length, entry bytes), deflated when flagged
/// checkpoint      u32 length, then the UTF-8 signed note
/// sha256          32 bytes: SHA-256 of every byte before it
/// ```
///
/// The trailing hash lets a reader tell a damaged file (truncated, bit rot) from a hostile
/// one before parsing anything; it is not a signature — the checkpoint is. Lengths sit before
/// what they measure and are checked against ``Segment/Limits`` and the bytes present before
/// anything is allocated.
extension Segment {
    /// The four bytes every segment file starts with.
    public static let magic: [UInt8] = Array("MSEG".utf8)
    /// The format version this build writes and reads.
    public static let formatVersion: UInt8 = 1
    /// The byte offset of the flags byte, for tools that want to know how a file is stored.
    public static let flagsOffset = 5
    /// Flag bit 0: the body is deflated.
    static let compressedFlag: UInt8 = 0x01

    /// Whether the entry body is deflated in the file.
    public enum Compression: Sendable, Equatable {
        /// Store the body as it is.
        case never
        /// Deflate the body and keep that only if it is at most half the size (the default).
        /// A restore reads every segment, and inflating runs at about 270 MB/s on one core,
        /// slower than everything else a restore does with the same bytes: a body that deflate
        /// does not halve costs more restore time than it saves vault space. Disclosure entries
        /// (ids and repeated texts) halve easily; people's entries, largely ciphertext (measured:
        /// 61% of their size on 430,000 people), are stored raw.
        case whenItPays
        /// Always store the deflated body, even when larger (for tests and comparisons).
        case always
    }

    /// The file bytes of this segment (format above), deflating the body per `compression`.
    public func encode(compression: Compression = .whenItPays) -> [UInt8] {
        let raw = body
        var stored = raw
        var flags: UInt8 = 0
        if compression != .never, let deflated = Deflate.compress(raw),
            compression == .always || deflated.count * 2 <= raw.count
        {
            stored = deflated
            flags |= Self.compressedFlag
        }
        let originBytes = Array(origin.utf8)
        let checkpointBytes = Array(checkpoint.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36 + originBytes.count + stored.count + checkpointBytes.count + 32)
        out.append(contentsOf: Self.magic)
        out.append(Self.formatVersion)
        out.append(flags)
        out.appendBigEndian(UInt16(originBytes.count))
        out.append(contentsOf: originBytes)
        out.appendBigEndian(firstSequence)
        out.appendBigEndian(UInt32(entries.count))
        // The limits keep both lengths far below 4 GiB (deflate grows a body by a few bytes
        // per 16 KiB block at worst).
        out.appendBigEndian(UInt32(stored.count))
        out.appendBigEndian(UInt32(raw.count))
        out.append(contentsOf: stored)
        out.appendBigEndian(UInt32(checkpointBytes.count))
        out.append(contentsOf: checkpointBytes)
        out.append(contentsOf: SHA256.hash(data: out))
        return out
    }

    /// The entries, each after its u32 length.
    private var body: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + 4 + $1.count })
        for entry in entries {
            out.appendBigEndian(UInt32(entry.count))
            out.append(contentsOf: entry)
        }
        return out
    }
}
