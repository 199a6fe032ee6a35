public import MusterLedger

extension SegmentChain {
    /// What a chain must remember to go on: the head, the Merkle frontier and the last
    /// checkpoint's signed note. A few kilobytes at most, whatever the ledger's size.
    ///
    /// A value is always self-consistent (the frontier fits the size, and a non-empty state has
    /// a checkpoint); whether it is *true* is checked when a chain resumes from it
    /// (``SegmentChain/init(origin:verifier:resumingFrom:)``). Persist it with ``encoded``.
    public struct State: Sendable, Equatable {
        /// The last accepted entry.
        public let head: ChainHead
        /// The roots of the perfect subtrees on the right border, largest first
        /// (`head.size.nonzeroBitCount` of them), as ``MusterLedger/MerkleAppender`` keeps them.
        public let frontier: [EntryHash]
        /// The signed note of the last accepted checkpoint; `nil` exactly when the chain is empty.
        public let checkpoint: String?

        /// The state of a chain that has accepted nothing.
        public static let empty = State(checkedHead: .empty, frontier: [], checkpoint: nil)

        /// A state from its parts; throws `malformed` unless the frontier has one hash per set bit
        /// of the size, an empty state has the zero hash and no checkpoint, a non-empty one has a
        /// checkpoint, and (for an odd size, whose last border subtree is the last leaf) the
        /// frontier ends with the head hash.
        public init(head: ChainHead, frontier: [EntryHash], checkpoint: String?) throws(VaultError) {
            guard frontier.count == head.size.nonzeroBitCount else {
                throw VaultError(
                    .malformed, "a chain of \(head.size) entries has \(head.size.nonzeroBitCount) frontier hashes")
            }
            guard (head.size == 0) == (checkpoint == nil) else {
                throw VaultError(.malformed, "a chain has a checkpoint exactly when it is not empty")
            }
            guard head.size != 0 || head.hash == .zero else {
                throw VaultError(.malformed, "an empty chain has the zero head hash")
            }
            guard head.size % 2 == 0 || frontier.last == head.hash else {
                throw VaultError(.malformed, "the frontier does not end with the head entry")
            }
            self.init(checkedHead: head, frontier: frontier, checkpoint: checkpoint)
        }

        /// For parts taken from a working chain, which keeps these rules by construction.
        init(checkedHead head: ChainHead, frontier: [EntryHash], checkpoint: String?) {
            self.head = head
            self.frontier = frontier
            self.checkpoint = checkpoint
        }

        /// Equal when every part is the same; the checkpoints are compared as bytes.
        public static func == (lhs: State, rhs: State) -> Bool {
            lhs.head == rhs.head && lhs.frontier == rhs.frontier
                && lhs.checkpoint.map { Array($0.utf8) } == rhs.checkpoint.map { Array($0.utf8) }
        }
    }
}
