import Crypto

/// Seals small secrets that Muster must read back but must never store in clear, each under a
/// key derived from the master key for its purpose and bound to its owner (e.g. a staff
/// member's TOTP secret, bound to their username): a stolen database holds only ciphertext, and
/// a sealed value moved to another owner fails to open.
public struct SecretSealer: Sendable {
    private let key: SymmetricKey

    /// The sealer for staff secrets (TOTP seeds).
    public static func staffSecrets(_ master: MasterKey) -> SecretSealer {
        SecretSealer(key: master.derive(.staffSecrets))
    }

    /// The sealer for key-store snapshots sent to vaults.
    public static func keyStoreSnapshots(_ master: MasterKey) -> SecretSealer {
        SecretSealer(key: master.derive(.keyStoreSnapshot))
    }

    /// The sealer for register snapshots (database copies) sent to vaults.
    public static func registerSnapshots(_ master: MasterKey) -> SecretSealer {
        SecretSealer(key: master.derive(.registerSnapshot))
    }

    private init(key: SymmetricKey) {
        self.key = key
    }

    public func seal(_ plaintext: [UInt8], owner: [UInt8]) -> [UInt8] {
        Sealing.seal(plaintext, key: key, context: owner)
    }

    public func open(_ sealed: [UInt8], owner: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        try Sealing.open(sealed, key: key, context: owner)
    }
}
