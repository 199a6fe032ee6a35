public import Crypto

/// The register's Ed25519 key: it signs ledger checkpoints so anyone holding the public key can
/// check that history was not rewritten.
public struct SigningKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey

    public static func generate() -> SigningKey {
        SigningKey(privateKey: Curve25519.Signing.PrivateKey())
    }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    public init(rawBytes: [UInt8]) throws(CryptoFailure) {
        do {
            self.privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: rawBytes)
        } catch {
            throw CryptoFailure(.malformedKey, "a signing key is 32 bytes")
        }
    }

    public var rawBytes: [UInt8] { Array(privateKey.rawRepresentation) }

    /// The 32-byte Ed25519 public key.
    public var publicKeyBytes: [UInt8] { Array(privateKey.publicKey.rawRepresentation) }

    public func sign(_ message: [UInt8]) -> [UInt8] {
        // Ed25519 signing of an in-memory message does not fail.
        Array(try! privateKey.signature(for: message))
    }
}
