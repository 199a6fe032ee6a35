import MusterLedger

/// A backup of the key store (per-person wrapped data keys) as of a ledger size: either all of
/// it (`full`) or what changed since the previous snapshot (`delta`: keys added, ids removed
/// by erasure). Plain bytes here; the register seals them under a key derived from the master
/// key before they leave the machine.
///
/// Key-store snapshots are the only thing in a vault that is ever pruned: once the retention
/// has passed, a person's erasure has reached every backup.
public struct KeyStoreSnapshot: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case full = 1
        case delta = 2
    }

    public var kind: Kind
    /// The ledger size the snapshot reflects (every create and erase up to this entry).
    public var ledgerSize: UInt64
    /// (pseudonymous id, wrapped data key) pairs.
    public var keys: [(id: [UInt8], wrapped: [UInt8])]
    /// Ids whose keys were destroyed (deltas only).
    public var removed: [[UInt8]]

    public init(kind: Kind, ledgerSize: UInt64, keys: [(id: [UInt8], wrapped: [UInt8])], removed: [[UInt8]] = []) {
        self.kind = kind
        self.ledgerSize = ledgerSize
        self.keys = keys
        self.removed = removed
    }

    public static func == (lhs: KeyStoreSnapshot, rhs: KeyStoreSnapshot) -> Bool {
        lhs.kind == rhs.kind && lhs.ledgerSize == rhs.ledgerSize && lhs.removed == rhs.removed
            && lhs.keys.map(\.id) == rhs.keys.map(\.id) && lhs.keys.map(\.wrapped) == rhs.keys.map(\.wrapped)
    }

    static let magic: [UInt8] = Array("MKEY".utf8)
    static let version: UInt8 = 1
    /// Ids and wrapped keys are small; anything longer is damage, not data.
    static let maximumFieldBytes = 1024

    /// `MKEY`, version, kind, ledger size, key count, (id, wrapped) pairs, removed count, ids;
    /// integers big-endian, fields with 16-bit length prefixes.
    public func encode() -> [UInt8] {
        var out = Self.magic + [Self.version, kind.rawValue]
        out.appendBigEndian(ledgerSize)
        out.appendBigEndian(UInt64(keys.count))
        for (id, wrapped) in keys {
            Self.appendField(id, to: &out)
            Self.appendField(wrapped, to: &out)
        }
        out.appendBigEndian(UInt64(removed.count))
        for id in removed { Self.appendField(id, to: &out) }
        return out
    }

    public init(encoded bytes: [UInt8]) throws(VaultError) {
        var reader = BinaryReader(bytes)
        guard reader.bytes(4).map(Array.init) == Self.magic else { throw VaultError(.malformed, "not a key-store snapshot") }
        guard reader.u8() == Self.version else { throw VaultError(.unsupportedVersion, "unknown key-store snapshot version") }
        guard let kind = reader.u8().flatMap(Kind.init(rawValue:)), let size = reader.u64(), let count = reader.u64() else {
            throw VaultError(.malformed, "the key-store snapshot header is cut short")
        }
        // Each pair takes at least 4 bytes: refuse counts the bytes cannot hold before allocating.
        guard count <= UInt64(reader.remaining / 4) else { throw VaultError(.malformed, "key count exceeds the snapshot") }
        var keys: [(id: [UInt8], wrapped: [UInt8])] = []
        keys.reserveCapacity(Int(count))
        for _ in 0..<count { keys.append((try Self.field(&reader), try Self.field(&reader))) }
        guard let removedCount = reader.u64(), removedCount <= UInt64(reader.remaining / 2) else {
            throw VaultError(.malformed, "removed count exceeds the snapshot")
        }
        var removed: [[UInt8]] = []
        for _ in 0..<removedCount { removed.append(try Self.field(&reader)) }
        guard reader.isAtEnd else { throw VaultError(.malformed, "bytes after the end of the snapshot") }
        self.init(kind: kind, ledgerSize: size, keys: keys, removed: removed)
    }

    private static func appendField(_ field: [UInt8], to out: inout [UInt8]) {
        precondition(field.count <= maximumFieldBytes, "a key-store field is at most \(maximumFieldBytes) bytes")
        out.appendBigEndian(UInt16(field.count))
        out += field
    }

    private static func field(_ reader: inout BinaryReader) throws(VaultError) -> [UInt8] {
        guard let length = reader.u16(), length <= maximumFieldBytes, let field = reader.bytes(Int(length)) else {
            throw VaultError(.malformed, "a key-store field is cut short or too long")
        }
        return Array(field)
    }
}
