public import Foundation
import MusterLedger

/// The table of contents of a register snapshot: a copy of a SQLite register's database file
/// as of a ledger size, cut into sealed parts stored in a vault one by one.
///
/// The parts are stored first and the manifest last, so a snapshot whose upload stopped half
/// way has no manifest and is never used. The manifest names each part and the SHA-256 of its
/// sealed bytes, so a part that is swapped, replaced or cut is refused before it is opened.
/// Plain bytes here; the register seals the manifest and every part under a key derived from
/// the master key before they leave the machine.
///
/// A register snapshot holds the key store too, so it is pruned with the same retention as
/// key-store snapshots: once the retention has passed, an erasure has reached every backup.
public struct RegisterSnapshotManifest: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        /// The vault name the part was stored under.
        public var name: String
        /// SHA-256 of the part's sealed bytes, as stored.
        public var digest: [UInt8]

        public init(name: String, digest: [UInt8]) {
            self.name = name
            self.digest = digest
        }
    }

    /// The log the register belongs to (its checkpoints' origin): a restore checks it against
    /// the segments' before using the snapshot.
    public var origin: String
    /// The number of ledger entries in the copied database.
    public var ledgerSize: UInt64
    /// The size of the database file, the sum of the opened parts.
    public var fileBytes: UInt64
    public var parts: [Part]

    public init(origin: String, ledgerSize: UInt64, fileBytes: UInt64, parts: [Part]) {
        self.origin = origin
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
    static let version: UInt8 = 1
    static let digestBytes = 32
    /// Vault names are short; a register snapshot of a few terabytes has a few thousand parts.
    static let maximumNameBytes = 255
    static let maximumParts = 1 << 20

    /// `MREG`, version, origin, ledger size, file size, part count, then (name, digest) per
    /// part; integers big-endian, the origin and names with a 16-bit length prefix.
    public func encode() -> [UInt8] {
        precondition(origin.utf8.count <= Self.maximumNameBytes * 4)
        var out = Self.magic + [Self.version]
        out.appendBigEndian(UInt16(origin.utf8.count))
        out += Array(origin.utf8)
        out.appendBigEndian(ledgerSize)
        out.appendBigEndian(fileBytes)
        out.appendBigEndian(UInt32(parts.count))
        for part in parts {
            precondition(part.name.utf8.count <= Self.maximumNameBytes && part.digest.count == Self.digestBytes)
            out.appendBigEndian(UInt16(part.name.utf8.count))
            out += Array(part.name.utf8)
            out += part.digest
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
            let origin = reader.bytes(Int(originLength)), let ledgerSize = reader.u64(), let fileBytes = reader.u64(), let count = reader.u32(),
            count <= Self.maximumParts, Int(count) <= reader.remaining / (2 + Self.digestBytes)
        else {
            throw VaultError(.malformed, "the register snapshot manifest header is cut short or impossible")
        }
        var parts: [Part] = []
        for _ in 0..<count {
            guard let length = reader.u16(), length <= Self.maximumNameBytes, let name = reader.bytes(Int(length)),
                let digest = reader.bytes(Self.digestBytes)
            else {
                throw VaultError(.malformed, "a register snapshot part is cut short")
            }
            parts.append(Part(name: String(decoding: name, as: UTF8.self), digest: Array(digest)))
        }
        guard reader.isAtEnd else { throw VaultError(.malformed, "bytes after the end of the manifest") }
        self.init(origin: String(decoding: origin, as: UTF8.self), ledgerSize: ledgerSize, fileBytes: fileBytes, parts: parts)
    }
}
