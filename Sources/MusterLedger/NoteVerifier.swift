import Crypto

/// Verifies signed notes against one trusted Ed25519 key, following C2SP signed-note.
///
/// ```swift
/// let verifier = try NoteVerifier(verifierKey: "register.example.org/log+1a2b3c4d+AX...")
/// let text = try verifier.verify(signedNote)   // the signed text, or a NoteError
/// ```
///
/// A note is accepted when at least one signature line carries this key's name and key ID
/// and verifies. Lines from other keys (witnesses, a rotated key) are ignored, even when they
/// share the name or the ID but not both. A line from this key that does not verify rejects
/// the whole note: the spec says SHOULD, and a bad signature under our own key means
/// tampering or a broken signer, which Muster wants to hear about.
public struct NoteVerifier: Sendable {
    /// The key name that signature lines must carry.
    public let name: String
    /// The key ID that signatures must start with.
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]
    private let key: Curve25519.Signing.PublicKey

    /// Notes with more signature lines than this are malformed.
    public static let maximumSignatureCount = Note.maximumSignatureCount

    /// A verifier from its text form `<name>+<8 hex digits key ID>+<base64(0x01 || public key)>`.
    ///
    /// The key ID must be eight lower-case hex digits and must equal the one computed from
    /// the name and key, so a mistyped or spliced key is refused here rather than silently
    /// failing every verification later.
    public init(verifierKey: String) throws(NoteError) {
        let parts = Array(verifierKey.utf8).split(
            separator: UInt8(ascii: "+"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let name = String(validating: parts[0], as: UTF8.self),
            NoteKey.isValidName(name), parts[1].count == 8, parts[1].allSatisfy(Self.isLowerHex),
            let idBytes = Hex.decode(String(decoding: parts[1], as: UTF8.self)),
            let material = NoteBase64.decode(parts[2])
        else { throw NoteError(.malformedKey, "verifier key is not <name>+<hex key ID>+<base64 key>") }
        guard material.first == NoteKey.ed25519Type else {
            throw NoteError(.malformedKey, "verifier key is not an Ed25519 key (type 0x01)")
        }
        guard material.count == 1 + NoteKey.publicKeyCount else {
            throw NoteError(.malformedKey, "Ed25519 public key must be \(NoteKey.publicKeyCount) bytes")
        }
        let publicKey = Array(material.dropFirst())
        let keyID = idBytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard keyID == NoteKey.keyID(name: name, publicKey: publicKey) else {
            throw NoteError(.malformedKey, "verifier key ID does not match its name and key")
        }
        try self.init(checkedName: name, keyID: keyID, publicKey: publicKey)
    }

    /// A verifier for key `name` and a raw 32-byte Ed25519 public key; the key ID is computed.
    public init(name: String, publicKey: [UInt8]) throws(NoteError) {
        guard NoteKey.isValidName(name) else {
            throw NoteError(.malformedKey, "key name must be non-empty, without spaces, '+' or control characters")
        }
        guard publicKey.count == NoteKey.publicKeyCount else {
            throw NoteError(.malformedKey, "Ed25519 public key must be \(NoteKey.publicKeyCount) bytes")
        }
        try self.init(checkedName: name, keyID: NoteKey.keyID(name: name, publicKey: publicKey), publicKey: publicKey)
    }

    /// For parts already checked (a signer's own key, or a parsed verifier key).
    init(checkedName name: String, keyID: UInt32, publicKey: [UInt8]) throws(NoteError) {
        // BoringSSL accepts any 32 bytes here (a non-point then fails every verification);
        // CryptoKit on Apple platforms may refuse a non-point, hence the error path.
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            throw NoteError(.malformedKey, "not an Ed25519 public key")
        }
        self.name = name
        self.keyID = keyID
        self.publicKey = publicKey
        self.key = key
    }

    /// The text form of this verifier key.
    public var verifierKey: String {
        NoteKey.verifierKey(name: name, keyID: keyID, publicKey: publicKey)
    }

    /// Verifies `signedNote` and returns its text (with the final newline, without the blank
    /// line and the signatures). Throws ``NoteError`` when the note is malformed, has no
    /// signature by this key (`unknownKey`), or has one that fails (`invalidSignature`).
    public func verify(_ signedNote: String) throws(NoteError) -> String {
        try verify(Array(signedNote.utf8))
    }

    /// Verifies a signed note read as bytes (from a file or the network), checking that the
    /// bytes are valid UTF-8 before anything else.
    public func verify(_ signedNote: [UInt8]) throws(NoteError) -> String {
        let note = try Note.parse(signedNote)
        var verified: [ArraySlice<UInt8>] = []
        for line in note.signatures where line.name == name && line.keyID == keyID {
            // A repeat of a line already verified proves nothing new; any other line from
            // this key is checked, so a forged second signature cannot hide behind a good one.
            if verified.contains(line.encoded) { continue }
            guard line.signature.count == NoteKey.signatureCount,
                key.isValidSignature(line.signature, for: note.text)
            else { throw NoteError(.invalidSignature, "signature by \(name)+\(keyIDHex) does not verify") }
            verified.append(line.encoded)
        }
        guard !verified.isEmpty else {
            throw NoteError(.unknownKey, "note has no signature by \(name)+\(keyIDHex)")
        }
        return String(decoding: note.text, as: UTF8.self)
    }

    private var keyIDHex: String { Hex.encode(NoteKey.bytes(of: keyID)) }

    private static func isLowerHex(_ c: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)
    }
}
