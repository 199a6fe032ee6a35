/// The rules that signers and verifiers share: key names, key IDs and the verifier key text
/// (C2SP signed-note, Ed25519 signature type).
enum NoteKey {
    /// The signature type byte for Ed25519 in key IDs and verifier keys.
    static let ed25519Type: UInt8 = 0x01
    /// Bytes in an Ed25519 public key, seed and signature.
    static let publicKeyCount = 32
    static let seedCount = 32
    static let signatureCount = 64

    /// Key names must be non-empty, without Unicode white space or `+`: a space would end the
    /// name inside a signature line, and `+` separates the parts of a verifier key. Control
    /// characters are refused too, because no note containing them can be verified.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                !scalar.properties.isWhitespace && scalar != "+" && scalar.value >= 0x20
            }
    }

    /// SHA-256(name || 0x0A || 0x01 || public key), first four bytes, big-endian.
    static func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        let digest = EntryHash.of(Array(name.utf8) + [0x0A, ed25519Type] + publicKey).bytes
        return digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// The key ID as the 4 bytes that open every signature.
    static func bytes(of keyID: UInt32) -> [UInt8] {
        [
            UInt8(keyID >> 24), UInt8(truncatingIfNeeded: keyID >> 16), UInt8(truncatingIfNeeded: keyID >> 8),
            UInt8(truncatingIfNeeded: keyID),
        ]
    }

    /// `<name>+<8 lower-case hex digits>+<base64(0x01 || public key)>`.
    static func verifierKey(name: String, keyID: UInt32, publicKey: [UInt8]) -> String {
        "\(name)+\(Hex.encode(bytes(of: keyID)))+\(NoteBase64.encode([ed25519Type] + publicKey))"
    }
}
