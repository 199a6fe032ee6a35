import Crypto

#if canImport(CSHA256)
import CSHA256
#endif

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
        prefixed(0x00, bytes)
    }

    /// The hash of an inner node: SHA-256(0x01 || `left` || `right`).
    public static func node(_ left: EntryHash, _ right: EntryHash) -> EntryHash {
        EntryHash.withPair(left, right) { prefixed(0x01, $0) }
    }

    /// SHA-256(`prefix` || `bytes`). On Linux through OpenSSL with the context on the stack
    /// (see `Sources/CSHA256/shim.h`: verification hashes millions of short messages, and
    /// swift-crypto's context object per hash doubled each one's cost).
    static func prefixed(_ prefix: UInt8, _ bytes: UnsafeRawBufferPointer) -> EntryHash {
        #if canImport(CSHA256)
        EntryHash { muster_sha256_prefixed(prefix, bytes.baseAddress, bytes.count, $0.assumingMemoryBound(to: UInt8.self)) }
        #else
        var hasher = SHA256()
        var prefix = prefix
        withUnsafeBytes(of: &prefix) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
        return EntryHash(hasher.finalize())
        #endif
    }

    /// The root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1).
    public static let emptyRoot: EntryHash = EntryHash.of([])
}
