/// A sealed run of consecutive ledger entries and the signed checkpoint that covers them:
/// the unit a shipper writes to a vault, and a restore reads back.
///
/// A segment holds entries `firstSequence...lastSequence` (sequences are 1-based: entry N has
/// sequence N) as their canonical bytes (``MusterLedger/LedgerEntry/encoded``), and the signed
/// note of a checkpoint whose tree size is ``lastSequence``. It is a container: its initialiser
/// checks shape and limits only. Whether the entries chain, and whether the checkpoint is
/// signed and matches them, is for ``SegmentChain/accept(_:)`` to decide.
///
/// ```swift
/// let segment = try Segment(origin: origin, firstSequence: 101, entries: bytes, checkpoint: note)
/// try vault.put(name: segment.name.fileName, bytes: segment.encode())
/// // later, on restore
/// let back = try Segment(encoded: try vault.get(name: file), name: file)
/// try chain.accept(back)
/// ```
public struct Segment: Sendable, Equatable {
    /// The log's origin, as in its checkpoints (e.g. `register.example.org/log`).
    public let origin: String
    /// The sequence number of the first entry (at least 1).
    public let firstSequence: UInt64
    /// The canonical bytes of each entry, in sequence order; never empty.
    public let entries: [[UInt8]]
    /// The signed note text of the checkpoint at ``lastSequence``.
    public let checkpoint: String

    /// The bounds every segment keeps, on write and on read, so that reading a hostile file
    /// can never ask for more memory than these allow.
    public enum Limits {
        /// The largest entry: 1 MiB (register entries are a few hundred bytes).
        public static let maximumEntryBytes = 1 << 20
        /// The most entries in one segment.
        public static let maximumEntryCount = 1_000_000
        /// The largest body (all entries with their 4-byte lengths), inflated: 256 MiB.
        public static let maximumBodyBytes = 256 << 20
        /// The longest origin, in UTF-8 bytes.
        public static let maximumOriginBytes = 1024
        /// The longest checkpoint note (a body and up to 100 signature lines fit easily).
        public static let maximumCheckpointBytes = 64 << 10
    }

    /// A segment from its parts. Throws `malformed` for an empty run, a first sequence of 0,
    /// a run that passes the largest sequence, an empty origin or checkpoint or one with a
    /// control character (a newline is allowed in the checkpoint), and `limitExceeded` when
    /// a size is over ``Limits``.
    public init(origin: String, firstSequence: UInt64, entries: [[UInt8]], checkpoint: String) throws(VaultError) {
        try Self.check(origin: origin, firstSequence: firstSequence, entries: entries, checkpoint: checkpoint)
        self.origin = origin
        self.firstSequence = firstSequence
        self.entries = entries
        self.checkpoint = checkpoint
    }

    /// The sequence number of the last entry, which is also the checkpoint's tree size.
    public var lastSequence: UInt64 { firstSequence + (UInt64(entries.count) - 1) }  // no overflow at UInt64.max

    /// The file name this segment is stored under.
    public var name: SegmentName { SegmentName(checkedFirst: firstSequence, last: lastSequence) }

    /// Equal when every field is the same bytes (`String ==` would compare up to Unicode
    /// equivalence, calling two differently signed notes equal).
    public static func == (lhs: Segment, rhs: Segment) -> Bool {
        lhs.origin.utf8.elementsEqual(rhs.origin.utf8) && lhs.firstSequence == rhs.firstSequence
            && lhs.entries == rhs.entries && lhs.checkpoint.utf8.elementsEqual(rhs.checkpoint.utf8)
    }

    /// The rules shared by the initialiser and the decoder, so a decoded segment is always one
    /// that could have been built.
    static func check(
        origin: String, firstSequence: UInt64, entries: [[UInt8]], checkpoint: String
    ) throws(VaultError) {
        guard !entries.isEmpty else { throw VaultError(.malformed, "a segment holds at least one entry") }
        guard firstSequence >= 1 else { throw VaultError(.malformed, "sequence numbers start at 1") }
        guard entries.count <= Limits.maximumEntryCount else {
            throw VaultError(.limitExceeded, "more than \(Limits.maximumEntryCount) entries")
        }
        guard UInt64(entries.count) - 1 <= UInt64.max - firstSequence else {
            throw VaultError(.malformed, "the entries run past the largest sequence number")
        }
        var body = 0
        for (index, entry) in entries.enumerated() {
            guard entry.count <= Limits.maximumEntryBytes else {
                throw VaultError(
                    .limitExceeded, "entry is over \(Limits.maximumEntryBytes) bytes",
                    sequence: firstSequence + UInt64(index))
            }
            body += 4 + entry.count
        }
        guard body <= Limits.maximumBodyBytes else {
            throw VaultError(.limitExceeded, "entries are over \(Limits.maximumBodyBytes) bytes in all")
        }
        try checkText(origin, what: "origin", limit: Limits.maximumOriginBytes, allowsNewline: false)
        try checkText(checkpoint, what: "checkpoint", limit: Limits.maximumCheckpointBytes, allowsNewline: true)
    }

    private static func checkText(_ text: String, what: String, limit: Int, allowsNewline: Bool) throws(VaultError) {
        let bytes = text.utf8
        guard !bytes.isEmpty else { throw VaultError(.malformed, "the \(what) is empty") }
        guard bytes.count <= limit else { throw VaultError(.limitExceeded, "the \(what) is over \(limit) bytes") }
        // Notes forbid control characters but newline; an origin is one line.
        guard bytes.allSatisfy({ $0 >= 0x20 || (allowsNewline && $0 == 0x0A) }) else {
            throw VaultError(.malformed, "the \(what) contains a control character")
        }
    }
}
