public import MusterLedger

/// Verifies segments one after another, as a vault server does on every upload and a restore
/// does on every file: a pure value, no I/O.
///
/// The chain keeps the head (last sequence and entry hash), the Merkle frontier (the roots of
/// the perfect subtrees on the tree's right border, at most 64 hashes, no other nodes) and the
/// last accepted checkpoint. ``accept(_:)`` recomputes the tree root from the frontier and the
/// segment's leaves and requires the segment's signed checkpoint to name that root. Because the
/// frontier summarises every entry accepted before, a matching root proves the new checkpoint
/// extends the old one (no fork, no rewrite) without a consistency proof and without re-reading
/// old segments.
///
/// ```swift
/// var chain = SegmentChain(origin: "register.example.org/log", verifier: verifier)
/// for file in try vault.list(prefix: SegmentName.prefix) {
///     try chain.accept(try Segment(encoded: try vault.get(name: file), name: file))
/// }
/// try save(chain.state.encoded)   // resume later with init(origin:verifier:resumingFrom:)
/// ```
public struct SegmentChain: Sendable {
    /// The log this chain belongs to; segments and checkpoints must name it exactly (bytes).
    public let origin: String
    /// The trusted key that must have signed every checkpoint.
    public let verifier: NoteVerifier
    /// The last accepted entry: its sequence (the number of entries) and hash.
    public private(set) var head: ChainHead
    /// The last accepted checkpoint (`nil` before the first segment).
    public private(set) var checkpoint: SignedCheckpoint?
    private var appender: MerkleAppender

    /// An empty chain: the first segment must start at entry 1.
    public init(origin: String, verifier: NoteVerifier) {
        self.origin = origin
        self.verifier = verifier
        self.head = .empty
        self.checkpoint = nil
        self.appender = MerkleAppender()
    }

    /// Resumes from a saved ``State`` (see ``state``), so a vault server need not re-read every
    /// segment after a restart.
    ///
    /// The state's checkpoint is verified again with `verifier`, must name `origin` and the
    /// state's size, and its root must equal the frontier's (`badCheckpoint`, `wrongOrigin`,
    /// `checkpointMismatch`), so a stale or edited state file is refused rather than trusted.
    public init(origin: String, verifier: NoteVerifier, resumingFrom state: State) throws(VaultError) {
        self.init(origin: origin, verifier: verifier)
        let appender = MerkleAppender(size: state.head.size, frontier: state.frontier)
        guard let text = state.checkpoint else { return }  // the empty state
        let signed = try verifiedCheckpoint(text)
        guard signed.checkpoint.size == state.head.size, signed.checkpoint.rootHash == appender.root else {
            throw VaultError(.checkpointMismatch, "the saved state does not match its own checkpoint")
        }
        self.head = state.head
        self.appender = appender
        self.checkpoint = signed
    }

    /// The sequence number the next segment must start at.
    public var nextSequence: UInt64 { head.size + 1 }

    /// The chain's state, to persist and resume from.
    public var state: State {
        State(checkedHead: head, frontier: appender.frontier, checkpoint: checkpoint?.text)
    }

    /// Checks `segment` against everything accepted so far and, only if every check passes,
    /// makes it part of the chain. On any error the chain is unchanged.
    ///
    /// In order: the origin (`wrongOrigin`); the first sequence is ``nextSequence``
    /// (`sequenceGap`, for gaps, overlaps and replays alike); the checkpoint is signed by
    /// ``verifier`` and names ``origin`` (`badCheckpoint`, `wrongOrigin`); its size is the last
    /// entry's sequence (`checkpointMismatch`); every entry parses (`malformed`), carries its
    /// sequence and the previous entry's hash (`brokenChain`); the root over all entries equals
    /// the checkpoint's (`checkpointMismatch`). Errors name the segment file and, where one
    /// entry is at fault, its sequence.
    ///
    /// - Returns: the segment's checkpoint, verified.
    @discardableResult
    public mutating func accept(_ segment: Segment) throws(VaultError) -> SignedCheckpoint {
        var unused: [EntryHash] = []
        return try accept(segment, leafHashes: &unused)
    }

    /// ``accept(_:)``, adding the hash of each of the segment's entries (its leaf hash, which
    /// also chains it) to `leafHashes` once it is accepted: a restore compares them with what
    /// it writes instead of hashing every entry again.
    @discardableResult
    public mutating func accept(_ segment: Segment, leafHashes: inout [EntryHash]) throws(VaultError) -> SignedCheckpoint {
        do throws(VaultError) {
            guard segment.origin.utf8.elementsEqual(origin.utf8) else {
                throw VaultError(.wrongOrigin, "the segment is from another log")
            }
            guard segment.firstSequence == nextSequence else {
                let kind = segment.firstSequence > nextSequence ? "entries are missing" : "it overlaps accepted entries"
                throw VaultError(
                    .sequenceGap,
                    "expected a segment from entry \(nextSequence), found one from \(segment.firstSequence) (\(kind))")
            }
            let signed = try verifiedCheckpoint(segment.checkpoint)
            guard signed.checkpoint.size == segment.lastSequence else {
                throw VaultError(
                    .checkpointMismatch,
                    "the checkpoint is for size \(signed.checkpoint.size), the segment ends at \(segment.lastSequence)")
            }
            var head = self.head
            var appender = self.appender
            var hashes: [EntryHash] = []
            hashes.reserveCapacity(segment.entries.count)
            try Self.append(segment.entries, from: segment.firstSequence, to: &head, &appender, leafHashes: &hashes)
            guard appender.root == signed.checkpoint.rootHash else {
                throw VaultError(
                    .checkpointMismatch,
                    "the checkpoint's root does not match the entries (a forked or altered history)")
            }
            self.head = head
            self.appender = appender
            self.checkpoint = signed
            leafHashes += hashes
            return signed
        } catch {
            throw error.naming(segment.name.fileName)
        }
    }
}
