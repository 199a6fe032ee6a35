import Crypto

/// The RFC 6962 / RFC 9162 hashes of the ledger's Merkle tree (SHA-256).
///
/// The one-byte prefixes separate the two domains: a leaf hash can never be read as a node hash,
/// so no one can pass off an inner node as an entry (the second-preimage attack RFC 6962 §2.1
/// guards against).
public enum MerkleHash {
    /// The hash of a leaf: SHA-256(0x00 || `bytes`), where `bytes` are an entry's canonical bytes.
    public static func leaf(_ bytes: [UInt8]) -> EntryHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: bytes)
        return EntryHash(unchecked: Array(hasher.finalize()))
    }

    /// The hash of an inner node: SHA-256(0x01 || `left` || `right`).
    public static func node(_ left: EntryHash, _ right: EntryHash) -> EntryHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return EntryHash(unchecked: Array(hasher.finalize()))
    }

    /// The root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1).
    public static let emptyRoot: EntryHash = EntryHash.of([])
}
