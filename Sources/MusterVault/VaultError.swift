/// Why a segment, a chain of segments or a vault operation was refused.
///
/// The ``code`` is stable: callers map it to HTTP and CLI exit statuses. The ``message`` is
/// safe to show or log: it names files, sequence numbers and sizes, never entry contents,
/// note text or key material.
public struct VaultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. Raw values are part of the contract and never change.
    public enum Code: String, Sendable, CaseIterable {
        /// The bytes do not match their trailing SHA-256: truncated, bit-rotted or cut short.
        case damaged
        /// The checksum holds but the content breaks a rule of the format (or of a persisted
        /// chain state), or an entry inside a segment cannot be parsed.
        case malformed
        /// The bytes do not start with the segment (or chain state) magic.
        case notASegment = "not_a_segment"
        /// The magic is right but the format version is one this build does not know.
        case unsupportedVersion = "unsupported_version"
        /// A count or length is over the limits (``Segment/Limits``, ``FileVault`` sizes).
        case limitExceeded = "limit_exceeded"
        /// A file name is not acceptable (characters, dots, or not the expected form).
        case invalidName = "invalid_name"
        /// A segment's file name does not match the sequence range it holds.
        case nameMismatch = "name_mismatch"
        /// A segment or its checkpoint names another log than the chain's.
        case wrongOrigin = "wrong_origin"
        /// A segment does not start right after the chain head (a gap, an overlap, a replay).
        case sequenceGap = "sequence_gap"
        /// An entry carries the wrong sequence number or previous-entry hash.
        case brokenChain = "broken_chain"
        /// The checkpoint is not a checkpoint signed by the trusted key.
        case badCheckpoint = "bad_checkpoint"
        /// The checkpoint verifies but its size or root disagrees with the entries (a fork).
        case checkpointMismatch = "checkpoint_mismatch"
        /// A vault file of that name exists with different bytes; it was left untouched.
        case conflict
        /// No vault file of that name.
        case notFound = "not_found"
        /// The operation is never allowed (pruning segments, keeping no snapshot).
        case notAllowed = "not_allowed"
        /// A system call failed; the message carries the system's reason.
        case io
    }

    /// The stable kind of failure.
    public var code: Code
    /// A short explanation, safe to show.
    public var message: String
    /// The file or segment concerned (a ``SegmentName`` file name for segments), when known.
    public var name: String?
    /// The sequence number of the entry concerned, when known.
    public var sequence: UInt64?

    /// An error with `code`, a safe `message`, and the file and entry it is about.
    public init(_ code: Code, _ message: String, name: String? = nil, sequence: UInt64? = nil) {
        self.code = code
        self.message = message
        self.name = name
        self.sequence = sequence
    }

    /// `code: [name: ][entry N: ]message`, safe to show.
    public var description: String {
        var text = "\(code.rawValue): "
        if let name { text += "\(name): " }
        if let sequence { text += "entry \(sequence): " }
        return text + message
    }

    /// The same error, naming `name` when it named no file yet.
    func naming(_ name: String) -> VaultError {
        var copy = self
        if copy.name == nil { copy.name = name }
        return copy
    }
}
