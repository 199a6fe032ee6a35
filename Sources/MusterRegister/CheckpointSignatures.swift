import Foundation
import MusterLedger
import Synchronization

/// Checks the signatures of a list of checkpoints on a thread of its own, while the caller
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

    private let verdicts = Mutex<[Verdict]>([])
    private let done = DispatchSemaphore(value: 0)

    /// Starts checking `texts` (signed checkpoint notes) with `verifier`.
    init(_ texts: [String], verifier: NoteVerifier) {
        let thread = Thread { [self] in
            var found: [Verdict] = []
            found.reserveCapacity(texts.count)
            for text in texts {
                do throws(NoteError) {
                    let checkpoint = try SignedCheckpoint.verify(text, with: verifier).checkpoint
                    found.append(.signed(size: checkpoint.size, root: checkpoint.rootHash))
                } catch {
                    found.append(.refused(error.code.rawValue))
                }
            }
            verdicts.withLock { $0 = found }
            done.signal()
        }
        thread.name = "muster-verify-signatures"
        thread.start()
    }

    /// Waits for every check and returns the verdicts, in the order of the texts. Call once.
    func wait() -> [Verdict] {
        done.wait()
        return verdicts.withLock { $0 }
    }
}
