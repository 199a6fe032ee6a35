import Crypto

/// A SHA-256 digest in the ledger.
///
/// The 32 bytes are held inline (four words in memory order), not in an array: verification
/// makes several million of these, and a heap allocation each cost more than the hashing.
public struct EntryHash: Sendable, Hashable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    public static let zero = EntryHash(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The hash whose bytes are `bytes`, if there are 32 (the common case, copied at once).
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self = bytes.withUnsafeBytes { EntryHash(copying: $0) }
    }

    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        if let hash = bytes.withContiguousStorageIfAvailable({ EntryHash(copying: UnsafeRawBufferPointer($0)) }) {
            self = hash
            return
        }
        self = .zero
        withUnsafeMutableBytes(of: &words) { target in
            for (offset, byte) in bytes.enumerated() { target[offset] = byte }
        }
    }

    /// The hash whose 32 bytes start at `raw` (which must hold at least 32).
    init(copying raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 32, "a hash is 32 bytes")
        self = .zero
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<32])) }
    }

    /// The hash `body` writes into the 32 bytes it is given.
    init(filling body: (UnsafeMutableRawPointer) -> Void) {
        self = .zero
        withUnsafeMutableBytes(of: &words) { body($0.baseAddress!) }
    }

    /// Calls `body` with `left`'s 32 bytes and then `right`'s, side by side (64 bytes).
    static func withPair<R>(_ left: EntryHash, _ right: EntryHash, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var pair = (left.words, right.words)
        return Swift.withUnsafeBytes(of: &pair, body)
    }

    /// The hash of a finished SHA-256.
    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { EntryHash(copying: $0) }
    }

    /// The hash whose bytes are `raw`, if it is 32 bytes long.
    public init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == 32 else { return nil }
        self.init(copying: raw)
    }

    /// The 32 bytes, as an array (allocates: hot paths use ``withUnsafeBytes(_:)``).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 32 bytes, without copying them.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { raw throws(E) in try body(raw) }
    }

    /// Whether `raw` holds exactly these 32 bytes.
    public func equals(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard raw.count == 32 else { return false }
        return self == EntryHash(copying: raw)
    }

    /// SHA-256 of `data`.
    public static func of(_ data: [UInt8]) -> EntryHash {
        EntryHash(SHA256.hash(data: data))
    }

    public static func == (lhs: EntryHash, rhs: EntryHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public var description: String { Hex.encode(bytes) }
}
