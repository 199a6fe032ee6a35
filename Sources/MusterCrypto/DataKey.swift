import Crypto
import Foundation

/// A person's own 256-bit key. Every identifying field of that person is encrypted under it;
/// deleting its wrapped copy from the key store makes all of their ciphertext unreadable,
/// wherever copies of it are (crypto-shredding).
public struct DataKey: Sendable {
    let key: SymmetricKey

    /// A fresh random data key.
    public static func generate() -> DataKey {
        DataKey(key: SymmetricKey(data: RandomPool.shared.bytes(32)))
    }

    init(key: SymmetricKey) {
        self.key = key
    }

    /// Encrypts `plaintext` for the person identified by `owner` (their pseudonymous id).
    public func seal(_ plaintext: [UInt8], owner: [UInt8]) -> [UInt8] {
        Sealing.seal(plaintext, key: key, context: owner)
    }

    /// Decrypts what ``seal(_:owner:)`` produced for the same owner, or throws if anything differs.
    public func open(_ sealed: [UInt8], owner: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        try Sealing.open(sealed, key: key, context: owner)
    }
}

/// Wraps and unwraps data keys with a key derived from the master key, bound to their owner.
public struct KeyWrapper: Sendable {
    private let wrappingKey: SymmetricKey

    public init(master: MasterKey) {
        self.wrappingKey = master.derive(.dataKeyWrapping)
    }

    public func wrap(_ dataKey: DataKey, owner: [UInt8]) -> [UInt8] {
        Sealing.seal(dataKey.key.withUnsafeBytes { Array($0) }, key: wrappingKey, context: owner)
    }

    public func unwrap(_ wrapped: [UInt8], owner: [UInt8]) throws(CryptoFailure) -> DataKey {
        let raw = try Sealing.open(wrapped, key: wrappingKey, context: owner)
        guard raw.count == 32 else { throw CryptoFailure(.malformedKey, "a wrapped data key must hold 32 bytes") }
        return DataKey(key: SymmetricKey(data: raw))
    }
}
