import MusterLedger
import Synchronization

/// Writes disclosure entries to the ledger, grouping concurrent requests into one transaction
/// (group commit): a busy server pays one commit per batch, not one per read.
///
/// A caller's `record` returns only once its entries are committed, so no personal data is
/// handed out without its disclosure on the ledger (fail-closed). A batch with another queued
/// behind it may commit without a checkpoint (see ``LedgerWriter/appendBatch(_:laterBatchWaiting:)``);
/// a checkpoint covers it once a later batch commits, and by the time the recorder is idle.
actor DisclosureRecorder {
    /// Appends drafts in one transaction (the register's write path). `laterBatchWaiting` tells
    /// it, inside the transaction, whether callers are queued for another batch; it returns
    /// whether it signed a checkpoint of the ledger it leaves.
    typealias Append = @Sendable (_ drafts: [EntryDraft], _ laterBatchWaiting: @escaping @Sendable () -> Bool) async throws -> Bool
    /// Signs a checkpoint of the ledger as it stands, if entries are left uncovered.
    typealias Seal = @Sendable () async throws -> Void

    private let append: Append
    private let seal: Seal
    private var pending: [(drafts: [EntryDraft], done: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false
    /// Whether the batch committed last left entries without a checkpoint.
    private var uncovered = false
    /// How many callers are queued, for the transaction deciding whether to sign: it runs on the
    /// store's thread while this actor takes new callers, so it cannot read `pending`.
    nonisolated let queued = QueuedCallers()
    /// Batches committed so far (a benchmark reports it beside the checkpoints signed).
    private(set) var batchesCommitted = 0

    /// The most entries one transaction takes; more wait for the next.
    static let maxBatch = 10_000

    init(append: @escaping Append, seal: @escaping Seal) {
        self.append = append
        self.seal = seal
    }

    /// Appends `drafts` (in order, possibly together with other callers' drafts) and returns
    /// when they are committed.
    func record(_ drafts: [EntryDraft]) async throws {
        guard !drafts.isEmpty else { return }
        try await withCheckedThrowingContinuation { continuation in
            pending.append((drafts, continuation))
            queued.set(pending.count)
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    /// Commits everything pending, batch after batch, until nothing is left.
    ///
    /// Callers queued when a batch decides stay in `pending` until this loop takes them, so a
    /// batch that skipped its checkpoint is always followed by another that decides again.
    private func flush() async {
        while !pending.isEmpty {
            await commitNextBatch()
        }
        flushing = false
    }

    private func commitNextBatch() async {
        var batch: [(drafts: [EntryDraft], done: CheckedContinuation<Void, any Error>)] = []
        var count = 0
        while let next = pending.first, batch.isEmpty || count + next.drafts.count <= Self.maxBatch {
            batch.append(pending.removeFirst())
            count += next.drafts.count
        }
        queued.set(pending.count)
        let queued = queued
        let outcome: Result<Void, any Error>
        do {
            let signed = try await append(batch.flatMap(\.drafts), { queued.count > 0 })
            uncovered = !signed
            batchesCommitted += 1
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        // A batch committed without a checkpoint only when another was queued; if that one (the
        // last of the burst) failed, nothing else would sign until the next write. Sign here,
        // before its callers hear, so the recorder never goes idle leaving entries uncovered.
        if uncovered && pending.isEmpty {
            // A failure leaves `uncovered` set for the next batch: the store is failing anyway.
            if (try? await seal()) != nil { uncovered = false }
        }
        batch.forEach { $0.done.resume(with: outcome) }
    }
}

/// A count of queued callers, readable from any thread.
final class QueuedCallers: Sendable {
    private let value = Atomic<Int>(0)

    var count: Int { value.load(ordering: .sequentiallyConsistent) }

    func set(_ count: Int) {
        value.store(count, ordering: .sequentiallyConsistent)
    }
}
