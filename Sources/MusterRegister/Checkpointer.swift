import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore
import Synchronization

/// Signs a checkpoint of the ledger after every transaction that appended to it (a disclosure
/// batch soon after a signature leaves it to a checkpoint at the end of the interval: see
/// ``LedgerWriter/appendBatches(next:committed:)``).
///
/// Before signing, the new tree is proven consistent with the last signed checkpoint (a
/// consistency proof from the stored nodes, verified against the old signed root): Muster never
/// signs two checkpoints that disagree about history.
struct Checkpointer: Sendable {
    let signer: NoteSigner
    /// The checkpoint this process signed last and its root: when it is still the newest, its
    /// root is known without checking the signature again (a signature check costs about as
    /// much as the rest of a small transaction).
    private let lastSigned: LastSigned

    /// `clock` spaces the signatures out (see ``signed(within:)``).
    init(keyring: Keyring, origin: String, clock: any CadenceClock = MonotonicCadenceClock()) throws {
        signer = try NoteSigner(name: origin, privateKeySeed: keyring.signing.rawBytes)
        lastSigned = LastSigned(clock: clock)
    }

    /// The verifier key anyone can check checkpoints with (`name+keyID+base64(0x01||key)`).
    var verifierKey: String { signer.verifierKey }

    /// Whether this process signed a checkpoint less than `interval` ago.
    func signed(within interval: Duration) -> Bool {
        lastSigned.signed(within: interval)
    }

    /// Signs and stores a checkpoint if the ledger grew since the last one.
    func seal(_ tx: any StoreWriting, time: Int64) throws {
        let head = try tx.ledgerHead()
        let latest = try tx.latestCheckpoint()
        guard head.size > (latest?.size ?? 0) else { return }
        let root = try tx.knownRoot(size: head.size) ?? MerkleProofs.root(size: head.size, reader: tx)
        if let latest {
            // Another process (or a rolled-back transaction) may have left a newer checkpoint
            // than ours: then its signature is checked as before.
            let previousRoot =
                try lastSigned.root(ifText: latest.text)
                ?? SignedCheckpoint.verify(latest.text, with: signer.verifier).checkpoint.rootHash
            let proof = try MerkleProofs.consistencyProof(from: latest.size, to: head.size, reader: tx)
            try MerkleVerifier.verifyConsistency(
                size1: latest.size, size2: head.size, proof: proof, root1: previousRoot, root2: root)
        }
        let stamp = Timestamp(secondsSinceEpoch: time / 1000)
        let checkpoint = try Checkpoint(origin: signer.name, size: head.size, rootHash: root, extensions: ["time \(stamp)"])
        let text = try SignedCheckpoint.sign(checkpoint, with: signer).text
        try tx.putCheckpoint(size: head.size, text: text)
        lastSigned.remember(text: text, root: root)
    }
}

/// The last checkpoint text this process signed, with its root and when it was signed.
///
/// The time is read from a ``CadenceClock``, not the register's clock. It is remembered before
/// the transaction commits; if that rolls back, batches may skip for one interval more than
/// they should, and the last of a burst still signs.
final class LastSigned: Sendable {
    private let clock: any CadenceClock
    private let state = Mutex<(text: String, root: EntryHash, at: Duration)?>(nil)

    init(clock: any CadenceClock) {
        self.clock = clock
    }

    func remember(text: String, root: EntryHash) {
        let now = clock.elapsed
        state.withLock { $0 = (text, root, now) }
    }

    /// Whether a checkpoint was remembered less than `interval` ago (never, for a zero interval).
    func signed(within interval: Duration) -> Bool {
        let now = clock.elapsed
        return state.withLock { last in last.map { now - $0.at < interval } ?? false }
    }

    /// The root, if `text` is exactly the checkpoint remembered.
    func root(ifText text: String) -> EntryHash? {
        state.withLock { $0?.text == text ? $0?.root : nil }
    }
}
