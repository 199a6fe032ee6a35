/// A cryptographic operation refused its input. Safe to show: it never carries key material or
/// plaintext.
public struct CryptoFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The ciphertext, its context or the key is wrong: it was tampered with or belongs elsewhere.
        case authenticationFailed = "authentication_failed"
        /// The bytes are not a ciphertext of a version this program reads.
        case malformedCiphertext = "malformed_ciphertext"
        case malformedKey = "malformed_key"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
