import Crypto

/// HOTP (RFC 4226) on swift-crypto's HMAC-SHA-1, the basis of TOTP (RFC 6238).
///
/// Written here rather than taken from hummingbird-auth's `HummingbirdOTP` because that product
/// depends on `HummingbirdAuth` and so on the whole Hummingbird server (NIO, HTTP types, service
/// lifecycle), which this pure module must not import; and because its key is a `String` (the
/// HMAC key is the string's UTF-8), which cannot hold 20 random bytes. The algorithm itself is
/// the short, well-specified part; the HMAC comes from swift-crypto.
enum HOTP {
    /// The `digits`-digit code for `counter`, zero-padded.
    static func code(key: [UInt8], counter: UInt64, digits: Int) -> String {
        precondition((6...8).contains(digits), "HOTP codes have 6 to 8 digits")
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[index] = UInt8(truncatingIfNeeded: counter >> UInt64(56 - 8 * index)) }
        // SHA-1 is what every authenticator app implements; HMAC-SHA-1 is not weakened by SHA-1
        // collisions, which is why RFC 6238 still defaults to it.
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        // Dynamic truncation (RFC 4226 §5.3): 31 bits starting at the offset in the last nibble.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
