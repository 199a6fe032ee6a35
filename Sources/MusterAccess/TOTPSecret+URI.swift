extension TOTPSecret {
    /// The `otpauth://` URI authenticator apps read from a QR code (Google's Key Uri Format):
    /// `otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`,
    /// issuer and account percent-encoded.
    ///
    /// - Throws: ``AccessError/Code/invalidLabel`` if either is empty or contains a colon (the
    ///   label's separator, which apps would misread even when encoded).
    public func otpauthURI(issuer: String, account: String) throws(AccessError) -> String {
        for part in [issuer, account] where part.isEmpty || part.contains(":") {
            throw AccessError(.invalidLabel, "Issuer and account must be non-empty and contain no colon.")
        }
        let issuer = Self.percentEncode(issuer)
        let account = Self.percentEncode(account)
        return "otpauth://totp/\(issuer):\(account)?secret=\(base32)&issuer=\(issuer)"
            + "&algorithm=SHA1&digits=\(Self.digits)&period=\(Self.period)"
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, so the result is valid
    /// in both the path and the query (a space becomes `%20`, never `+`).
    static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
