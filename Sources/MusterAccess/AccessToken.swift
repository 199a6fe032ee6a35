import Crypto
public import MusterCore

/// A bearer token for the API or a staff session: `mst_` followed by 32 random bytes in
/// base64url (256 bits, so it cannot be guessed and needs no slow hash).
///
/// The token text is shown to its holder once and never stored: the server keeps only
/// ``digest`` (SHA-256, hex) and ``expiresAt``, so a copy of the database yields no usable
/// token. To authenticate, hash the presented text with ``digest(of:)`` and look the digest up;
/// where a stored digest is compared directly, use ``matches(_:digest:)``, which runs in
/// constant time.
public struct AccessToken: Sendable, CustomStringConvertible {
    /// The prefix that marks Muster tokens, so secret scanners and people recognise a leaked one.
    public static let prefix = "mst_"
    /// Random bytes in a token.
    public static let randomByteCount = 32

    /// The token to hand to its holder, once.
    public let text: String
    /// What the server stores: SHA-256 of ``text``, lowercase hex.
    public let digest: String
    /// When the token stops being accepted.
    public let expiresAt: Timestamp

    /// A fresh token valid from `now` for `lifetime` (whole seconds).
    public static func generate(now: Timestamp, lifetime: Duration) -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = prefix + ByteEncoding.base64URL(bytes)
        let expiry = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + lifetime.components.seconds)
        return AccessToken(text: text, digest: digest(of: text), expiresAt: expiry)
    }

    private init(text: String, digest: String, expiresAt: Timestamp) {
        self.text = text
        self.digest = digest
        self.expiresAt = expiresAt
    }

    /// The stored form of a presented token: SHA-256 of its UTF-8, lowercase hex.
    public static func digest(of text: String) -> String {
        ByteEncoding.hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// Whether `text` has the shape of a Muster token. Lets the server reject garbage before
    /// hashing or touching the database.
    public static func isWellFormed(_ text: String) -> Bool {
        let expectedLength = prefix.utf8.count + (randomByteCount * 4 + 2) / 3
        guard text.utf8.count == expectedLength, text.hasPrefix(prefix) else { return false }
        return text.utf8.dropFirst(prefix.utf8.count).allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }

    /// Whether the presented token `text` hashes to the stored `digest`, compared in constant
    /// time so the comparison leaks nothing about the stored value.
    public static func matches(_ text: String, digest stored: String) -> Bool {
        ByteEncoding.constantTimeEquals(Array(digest(of: text).utf8), Array(stored.utf8))
    }

    /// Whether a token expiring at `expiresAt` is still good at `now` (expiry is exclusive).
    public static func isLive(expiresAt: Timestamp, now: Timestamp) -> Bool {
        now < expiresAt
    }

    /// Redacted: the token text must never be logged.
    public var description: String { "AccessToken(digest: \(digest), expiresAt: \(expiresAt))" }
}
