import MusterLedger

extension SegmentChain {
    /// Chains `entries` after `head` with ``MusterLedger/ChainVerifier``'s rules, and adds each
    /// one's leaf hash to `appender` and to `leafHashes`. Works on the caller's copies, so a
    /// failure part-way leaves the chain itself untouched.
    ///
    /// The rules are ChainVerifier's, inlined: a segment carries no stored hash to compare
    /// against, and ChainVerifier would need one, which would mean hashing every entry twice.
    static func append(
        _ entries: [[UInt8]], from firstSequence: UInt64, to head: inout ChainHead, _ appender: inout MerkleAppender,
        leafHashes: inout [EntryHash]
    ) throws(VaultError) {
        for (offset, bytes) in entries.enumerated() {
            let sequence = firstSequence + UInt64(offset)
            // The same rules as decoding the whole entry, without building it (a string and an
            // array for each of hundreds of thousands of entries).
            let links: (sequence: UInt64, previousHash: ArraySlice<UInt8>)
            do {
                links = try LedgerEntry.links(of: bytes)
            } catch {
                throw VaultError(.malformed, "entry does not parse: \(error.message)", sequence: sequence)
            }
            guard links.sequence == sequence else {
                throw VaultError(.brokenChain, "entry bytes say sequence \(links.sequence)", sequence: sequence)
            }
            guard EntryHash(bytes: links.previousHash) == head.hash else {
                throw VaultError(
                    .brokenChain, "previous-hash link does not match entry \(sequence - 1)", sequence: sequence)
            }
            // One hash serves both the chain link and the Merkle leaf.
            let hash = MerkleHash.leaf(bytes)
            head = ChainHead(size: sequence, hash: hash)
            appender.append(leafHash: hash) { _ in }
            leafHashes.append(hash)
        }
    }

    /// Verifies a signed checkpoint note with ``verifier`` and requires it to name ``origin``.
    func verifiedCheckpoint(_ text: String) throws(VaultError) -> SignedCheckpoint {
        do {
            return try SignedCheckpoint.verify(text, with: verifier, origin: origin)
        } catch {
            guard error.code != .wrongOrigin else {
                throw VaultError(.wrongOrigin, "the checkpoint is from another log")
            }
            // NoteError messages are safe to show: they name keys, never note text.
            throw VaultError(.badCheckpoint, "checkpoint refused (\(error.code.rawValue)): \(error.message)")
        }
    }
}
