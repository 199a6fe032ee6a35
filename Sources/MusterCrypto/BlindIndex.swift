import Crypto

/// Keyed digests (HMAC-SHA256) of normalised values, so exact-match search works on a database
/// that holds no plaintext. One key per kind of value: an email digest can never be compared
/// with a phone digest, and without the master key a digest cannot be tested against guesses.
public struct BlindIndexKey: Sendable {
    /// HMAC state with the key already absorbed; copying it reuses the key schedule, which
    /// halves the cost of each digest on the import path.
    private let prepared: HMAC<SHA256>

    init(_ key: SymmetricKey) {
        self.prepared = HMAC<SHA256>(key: key)
    }

    /// A key from raw bytes of any length, so tests can check the HMAC against published vectors
    /// (RFC 4231) without importing Crypto. Production keys always come from ``BlindIndexKeys``.
    init(rawKey: [UInt8]) {
        self.init(SymmetricKey(data: rawKey))
    }

    /// The 32-byte digest of an already normalised value (see `MatchKey` in the core).
    public func digest(_ normalised: String) -> [UInt8] {
        var mac = prepared
        mac.update(data: Array(normalised.utf8))
        return Array(mac.finalize())
    }
}

/// The blind-index keys of one register.
public struct BlindIndexKeys: Sendable {
    public let email: BlindIndexKey
    public let phone: BlindIndexKey
    public let postcodeAndLastName: BlindIndexKey

    public init(master: MasterKey) {
        email = BlindIndexKey(master.derive(.blindIndexEmail))
        phone = BlindIndexKey(master.derive(.blindIndexPhone))
        postcodeAndLastName = BlindIndexKey(master.derive(.blindIndexPostcodeName))
    }
}
