/// A checkpoint and the signed note that carries it, exactly as signed.
///
/// Vaults and clients keep ``text``: it is what other transparency-log tools verify. The
/// caller that signs must never sign two checkpoints of one origin that are inconsistent
/// with each other (no consistency proof between them); this type cannot know the history.
public struct SignedCheckpoint: Sendable {
    /// The parsed checkpoint.
    public let checkpoint: Checkpoint
    /// The whole signed note: the checkpoint body, a blank line, and signature lines.
    public let text: String

    private init(checkpoint: Checkpoint, text: String) {
        self.checkpoint = checkpoint
        self.text = text
    }

    /// Signs `checkpoint` with `signer`. The C2SP spec recommends (SHOULD) that the key name
    /// equal the origin; that is left to the caller's configuration, not enforced here.
    public static func sign(_ checkpoint: Checkpoint, with signer: NoteSigner) throws(NoteError) -> SignedCheckpoint {
        SignedCheckpoint(checkpoint: checkpoint, text: try signer.sign(checkpoint.body))
    }

    /// Verifies a signed checkpoint note with `verifier` and parses its text.
    ///
    /// - Parameter origin: when given, the checkpoint's origin must equal it (`wrongOrigin`
    ///   otherwise), so that a key shared by several logs cannot pass one log's checkpoint
    ///   off as another's. Compared as bytes.
    public static func verify(
        _ text: String, with verifier: NoteVerifier, origin: String? = nil
    ) throws(NoteError) -> SignedCheckpoint {
        try verify(Array(text.utf8), with: verifier, origin: origin)
    }

    /// Verifies a signed checkpoint read as bytes (checked to be valid UTF-8).
    public static func verify(
        _ bytes: [UInt8], with verifier: NoteVerifier, origin: String? = nil
    ) throws(NoteError) -> SignedCheckpoint {
        let checkpoint = try Checkpoint(body: try verifier.verify(bytes))
        if let origin, !checkpoint.origin.utf8.elementsEqual(origin.utf8) {
            throw NoteError(.wrongOrigin, "checkpoint is not from the expected log")
        }
        return SignedCheckpoint(checkpoint: checkpoint, text: String(decoding: bytes, as: UTF8.self))
    }
}

extension SignedCheckpoint: Equatable {
    /// Equal when the signed notes are the same bytes.
    public static func == (lhs: SignedCheckpoint, rhs: SignedCheckpoint) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}
