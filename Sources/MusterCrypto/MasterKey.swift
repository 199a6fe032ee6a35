import Crypto
import Foundation

/// The organisation's 256-bit master key. It never encrypts data directly: every key Muster
/// uses is derived from it for one purpose (HKDF-SHA256), so a key for one job cannot be
/// used for another, and it wraps the per-person data keys.
public struct MasterKey: Sendable {
    let key: SymmetricKey

    /// A fresh random master key.
    public static func generate() -> MasterKey {
        MasterKey(key: SymmetricKey(size: .bits256))
    }

    /// A master key from its 32 raw bytes.
    public init(rawBytes: [UInt8]) throws(CryptoFailure) {
        let key = SymmetricKey(data: rawBytes)
        guard key.bitCount == 256 else { throw CryptoFailure(.malformedKey, "a master key is 32 bytes") }
        self.key = key
    }

    init(key: SymmetricKey) {
        self.key = key
    }

    /// The raw bytes, for writing the key file.
    public var rawBytes: [UInt8] { key.withUnsafeBytes { Array($0) } }

    /// A one-way fingerprint (hex) that tells whether a keys directory belongs to a register,
    /// without revealing anything about the key.
    public var fingerprint: String {
        derive(.fingerprint).withUnsafeBytes { raw in
            Array(SHA256.hash(data: raw)).prefix(16).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// The key for one purpose. Deterministic: the same master key always derives the same key.
    func derive(_ purpose: KeyPurpose) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, salt: Array("muster".utf8), info: Array(purpose.rawValue.utf8),
            outputByteCount: 32)
    }
}

/// The jobs a derived key may do. The label is part of the derivation, so it must never change.
enum KeyPurpose: String, Sendable {
    case dataKeyWrapping = "muster/v1/data-key-wrapping"
    case blindIndexEmail = "muster/v1/blind-index/email"
    case blindIndexPhone = "muster/v1/blind-index/phone"
    case blindIndexPostcodeName = "muster/v1/blind-index/postcode-last-name"
    case keyStoreSnapshot = "muster/v1/key-store-snapshot"
    case registerSnapshot = "muster/v1/register-snapshot"
    case staffSecrets = "muster/v1/staff-secrets"
    case fingerprint = "muster/v1/fingerprint"
}
