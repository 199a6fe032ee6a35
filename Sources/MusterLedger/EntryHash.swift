import Crypto

/// A SHA-256 digest in the ledger.
public struct EntryHash: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public static let zero = EntryHash(unchecked: [UInt8](repeating: 0, count: 32))

    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self.bytes = Array(bytes)
    }

    init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// SHA-256 of `data`.
    public static func of(_ data: [UInt8]) -> EntryHash {
        EntryHash(unchecked: Array(SHA256.hash(data: data)))
    }

    public var description: String { Hex.encode(bytes) }
}
