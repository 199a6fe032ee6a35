public import MusterCore

/// A staff member's TOTP (RFC 6238) shared secret: 20 random bytes, HMAC-SHA-1, 6 digits,
/// 30-second steps — the parameters every authenticator app supports.
///
/// Store ``base32`` encrypted (it is a credential); show it, or ``otpauthURI(issuer:account:)``
/// as a QR code, once at enrolment. The description is redacted so the secret never reaches a log.
public struct TOTPSecret: Sendable, CustomStringConvertible {
    /// Seconds per time step.
    public static let period: Int64 = 30
    /// Digits in a code.
    public static let digits = 6
    /// The size of a generated secret: 160 bits, the HMAC-SHA-1 output size RFC 4226 recommends.
    public static let generatedByteCount = 20
    /// The shortest secret accepted: RFC 4226 §4 requires at least 128 bits.
    public static let minimumByteCount = 16

    /// The raw secret, for sealing at rest (never log or print it; ``base32`` is for enrolment).
    public let bytes: [UInt8]

    /// A fresh random secret from the system's CSPRNG.
    public static func generate() -> TOTPSecret {
        var generator = SystemRandomNumberGenerator()
        return TOTPSecret(uncheckedBytes: (0..<generatedByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// A secret from raw bytes (at least ``minimumByteCount``).
    public init(bytes: [UInt8]) throws(AccessError) {
        guard bytes.count >= Self.minimumByteCount else {
            throw AccessError(.malformedSecret, "A TOTP secret must be at least \(Self.minimumByteCount) bytes.")
        }
        self.bytes = bytes
    }

    /// A secret from its base32 text (any case; spaces and padding ignored).
    public init(base32: String) throws(AccessError) {
        guard let bytes = Base32.decode(base32) else {
            throw AccessError(.malformedSecret, "A TOTP secret must be base32 text.")
        }
        try self.init(bytes: bytes)
    }

    private init(uncheckedBytes: [UInt8]) {
        self.bytes = uncheckedBytes
    }

    /// The secret as unpadded uppercase base32, as authenticator apps take it.
    public var base32: String { Base32.encode(bytes) }

    /// Redacted: a secret must never be logged.
    public var description: String { "TOTPSecret(redacted)" }

    /// The time step `time` falls in, or `nil` before 1970.
    public static func step(at time: Timestamp) -> UInt64? {
        time.secondsSinceEpoch >= 0 ? UInt64(time.secondsSinceEpoch / period) : nil
    }

    /// The code for time step `step` (HOTP with the step as counter); `digits` is 6 to 8.
    public func code(step: UInt64, digits: Int = TOTPSecret.digits) -> String {
        HOTP.code(key: bytes, counter: step, digits: digits)
    }

    /// The code an authenticator shows at `time` (`nil` before 1970); `digits` is 6 to 8.
    public func code(at time: Timestamp, digits: Int = TOTPSecret.digits) -> String? {
        Self.step(at: time).map { code(step: $0, digits: digits) }
    }
}
