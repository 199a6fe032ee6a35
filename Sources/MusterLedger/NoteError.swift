/// Why a signed note, a key or a checkpoint was refused.
///
/// The ``code`` is stable: callers map it to HTTP and CLI exit statuses. The ``message`` is
/// safe to show or log: it names keys (public configuration) but never repeats note text,
/// extension lines or key material.
public struct NoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. Raw values are part of the contract and never change.
    public enum Code: String, Sendable, CaseIterable {
        /// The note is not a well-formed signed note (encoding, control characters, layout,
        /// too many signatures), or a text to sign is not a valid note text.
        case malformedNote = "malformed_note"
        /// A key name, verifier key string or private key seed is not acceptable.
        case malformedKey = "malformed_key"
        /// A signature line is not `— <name> <base64>` with a valid name and at least 5 bytes.
        case malformedSignature = "malformed_signature"
        /// No signature in the note is from the key we trust (the note is unverified).
        case unknownKey = "unknown_key"
        /// A signature from the key we trust does not verify: the whole note is rejected.
        case invalidSignature = "invalid_signature"
        /// The note text is not a C2SP checkpoint (origin, size, root hash, extensions).
        case malformedCheckpoint = "malformed_checkpoint"
        /// The checkpoint verified but names a different log than the one expected.
        case wrongOrigin = "wrong_origin"
        /// The signing primitive failed (it should not; reported rather than trapped).
        case signingFailed = "signing_failed"
    }

    /// The stable kind of failure.
    public var code: Code
    /// A short explanation, safe to show.
    public var message: String

    /// An error with `code` and a safe `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`, safe to show.
    public var description: String { "\(code.rawValue): \(message)" }
}
