import MusterLedger
import MusterStore

/// Every write to the register goes through here: the caller's changes, then — in the same
/// transaction — whatever the ledger needs after new entries (its signed checkpoint).
struct LedgerWriter: Sendable {
    let store: any Store
    /// `nil` without keys: such a register cannot be written to.
    let checkpointer: Checkpointer?
    let clock: @Sendable () -> Int64

    /// Runs `body` in one write transaction and signs a checkpoint of the ledger it leaves.
    func transact<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T {
        guard let checkpointer else {
            throw RegisterError(.keys, "the register cannot be changed without its keys")
        }
        let clock = clock
        return try await store.write { tx in
            let result = try body(tx)
            try checkpointer.seal(tx, time: clock())
            return result
        }
    }

    /// Appends `drafts` in one transaction.
    func append(_ drafts: [EntryDraft]) async throws {
        try await transact { tx in
            for draft in drafts { _ = try tx.append(draft) }
        }
    }
}
