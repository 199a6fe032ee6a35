import MusterLedger

/// Writes disclosure entries to the ledger, grouping concurrent requests into one transaction
/// (group commit): a busy server pays one commit per batch, not one per read.
///
/// A caller's `record` returns only once its entries are committed, so no personal data is
/// handed out without its disclosure on the ledger (fail-closed).
actor DisclosureRecorder {
    /// Appends drafts in one transaction (the register's write path, which also checkpoints).
    typealias Append = @Sendable ([EntryDraft]) async throws -> Void

    private let append: Append
    private var pending: [(drafts: [EntryDraft], done: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false

    /// The most entries one transaction takes; more wait for the next.
    static let maxBatch = 10_000

    init(append: @escaping Append) {
        self.append = append
    }

    /// Appends `drafts` (in order, possibly together with other callers' drafts) and returns
    /// when they are committed.
    func record(_ drafts: [EntryDraft]) async throws {
        guard !drafts.isEmpty else { return }
        try await withCheckedThrowingContinuation { continuation in
            pending.append((drafts, continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    /// Commits everything pending, batch after batch, until nothing is left.
    private func flush() async {
        while !pending.isEmpty {
            var batch: [(drafts: [EntryDraft], done: CheckedContinuation<Void, any Error>)] = []
            var count = 0
            while let next = pending.first, batch.isEmpty || count + next.drafts.count <= Self.maxBatch {
                batch.append(pending.removeFirst())
                count += next.drafts.count
            }
            let drafts = batch.flatMap(\.drafts)
            do {
                try await append(drafts)
                batch.forEach { $0.done.resume() }
            } catch {
                batch.forEach { $0.done.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
