import Foundation
import MusterLedger

/// Measurements of the register's own hot paths, for `muster bench` (not for tests: timings on
/// shared machines are noise, so they are reported, never asserted).
extension Register {
    /// Records `count` disclosures from `count` concurrent readers, through the group-commit
    /// recorder (`grouped`) or one transaction each. Returns the seconds taken, the number of
    /// transactions used and the checkpoints signed (fewer than the transactions when batches
    /// queue behind each other: see ``RegisterConfiguration/checkpointInterval``).
    public func benchmarkDisclosures(count: Int, grouped: Bool) async throws -> (seconds: Double, transactions: Int, checkpoints: Int) {
        let subject = try await store.read { tx -> SubjectID? in
            var first: SubjectID?
            try tx.forEachPerson(.everyone) { row in if first == nil { first = row.id } }
            return first
        }
        guard let subject else { throw RegisterError(.notFound, "the register is empty: run `muster demo` first") }
        let checkpointsBefore = try await checkpointCount()
        let batchesBefore = disclosures.batchesCommitted
        let draft = EntryDraft(
            time: configuration.clock(), actor: configuration.actor, kind: .disclosure, subject: subject,
            payload: Disclosure(channel: "bench").payload())
        let started = Date()
        let ledger = ledger
        let recorder = disclosures
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask {
                    if grouped { try await recorder.record([draft]) } else { try await ledger.append([draft]) }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Date().timeIntervalSince(started)
        let transactions = grouped ? disclosures.batchesCommitted - batchesBefore : count
        return (seconds, transactions, try await checkpointCount() - checkpointsBefore)
    }

    private func checkpointCount() async throws -> Int {
        try await store.read { tx in
            var count = 0
            try tx.forEachCheckpoint { _, _ in count += 1 }
            return count
        }
    }
}
