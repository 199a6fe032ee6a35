import Crypto
import MusterLedger

/// The byte form of a chain state, version 1. All integers are big-endian.
///
/// ```
/// magic        4 bytes  "MSCS"
/// version      u8       1
/// size         u64      the head's sequence
/// headHash     32 bytes
/// frontier     u8 count (= popcount(size)), then 32 bytes each
/// checkpoint   u32 length (0 when empty), then the UTF-8 signed note
/// sha256       32 bytes: SHA-256 of every byte before it
/// ```
extension SegmentChain.State {
    /// The four bytes every state file starts with.
    public static let magic: [UInt8] = Array("MSCS".utf8)
    /// The format version this build writes and reads.
    public static let formatVersion: UInt8 = 1

    /// The state's bytes, to write to a file (then read back with ``init(encoded:)``).
    public var encoded: [UInt8] {
        let note = Array((checkpoint ?? "").utf8)
        var out: [UInt8] = []
        out.reserveCapacity(4 + 1 + 8 + 32 + 1 + 32 * frontier.count + 4 + note.count + 32)
        out.append(contentsOf: Self.magic)
        out.append(Self.formatVersion)
        out.appendBigEndian(head.size)
        out.append(contentsOf: head.hash.bytes)
        out.append(UInt8(frontier.count))
        for hash in frontier { out.append(contentsOf: hash.bytes) }
        out.appendBigEndian(UInt32(note.count))
        out.append(contentsOf: note)
        out.append(contentsOf: SHA256.hash(data: out))
        return out
    }

    /// Reads a state strictly: `damaged` when the trailing SHA-256 does not match,
    /// `notASegment` / `unsupportedVersion` for another magic or version, `malformed` for
    /// anything out of shape or inconsistent (see ``init(head:frontier:checkpoint:)``).
    public init(encoded bytes: [UInt8]) throws(VaultError) {
        guard bytes.count >= 4 + 1 + 8 + 32 + 1 + 4 + 32 else {
            throw VaultError(.damaged, "\(bytes.count) bytes is too short for a chain state")
        }
        let end = bytes.count - 32
        guard SHA256.hash(data: bytes[..<end]).elementsEqual(bytes[end...]) else {
            throw VaultError(.damaged, "the chain state does not match its SHA-256")
        }
        var reader = BinaryReader(bytes, end: end)
        guard reader.bytes(Self.magic.count)?.elementsEqual(Self.magic) == true else {
            throw VaultError(.notASegment, "the file does not start with the chain state magic")
        }
        guard reader.u8() == Self.formatVersion else {
            throw VaultError(.unsupportedVersion, "unknown chain state version")
        }
        guard let size = reader.u64(), let headHash = reader.bytes(32).flatMap(EntryHash.init(bytes:)),
            let count = reader.u8(), Int(count) == size.nonzeroBitCount
        else { throw VaultError(.malformed, "the chain state header is truncated or inconsistent") }
        var frontier: [EntryHash] = []
        for _ in 0..<count {
            guard let hash = reader.bytes(32).flatMap(EntryHash.init(bytes:)) else {
                throw VaultError(.malformed, "the frontier is truncated")
            }
            frontier.append(hash)
        }
        guard let length = reader.u32().map(Int.init), length <= Segment.Limits.maximumCheckpointBytes,
            let note = reader.bytes(length), reader.isAtEnd
        else { throw VaultError(.malformed, "the checkpoint is truncated, too long or followed by bytes") }
        guard let text = String(validating: note, as: UTF8.self) else {
            throw VaultError(.malformed, "the checkpoint is not UTF-8")
        }
        try self.init(
            head: ChainHead(size: size, hash: headHash), frontier: frontier, checkpoint: length == 0 ? nil : text)
    }
}
