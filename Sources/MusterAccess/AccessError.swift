/// An access-control input was refused: a password, a TOTP secret or an authenticator label.
///
/// The message is safe to show to the person at the keyboard and to log: it never repeats the
/// password, the secret or the token it refused.
public struct AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable reasons; the raw values are part of the API and never change.
    public enum Code: String, Sendable {
        /// The password is shorter than the policy's minimum.
        case passwordTooShort = "password_too_short"
        /// The password is longer than bcrypt can hash without silently truncating it.
        case passwordTooLong = "password_too_long"
        /// The password contains a character that cannot be hashed faithfully (NUL).
        case passwordInvalidCharacter = "password_invalid_character"
        /// A TOTP secret is not valid base32 or is too short to be safe.
        case malformedSecret = "malformed_secret"
        /// An issuer or account name cannot be put in an `otpauth://` label.
        case invalidLabel = "invalid_label"
    }

    /// Which rule refused the input.
    public var code: Code
    /// A human-readable explanation, free of secrets and personal data.
    public var message: String

    /// Creates an error with a stable code and a safe message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The safe message.
    public var description: String { message }
}
