import Crypto

/// Signs note texts with one Ed25519 key, in the C2SP signed-note format.
///
/// ```swift
/// let signer = try NoteSigner(name: "register.example.org/log", privateKeySeed: seed)
/// let note = try signer.sign("hello\n")   // "hello\n\n— register.example.org/log <base64>\n"
/// ```
///
/// The description and mirror show only the name and key ID, so a signer that ends up in a
/// log line or a debugger dump does not reveal the key.
public struct NoteSigner: Sendable {
    /// The key name written in every signature line (for checkpoints, usually the origin).
    public let name: String
    /// The key ID: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key).
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]
    /// The verifier for this signer's key.
    public let verifier: NoteVerifier
    private let privateKey: Curve25519.Signing.PrivateKey

    /// A signer for key `name` from a 32-byte Ed25519 seed (the key's raw representation).
    public init(name: String, privateKeySeed: [UInt8]) throws(NoteError) {
        guard NoteKey.isValidName(name) else {
            throw NoteError(.malformedKey, "key name must be non-empty, without spaces, '+' or control characters")
        }
        guard privateKeySeed.count == NoteKey.seedCount,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: privateKeySeed)
        else { throw NoteError(.malformedKey, "an Ed25519 private key seed is \(NoteKey.seedCount) bytes") }
        self.name = name
        self.privateKey = key
        self.publicKey = Array(key.publicKey.rawRepresentation)
        self.keyID = NoteKey.keyID(name: name, publicKey: publicKey)
        self.verifier = try NoteVerifier(checkedName: name, keyID: keyID, publicKey: publicKey)
    }

    /// The verifier key to publish: `<name>+<hex key ID>+<base64(0x01 || public key)>`.
    public var verifierKey: String {
        NoteKey.verifierKey(name: name, keyID: keyID, publicKey: publicKey)
    }

    /// Signs `text` and returns the whole signed note: `text`, a blank line, and one
    /// signature line `— <name> <base64(key ID || signature)>`.
    ///
    /// `text` must be a valid note text: non-empty, ending in a newline, with no ASCII
    /// control character other than newline. Anything else is refused rather than signed,
    /// because no standard verifier would accept the result.
    public func sign(_ text: String) throws(NoteError) -> String {
        let bytes = Array(text.utf8)
        try Note.checkText(bytes)
        let signature: [UInt8]
        do {
            signature = Array(try privateKey.signature(for: bytes))
        } catch {
            throw NoteError(.signingFailed, "Ed25519 signing failed")
        }
        return text + "\n" + Note.signatureLine(name: name, keyID: keyID, signature: signature)
    }
}

extension NoteSigner: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `NoteSigner(<name>+<hex key ID>)`; never the key.
    public var description: String { "NoteSigner(\(name)+\(Hex.encode(NoteKey.bytes(of: keyID))))" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// Only the name and key ID, so `dump` cannot print the private key.
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "keyID": keyID]) }
}
