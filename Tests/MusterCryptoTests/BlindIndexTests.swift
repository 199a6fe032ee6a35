import MusterTesting
import Testing
@testable import MusterCrypto

struct BlindIndexTests {
    /// RFC 4231 HMAC-SHA256 test cases whose data is text (cases 3 and 4 use non-UTF-8 bytes,
    /// which `digest(_:)` cannot take; case 5 checks a truncated output, which Muster never uses).
    static let rfc4231: [(name: String, key: [UInt8], data: String, mac: String)] = [
        (
            "RFC 4231 test case 1", [UInt8](repeating: 0x0b, count: 20), "Hi There",
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            "RFC 4231 test case 2", Array("Jefe".utf8), "what do ya want for nothing?",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            "RFC 4231 test case 6", [UInt8](repeating: 0xaa, count: 131),
            "Test Using Larger Than Block-Size Key - Hash Key First",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            "RFC 4231 test case 7", [UInt8](repeating: 0xaa, count: 131),
            "This is a test using a larger than block-size key and a larger than block-size data. "
                + "The key needs to be hashed before being used by the HMAC algorithm.",
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test(arguments: rfc4231)
    func hmacMatchesRFC4231(vector: (name: String, key: [UInt8], data: String, mac: String)) {
        let key = BlindIndexKey(rawKey: vector.key)
        #expect(hexString(key.digest(vector.data)) == vector.mac, "\(vector.name)")
        // The prepared HMAC state is copied, never consumed: a second digest is identical.
        #expect(hexString(key.digest(vector.data)) == vector.mac, "\(vector.name), second use")
    }

    @Test func reusingAKeyForOtherInputsDoesNotLeakState() {
        let key = BlindIndexKey(rawKey: Array("Jefe".utf8))
        _ = key.digest("something else entirely")
        _ = key.digest("")
        #expect(
            hexString(key.digest("what do ya want for nothing?"))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func emailDigestMatchesKnownAnswer() {
        // HMAC-SHA256(HKDF(00..1f, "muster", "muster/v1/blind-index/email"), "ada@example.org"),
        // computed independently: a change to derivation or digest breaks every stored index.
        let keys = BlindIndexKeys(master: countingMasterKey())
        #expect(
            hexString(keys.email.digest("ada@example.org"))
                == "fe6aa5d53789557c8e0a5f1fcdb70c3e40cb0febc1f10bdb6053ece8acfb395f")
    }

    @Test func sameInputGivesSameDigest() {
        let keys = BlindIndexKeys(master: .generate())
        let first = keys.email.digest("pking@hotmail.co.uk")
        #expect(first.count == 32)
        #expect(keys.email.digest("pking@hotmail.co.uk") == first)
        #expect(keys.email.digest("pking@hotmail.co.uk ") != first)
        #expect(keys.email.digest("Pking@hotmail.co.uk") != first)
    }

    @Test func eachKindOfValueHasItsOwnKey() {
        let keys = BlindIndexKeys(master: .generate())
        let text = "447946605397"
        let email = keys.email.digest(text)
        let phone = keys.phone.digest(text)
        let postcodeName = keys.postcodeAndLastName.digest(text)
        #expect(email != phone)
        #expect(email != postcodeName)
        #expect(phone != postcodeName)
    }

    @Test func differentMasterKeysGiveDifferentDigests() throws {
        let master = MasterKey.generate()
        let a = BlindIndexKeys(master: master)
        let b = BlindIndexKeys(master: .generate())
        let again = BlindIndexKeys(master: try MasterKey(rawBytes: master.rawBytes))
        for text in ["pking@hotmail.co.uk", "", "N72BJ|obriensmith"] {
            #expect(a.email.digest(text) != b.email.digest(text))
            #expect(a.phone.digest(text) != b.phone.digest(text))
            #expect(a.postcodeAndLastName.digest(text) != b.postcodeAndLastName.digest(text))
            #expect(a.email.digest(text) == again.email.digest(text))
        }
    }

    @Test func digestIsNotAPlainHashOfTheValue() {
        // SHA-256("") — a blind index must be keyed, so it never equals the unkeyed hash.
        let keys = BlindIndexKeys(master: .generate())
        #expect(
            hexString(keys.email.digest(""))
                != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func unicodeIsDigestedAsUTF8() {
        // "é" precomposed and decomposed are different byte strings: normalising is the caller's job.
        let keys = BlindIndexKeys(master: .generate())
        #expect(keys.email.digest("caf\u{E9}") != keys.email.digest("cafe\u{301}"))
        let key = BlindIndexKey(rawKey: Array("Jefe".utf8))
        #expect(key.digest("O’Brien") == key.digest(String(decoding: Array("O’Brien".utf8), as: UTF8.self)))
    }
}
