import Foundation
import MusterLedger
import MusterStore

/// What `ledger verify` checked.
public struct VerificationReport: Sendable, Equatable {
    public var entries: UInt64 = 0
    public var bytes = 0
    public var checkpoints = 0
    public var people = 0
    /// Wall time in all, and of its two parts: the pass over the ledger (hashes, links, tree,
    /// checkpoints, replay) and the check of the tables and key store against the replay.
    public var seconds = 0.0
    public var ledgerSeconds = 0.0
    public var tablesSeconds = 0.0
}

extension Register {
    /// Checks the whole register against its ledger: entry hashes and links, the Merkle tree and
    /// every stored node, every checkpoint's signature and root, the tables against a replay, and
    /// the key store. Throws a ``VerificationFailure`` (or ``LedgerError``) naming the first
    /// problem. Needs only the public key: `verifierKey`, or the one derived from the keys.
    public func verify(verifierKey: String? = nil, progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) async throws -> VerificationReport {
        try await verify(verifierKey: verifierKey, plan: .standard(threads: ProcessInfo.processInfo.activeProcessorCount), progress: progress)
    }

    /// ``verify(verifierKey:progress:)`` with the ledger cut as `plan` says (tests cut a small
    /// ledger into many stretches, to check every seam).
    ///
    /// One pass reads the ledger, in stretches on separate threads: each entry is hashed and
    /// its links checked, the tree is built chunk by chunk, and the entries that change people
    /// are kept. The stored Merkle nodes are read beside the stretches; the checkpoint signatures
    /// are checked on threads of their own. Then the tables are read in parts, each row compared
    /// with the one its person's kept entries give (made there and dropped), and the key store
    /// with the people kept. Reading the ledger once,
    /// in storage order, is the point: the replay used to read each person's entries again
    /// through the index by subject, a B-tree descent each, most of verification's time.
    func verify(verifierKey: String?, plan: LedgerScanPlan, progress: (@Sendable (UInt64, UInt64) -> Void)?) async throws -> VerificationReport {
        let key = try verifierKey ?? self.verifierKey()
        let verifier = try NoteVerifier(verifierKey: key)
        let started = Date()
        // The size and the checkpoints from one snapshot: a checkpoint signed after it is left
        // out, and one beyond the ledger's end there means entries were removed.
        let (size, checkpoints) = try await store.read { tx in
            var checkpoints: [(size: UInt64, text: String)] = []
            try tx.forEachCheckpoint { checkpoints.append(($0, $1)) }
            return (try tx.ledgerHead().size, checkpoints)
        }
        let ledgerStarted = Date()
        let (bytes, replayed) = try await LedgerAudit.checkStretches(
            store, size: size, checkpoints: checkpoints, verifier: verifier, plan: plan, progress: { progress?($0, size) })
        let tablesStarted = Date()
        let people = try await namingAnyDifference(LedgerAudit.checkProjection(store, replayed: replayed, threads: plan.threads))
        (consume replayed).releaseInBackground()
        let finished = Date()
        return VerificationReport(
            entries: size, bytes: bytes, checkpoints: checkpoints.count, people: people,
            seconds: finished.timeIntervalSince(started), ledgerSeconds: tablesStarted.timeIntervalSince(ledgerStarted),
            tablesSeconds: finished.timeIntervalSince(tablesStarted))
    }

    /// Checks the tables and the key store against a replay of the ledger, whose entries are
    /// all in memory, `entries`; returns how many people the ledger gives.
    func verifyProjection(heldEntries entries: ArraySlice<[UInt8]>, threads: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> Int {
        try await namingAnyDifference(LedgerAudit.checkProjection(store, heldEntries: entries, threads: threads))
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
