import Foundation
import MusterLedger
import Synchronization

/// Checks the signatures of a list of checkpoints on threads of their own, while the caller
/// hashes the ledger.
///
/// An Ed25519 verification costs about as much as hashing a few hundred entries, and there is
/// one checkpoint per write transaction: checked inline they were a tenth of verification, on
/// the core that does the hashing. The signature says nothing about the entries until its root
/// is compared with the one the entries give, which the caller does once both are known.
final class CheckpointSignatures: Sendable {
    /// What one signed note says, once its signature is checked.
    enum Verdict: Sendable {
        /// The signature holds; the note signs this tree size and root.
        case signed(size: UInt64, root: EntryHash)
        /// The note is malformed or its signature does not verify (the ``NoteError`` code).
        case refused(String)
    }

    private let verdicts: Mutex<[[Verdict]]>
    private let done = DispatchSemaphore(value: 0)
    private let threads: Int

    /// Starts checking `texts` (signed checkpoint notes) with `verifier`, split over one thread
    /// per core: a busy server signs a checkpoint per group commit, so a large register has
    /// hundreds of thousands of them, and their checks outlast the hashing on one thread.
    init(_ texts: [String], verifier: NoteVerifier, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let count = max(1, min(threads, texts.count / 1000 + 1))
        self.threads = count
        verdicts = Mutex(Array(repeating: [], count: count))
        let slice = (texts.count + count - 1) / count
        for part in 0..<count {
            let range = min(texts.count, part * slice)..<min(texts.count, (part + 1) * slice)
            let thread = Thread { [self] in
                var found: [Verdict] = []
                found.reserveCapacity(range.count)
                for text in texts[range] {
                    do throws(NoteError) {
                        let checkpoint = try SignedCheckpoint.verify(text, with: verifier).checkpoint
                        found.append(.signed(size: checkpoint.size, root: checkpoint.rootHash))
                    } catch {
                        found.append(.refused(error.code.rawValue))
                    }
                }
                verdicts.withLock { $0[part] = found }
                done.signal()
            }
            thread.name = "muster-verify-signatures-\(part)"
            thread.start()
        }
    }

    /// Waits for every check and returns the verdicts, in the order of the texts. Call once.
    func wait() -> [Verdict] {
        for _ in 0..<threads { done.wait() }
        return verdicts.withLock { $0.flatMap { $0 } }
    }
}
