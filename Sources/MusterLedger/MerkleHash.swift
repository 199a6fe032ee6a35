import Crypto

/// The RFC 6962 / RFC 9162 hashes of the ledger's Merkle tree (SHA-256).
///
/// The one-byte prefixes separate the two domains: a leaf hash can never be read as a node hash,
/// so no one can pass off an inner node as an entry (the second-preimage attack RFC 6962 §2.1
/// guards against).
public enum MerkleHash {
    /// The hash of a leaf: SHA-256(0x00 || `bytes`), where `bytes` are an entry's canonical bytes.
    public static func leaf(_ bytes: [UInt8]) -> EntryHash {
        bytes.withUnsafeBytes { leaf($0) }
    }

    /// ``leaf(_:)`` of bytes in place (a row the store is still holding), without copying them.
    public static func leaf(_ bytes: UnsafeRawBufferPointer) -> EntryHash {
        var hasher = SHA256()
        var prefix: UInt8 = 0x00
        withUnsafeBytes(of: &prefix) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
        return EntryHash(hasher.finalize())
    }

    /// The hash of an inner node: SHA-256(0x01 || `left` || `right`).
    public static func node(_ left: EntryHash, _ right: EntryHash) -> EntryHash {
        // One contiguous 65-byte message on the stack, so SHA-256 sees a single update.
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { message in
            message[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: message[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: message[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(message))
            return EntryHash(hasher.finalize())
        }
    }

    /// The root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1).
    public static let emptyRoot: EntryHash = EntryHash.of([])
}
