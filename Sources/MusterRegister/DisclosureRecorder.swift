import MusterLedger
import MusterStore
import Synchronization

/// Writes disclosure entries to the ledger, grouping concurrent requests into one transaction
/// (group commit): a busy server pays one commit per batch, not one per read.
///
/// A caller's `record` returns only once its entries are committed, so no personal data is
/// handed out without its disclosure on the ledger (fail-closed). A batch committed less than
/// the checkpoint interval after the last signature leaves its checkpoint for later (see
/// ``LedgerWriter/appendBatches(next:committed:)``): the recorder then signs one when the interval is over,
/// covering every batch committed meanwhile.
///
/// Batches are committed as a series (``AppendSeries``): while one commits, the callers
/// arriving form the next, which the writer takes as soon as it is done, without giving the
/// writer up in between. So a batch is as large as the traffic that came during the last
/// commit, and no caller waits for more than the commit ahead of it and its own.
final class DisclosureRecorder: Sendable {
    /// Commits batches one after another, each in one transaction of the register's write
    /// path, for as long as `next` hands out drafts; `committed` is told each batch's outcome:
    /// whether it signed a checkpoint of the ledger it left, or the error. Throws only when
    /// no batch could be tried.
    typealias AppendSeries = @Sendable (
        _ next: @escaping @Sendable () -> [EntryDraft]?,
        _ committed: @escaping @Sendable (Result<Bool, any Error>) -> Void
    ) async throws -> Void
    /// Appends one batch in one transaction; returns whether it signed a checkpoint.
    typealias Append = @Sendable (_ drafts: [EntryDraft]) async throws -> Bool
    /// Signs a checkpoint of the ledger as it stands, if entries are left uncovered.
    typealias Seal = @Sendable () async throws -> Void

    private typealias Caller = CheckedContinuation<Void, any Error>

    private struct State {
        var pending: [(drafts: [EntryDraft], caller: Caller)] = []
        /// The callers of the batch being committed.
        var committing: [Caller] = []
        /// Whether a task is committing the pending batches.
        var flushing = false
        /// Whether a deferred checkpoint is already on its way.
        var sealScheduled = false
        var batchesCommitted = 0
    }

    private let appendSeries: AppendSeries
    private let seal: Seal
    /// How long after an unsigned batch the deferred checkpoint is signed, on `clock`.
    private let interval: Duration
    private let clock: any CadenceClock
    private let state = Mutex(State())

    /// Batches committed so far (a benchmark reports it beside the checkpoints signed).
    var batchesCommitted: Int { state.withLock { $0.batchesCommitted } }
    /// Callers waiting for the next batch (tests line batches up with it).
    var waiting: Int { state.withLock { $0.pending.count } }

    /// The most entries one transaction takes; more wait for the next.
    static let maxBatch = 10_000

    init(interval: Duration, clock: any CadenceClock = MonotonicCadenceClock(), appendSeries: @escaping AppendSeries, seal: @escaping Seal) {
        self.interval = interval
        self.clock = clock
        self.appendSeries = appendSeries
        self.seal = seal
    }

    /// A recorder that commits each batch with a call of `append` of its own.
    convenience init(interval: Duration, append: @escaping Append, seal: @escaping Seal) {
        self.init(
            interval: interval,
            appendSeries: { next, committed in await eachInTurn(next: next, committed: committed, append) },
            seal: seal)
    }

    /// Appends `drafts` (in order, possibly together with other callers' drafts) and returns
    /// when they are committed.
    func record(_ drafts: [EntryDraft]) async throws {
        guard !drafts.isEmpty else { return }
        try await withCheckedThrowingContinuation { (caller: Caller) in
            let start = state.withLock { state in
                state.pending.append((drafts, caller))
                let idle = !state.flushing
                state.flushing = true
                return idle
            }
            if start { Task { await self.flush() } }
        }
    }

    /// Commits everything pending, series after series, until nothing is left.
    private func flush() async {
        while true {
            do {
                try await appendSeries({ self.nextBatch() }, { self.committed($0) })
            } catch {
                // No batch could be tried (the register has no keys, the store is closed): the
                // callers waiting would wait for ever, so they fail with the reason.
                let callers = state.withLock { state in
                    defer { state.committing = []; state.pending = [] }
                    return state.committing + state.pending.map(\.caller)
                }
                callers.forEach { $0.resume(throwing: error) }
            }
            let done = state.withLock { state in
                if state.pending.isEmpty { state.flushing = false }
                return !state.flushing
            }
            if done { return }
        }
    }

    /// Takes the callers pending, up to ``maxBatch`` entries (at least one caller), as the
    /// batch to commit; `nil` when none are.
    private func nextBatch() -> [EntryDraft]? {
        state.withLock { state in
            guard !state.pending.isEmpty else { return nil }
            var drafts: [EntryDraft] = []
            var taken = 0
            for next in state.pending {
                guard taken == 0 || drafts.count + next.drafts.count <= Self.maxBatch else { break }
                drafts += next.drafts
                taken += 1
            }
            state.committing = state.pending.prefix(taken).map(\.caller)
            state.pending.removeFirst(taken)
            return drafts
        }
    }

    /// Answers the callers of the batch just committed (or failed).
    private func committed(_ outcome: Result<Bool, any Error>) {
        let (callers, sealNeeded) = state.withLock { state in
            defer { state.committing = [] }
            var sealNeeded = false
            if case .success(let signed) = outcome {
                state.batchesCommitted += 1
                if !signed && !state.sealScheduled {
                    state.sealScheduled = true
                    sealNeeded = true
                }
            }
            return (state.committing, sealNeeded)
        }
        if sealNeeded { scheduleSeal() }
        switch outcome {
        case .success: callers.forEach { $0.resume() }
        case .failure(let error): callers.forEach { $0.resume(throwing: error) }
        }
    }

    /// Signs a checkpoint once the interval is over. Checked when it runs: a write since may
    /// have signed already, and then nothing is done.
    private func scheduleSeal() {
        let (interval, clock) = (interval, clock)
        Task {
            try? await clock.sleep(for: interval)
            state.withLock { $0.sealScheduled = false }
            // A failure (the store is failing) leaves the entries to the next batch or write, and
            // to the shipper, which signs before every round.
            try? await seal()
        }
    }
}
