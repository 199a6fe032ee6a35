import Foundation
import MusterLedger
import MusterStore

/// What `ledger verify` checked.
public struct VerificationReport: Sendable, Equatable {
    public var entries: UInt64 = 0
    public var bytes = 0
    public var checkpoints = 0
    public var people = 0
    public var seconds = 0.0
}

extension Register {
    /// Checks the whole register against its ledger: entry hashes and links, the Merkle tree and
    /// every stored node, every checkpoint's signature and root, the tables against a replay, and
    /// the key store. Throws a ``VerificationFailure`` (or ``LedgerError``) naming the first
    /// problem. Needs only the public key: `verifierKey`, or the one derived from the keys.
    public func verify(verifierKey: String? = nil, progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) async throws -> VerificationReport {
        let key = try verifierKey ?? self.verifierKey()
        let verifier = try NoteVerifier(verifierKey: key)
        let started = Date()
        let total = try await store.read { try $0.ledgerHead().size }
        // The checks read separate snapshots on separate threads: hashing on one, the checkpoint
        // signatures on threads of their own, and the replay and the stored rows, range by range
        // of subject id, on one thread per core.
        async let ledger = store.read { tx in
            try LedgerAudit.chainAndTree(tx, verifier: verifier) { progress?($0, total) }
        }
        async let projection = verifyProjection(entries: total)
        // A broken chain is reported before anything the projection check found.
        let chain = try await ledger
        let count = try await projection
        return VerificationReport(
            entries: chain.entries, bytes: chain.bytes, checkpoints: chain.checkpoints, people: count,
            seconds: Date().timeIntervalSince(started))
    }

    /// Checks the tables and the key store against a replay of the ledger (of `entries`
    /// entries), naming the first difference; returns how many people the ledger gives.
    func verifyProjection(entries: UInt64) async throws -> Int {
        let ranges = SubjectRange.partition(into: LedgerAudit.rangeCount(entries: entries))
        return try await namingAnyDifference(
            LedgerAudit.checkProjection(store, ranges: ranges, threads: ProcessInfo.processInfo.activeProcessorCount))
    }

    /// ``verifyProjection(entries:)`` for a ledger whose entries are all in memory, `entries`.
    func verifyProjection(heldEntries entries: ArraySlice<[UInt8]>) async throws -> Int {
        try await namingAnyDifference(
            LedgerAudit.checkProjection(store, heldEntries: entries, threads: ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The people count of a fast check that matched; after one that did not, the slow path
    /// looks person by person and throws naming the first difference.
    private func namingAnyDifference(_ check: (people: Int, matches: Bool)) async throws -> Int {
        if check.matches { return check.people }
        return try await store.read { tx in try LedgerAudit.projectionPersonByPerson(tx) }
    }

    /// What ``verify(verifierKey:progress:)`` checks, for a restored register whose entries
    /// are already known to be the vault's verified ones (compared byte for byte, with their
    /// stored hashes, on the way in): no entry is hashed again; the stored Merkle nodes are
    /// checked against the tree of `leafHashes` (computed when the segments were verified), and
    /// the tables and key store against a replay of the ledger, `entries` (the same entries,
    /// held in memory: see ``LedgerAudit/checkProjection(_:heldEntries:threads:)``).
    func verifyRestored(_ entries: ArraySlice<[UInt8]>, leafHashes: ArraySlice<EntryHash>) async throws {
        let count = UInt64(leafHashes.count)
        async let nodes: Void = store.read { tx in
            guard try tx.ledgerHead().size == count else {
                throw VerificationFailure(sequence: nil, "the restored ledger does not hold the \(count) entries restored")
            }
            try LedgerAudit.merkleNodes(tx, leafHashes: leafHashes)
        }
        async let projection = verifyProjection(heldEntries: entries)
        try await nodes
        _ = try await projection
    }

    /// Drops the projection (tables and blind indexes) and rebuilds it from the ledger and the
    /// key store. Returns how many people it rebuilt.
    public func rebuild() async throws -> Int {
        let cipher = try cipher()
        return try await ledger.transact { tx in
            try tx.beginBulkWrites(expectedRows: 0)
            try tx.deleteProjection()
            var rebuilt = 0
            try Projection.replay(tx) { _, replayed, _ in
                var row = replayed
                if row.erasedAt == nil {
                    row.indexes = cipher.indexes(for: try cipher.identity(of: row, in: tx))
                }
                try tx.insert(row)
                rebuilt += 1
            }
            try tx.endBulkWrites()
            return rebuilt
        }
    }
}
