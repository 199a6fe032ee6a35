import MusterLedger
import MusterStore
import Synchronization

/// Every write to the register goes through here: the caller's changes, then — in the same
/// transaction — whatever the ledger needs after new entries (its signed checkpoint).
struct LedgerWriter: Sendable {
    let store: any Store
    /// `nil` without keys: such a register cannot be written to.
    let checkpointer: Checkpointer?
    let clock: @Sendable () -> Int64
    /// How long a disclosure batch may leave its checkpoint to the batch queued behind it
    /// (``RegisterConfiguration/checkpointInterval``).
    let checkpointInterval: Duration

    /// Runs `body` in one write transaction and signs a checkpoint of the ledger it leaves.
    func transact<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T {
        let checkpointer = try requireCheckpointer()
        let clock = clock
        let (result, appended) = try await store.write { tx in
            let before = try tx.ledgerHead().size
            let result = try body(tx)
            try checkpointer.seal(tx, time: clock())
            return (result, try tx.ledgerHead().size - before)
        }
        if appended >= Self.bulkEntries { await Self.settle(store) }
        return result
    }

    /// From this many entries in one transaction (an import, an export's disclosures), the
    /// write-ahead log is written back and emptied at once (see ``settle(_:)``).
    static let bulkEntries: UInt64 = 10_000

    /// Writes a SQLite register's write-ahead log back into the database file and truncates it.
    /// SQLite does this when the last connection closes, but a command's process can end first,
    /// and then every later process looks up each page it reads in the log's index, then reads
    /// it from the log: `ledger verify` of a freshly imported 430,000-person register took
    /// 3.85 s that way, 2.06 s once written back. Best effort: a reader that holds the log keeps
    /// it, and the next bulk write tries again.
    static func settle(_ store: any Store) async {
        try? await (store as? SQLiteStore)?.checkpoint()
    }

    /// Appends `drafts` in one transaction.
    func append(_ drafts: [EntryDraft]) async throws {
        try await transact { tx in
            for draft in drafts { _ = try tx.append(draft) }
        }
    }

    /// Appends disclosure batches, each in one transaction, for as long as `next` hands them
    /// out (see ``Store/writeSeries(next:body:committed:)``). Each signs a checkpoint as every
    /// write does — unless this process signed one less than `checkpointInterval` ago; it tells
    /// `committed` whether it signed. When it did not, the recorder signs once the interval is
    /// over (see ``DisclosureRecorder``).
    ///
    /// Under load that leaves one signature per interval instead of one per batch: each costs
    /// the commit a signature, a consistency proof and an insert, and costs `ledger verify` a
    /// signature check. The interval is counted from the last signature, not from the batch,
    /// because a server's clients wait for their batch: a queue behind it is empty as often as
    /// not, and would not tell a burst from a lull.
    func appendBatches(
        next: @escaping @Sendable () -> [EntryDraft]?, committed: @escaping @Sendable (Result<Bool, any Error>) -> Void
    ) async throws {
        let checkpointer = try requireCheckpointer()
        let clock = clock
        let interval = checkpointInterval
        // A bulk batch (an export's disclosures) ends its series, and its callers hear it is
        // committed only once the log is written back (``settle(_:)``): an export then returns
        // with the log empty, as an import does.
        let bulk = Mutex<(taken: Bool, outcome: Result<Bool, any Error>?)>((false, nil))
        try await store.writeSeries(
            next: { () -> [EntryDraft]? in
                guard !bulk.withLock({ $0.taken }) else { return nil }
                let drafts = next()
                if let drafts, drafts.count >= Self.bulkEntries { bulk.withLock { $0.taken = true } }
                return drafts
            },
            body: { tx, drafts in
                for draft in drafts { _ = try tx.append(draft) }
                if checkpointer.signed(within: interval) { return false }
                try checkpointer.seal(tx, time: clock())
                return true
            },
            committed: { outcome in
                let held = bulk.withLock { state in
                    if state.taken { state.outcome = outcome }
                    return state.taken
                }
                if !held { committed(outcome) }
            })
        if let outcome = bulk.withLock({ $0.outcome }) {
            await Self.settle(store)
            committed(outcome)
        }
    }

    /// Signs a checkpoint of the whole ledger, in a transaction of its own, if entries are left
    /// that no checkpoint covers (looked at first in a read, which costs nothing to the writer).
    func sealUncovered() async throws {
        let uncovered = try await store.read { tx in try tx.ledgerHead().size > (tx.latestCheckpoint()?.size ?? 0) }
        guard uncovered else { return }
        try await transact { _ in }
    }

    private func requireCheckpointer() throws -> Checkpointer {
        guard let checkpointer else {
            throw RegisterError(.keys, "the register cannot be changed without its keys")
        }
        return checkpointer
    }
}
