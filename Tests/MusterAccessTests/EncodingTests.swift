import Testing

@testable import MusterAccess

struct EncodingTests {
    /// RFC 4648 §10 vectors, padding removed.
    @Test(arguments: [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI"),
    ])
    func base32Vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded + String(repeating: "=", count: (8 - encoded.count % 8) % 8)) == Array(plain.utf8))
    }

    @Test(arguments: ["A", "MZX", "MZXW6Y", "MZ", "M1", "MY=A", "MY!"])
    func base32RejectsInvalid(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    /// RFC 4648 §10 base64 vectors, in the URL alphabet without padding.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func base64URLVectors(plain: String, encoded: String) {
        #expect(ByteEncoding.base64URL(Array(plain.utf8)) == encoded)
    }

    @Test func base64URLUsesTheURLAlphabet() {
        #expect(ByteEncoding.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(ByteEncoding.hex([0x00, 0xAB, 0xFF]) == "00abff")
    }

    @Test func constantTimeEquals() {
        #expect(ByteEncoding.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!ByteEncoding.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!ByteEncoding.constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(ByteEncoding.constantTimeEquals([UInt8](), []))
    }
}
