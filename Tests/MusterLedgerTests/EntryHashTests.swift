import MusterTesting
import Testing
@testable import MusterLedger

struct EntryHashTests {
    /// SHA-256 test vectors (FIPS 180-2 examples and the empty string).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesSHA256Vectors(text: String, expected: String) {
        let hash = EntryHash.of(Array(text.utf8))
        #expect(hexString(hash.bytes) == expected)
        #expect(hash.description == expected)
    }

    @Test func zeroIs32ZeroBytes() {
        #expect(EntryHash.zero.bytes == [UInt8](repeating: 0, count: 32))
        #expect(EntryHash.zero.description == String(repeating: "0", count: 64))
        #expect(ChainHead.empty.hash == .zero)
        #expect(ChainHead.empty.size == 0)
    }

    @Test(arguments: [0, 1, 31, 33, 64])
    func initRefusesWrongLengths(length: Int) {
        #expect(EntryHash(bytes: [UInt8](repeating: 1, count: length)) == nil)
    }

    @Test func initKeepsThirtyTwoBytes() {
        let raw = (0..<32).map { UInt8($0) }
        #expect(EntryHash(bytes: raw)?.bytes == raw)
        #expect(EntryHash(bytes: raw[...]) == EntryHash(bytes: raw))
        #expect(EntryHash(bytes: raw) != EntryHash(bytes: raw.reversed()))
    }
}
