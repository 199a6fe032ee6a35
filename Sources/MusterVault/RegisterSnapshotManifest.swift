public import Foundation
import MusterLedger

/// The table of contents of a register snapshot: a copy of a SQLite register's database file
/// as of a ledger size, cut into sealed parts stored in a vault one by one.
///
/// The parts are stored first and the manifest last, so a snapshot whose upload stopped half
/// way has no manifest and is never used. The manifest names each part in order and carries a
/// random id; each part is sealed with that id, its index and the ledger size as associated
/// data, so a part that is swapped with another (of this snapshot or any other), replaced or
/// cut fails to open. (The sealing's tag is the check: a SHA-256 of each part as well cost a
/// tenth of a restore's CPU time and checked nothing more.) Plain bytes here; the register seals the
/// manifest and every part under a key derived from the master key before they leave the
/// machine.
///
/// A register snapshot holds the key store too, so it is pruned with the same retention as
/// key-store snapshots: once the retention has passed, an erasure has reached every backup.
public struct RegisterSnapshotManifest: Sendable, Equatable {
    /// The log the register belongs to (its checkpoints' origin): a restore checks it against
    /// the segments' before using the snapshot.
    public var origin: String
    /// Random, drawn for each snapshot: bound into every part's sealing.
    public var id: [UInt8]
    /// The number of ledger entries in the copied database.
    public var ledgerSize: UInt64
    /// The size of the database file, the sum of the opened parts.
    public var fileBytes: UInt64
    /// The vault names the parts were stored under, in order.
    public var parts: [String]

    public init(origin: String, id: [UInt8], ledgerSize: UInt64, fileBytes: UInt64, parts: [String]) {
        precondition(id.count == Self.idBytes, "a register snapshot id is \(Self.idBytes) bytes")
        self.origin = origin
        self.id = id
        self.ledgerSize = ledgerSize
        self.fileBytes = fileBytes
        self.parts = parts
    }

    /// Manifests are stored as snapshots named `register-<vault time>-<tag>`, their parts as
    /// `pages-<vault time>-<tag>`: neither prefix is the start of the other, or of a segment's.
    public static let namePrefix = "register-"
    public static let partPrefix = "pages-"
    /// Parts are written before their manifest, over however long the upload takes: a vault
    /// that prunes by age alone keeps parts this much longer than manifests, so a manifest it
    /// keeps never loses a part.
    public static let partGrace: TimeInterval = 24 * 3600

    static let magic: [UInt8] = Array("MREG".utf8)
    static let version: UInt8 = 2
    public static let idBytes = 16
    /// Vault names are short; a register snapshot of a few terabytes has a few thousand parts.
    static let maximumNameBytes = 255
    static let maximumParts = 1 << 20

    /// `MREG`, version, origin, id, ledger size, file size, part count, then each part's name;
    /// integers big-endian, the origin and names with a 16-bit length prefix.
    public func encode() -> [UInt8] {
        precondition(origin.utf8.count <= Self.maximumNameBytes * 4)
        var out = Self.magic + [Self.version]
        out.appendBigEndian(UInt16(origin.utf8.count))
        out += Array(origin.utf8)
        out += id
        out.appendBigEndian(ledgerSize)
        out.appendBigEndian(fileBytes)
        out.appendBigEndian(UInt32(parts.count))
        for part in parts {
            precondition(part.utf8.count <= Self.maximumNameBytes)
            out.appendBigEndian(UInt16(part.utf8.count))
            out += Array(part.utf8)
        }
        return out
    }

    public init(encoded bytes: [UInt8]) throws(VaultError) {
        var reader = BinaryReader(bytes)
        guard reader.bytes(4).map(Array.init) == Self.magic else {
            throw VaultError(.malformed, "not a register snapshot manifest")
        }
        guard reader.u8() == Self.version else {
            throw VaultError(.unsupportedVersion, "unknown register snapshot manifest version")
        }
        guard let originLength = reader.u16(), originLength <= Self.maximumNameBytes * 4,
            let origin = reader.bytes(Int(originLength)), let id = reader.bytes(Self.idBytes), let ledgerSize = reader.u64(),
            let fileBytes = reader.u64(), let count = reader.u32(), count <= Self.maximumParts, Int(count) <= reader.remaining / 2
        else {
            throw VaultError(.malformed, "the register snapshot manifest header is cut short or impossible")
        }
        var parts: [String] = []
        for _ in 0..<count {
            guard let length = reader.u16(), length <= Self.maximumNameBytes, let name = reader.bytes(Int(length)) else {
                throw VaultError(.malformed, "a register snapshot part is cut short")
            }
            parts.append(String(decoding: name, as: UTF8.self))
        }
        guard reader.isAtEnd else { throw VaultError(.malformed, "bytes after the end of the manifest") }
        self.init(
            origin: String(decoding: origin, as: UTF8.self), id: Array(id), ledgerSize: ledgerSize, fileBytes: fileBytes, parts: parts)
    }
}
