public import MusterLedger
import MusterStore

extension Register {
    /// The key anyone can verify this register's checkpoints with, in the C2SP signed-note form
    /// `<origin>+<key id>+<base64(0x01 || Ed25519 public key)>`. Derived from the keys directory.
    public func verifierKey() throws -> String {
        guard let keyring else {
            throw RegisterError(.keys, "no keys directory at \(configuration.keysDirectory)")
        }
        return try Checkpointer(keyring: keyring, origin: origin).verifierKey
    }

    /// The number of entries committed to the ledger (the newest may wait up to the
    /// checkpoint interval for a checkpoint that covers them).
    public func ledgerSize() async throws -> UInt64 {
        try await store.lookup { try $0.ledgerHead().size }
    }

    /// The newest signed checkpoint, or the one for tree size `size`, exactly as signed.
    public func checkpoint(size: UInt64? = nil) async throws -> String {
        try await store.read { tx in
            if let size {
                guard let text = try tx.checkpoint(size: size) else {
                    throw RegisterError(.notFound, "no checkpoint was signed at size \(size)")
                }
                return text
            }
            guard let latest = try tx.latestCheckpoint() else {
                throw RegisterError(.notFound, "the ledger is empty: no checkpoint yet")
            }
            return latest.text
        }
    }

    /// An inclusion proof of entry `entry` in the tree of size `size` (default: the newest
    /// checkpoint's size; a checkpoint must exist at that size so the proof can be checked).
    public func inclusionProof(entry: UInt64, size: UInt64? = nil) async throws -> ProofFile {
        let origin = origin
        return try await store.read { tx in
            let size = try size ?? Register.latestSize(tx)
            guard try tx.checkpoint(size: size) != nil else {
                throw RegisterError(.notFound, "no checkpoint was signed at size \(size)")
            }
            guard entry >= 1, entry <= size else {
                throw RegisterError(.invalid, "entry \(entry) is not in a tree of size \(size)")
            }
            guard let bytes = try tx.entry(sequence: entry) else {
                throw RegisterError(.corrupt, "entry \(entry) is missing from the ledger")
            }
            let path = try MerkleProofs.inclusionProof(index: entry - 1, size: size, reader: tx)
            return .inclusion(origin: origin, entry: entry, size: size, entryBytes: bytes, proof: path)
        }
    }

    /// A consistency proof between two checkpointed tree sizes.
    public func consistencyProof(from: UInt64, to: UInt64) async throws -> ProofFile {
        let origin = origin
        return try await store.read { tx in
            for size in [from, to] where try tx.checkpoint(size: size) == nil {
                throw RegisterError(.notFound, "no checkpoint was signed at size \(size)")
            }
            guard from <= to else { throw RegisterError(.invalid, "--from must not be larger than --to") }
            let path = try MerkleProofs.consistencyProof(from: from, to: to, reader: tx)
            return .consistency(origin: origin, from: from, to: to, proof: path)
        }
    }

    static func latestSize(_ tx: any StoreReading) throws -> UInt64 {
        guard let latest = try tx.latestCheckpoint() else {
            throw RegisterError(.notFound, "the ledger is empty: no checkpoint yet")
        }
        return latest.size
    }
}
