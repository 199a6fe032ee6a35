import MusterTesting
import Testing
@testable import MusterCrypto

struct DataKeyTests {
    static let owner: [UInt8] = bytes(hex: "00112233445566778899aabbccddeeff")
    static let otherOwner: [UInt8] = bytes(hex: "00112233445566778899aabbccddeefe")

    @Test(arguments: [0, 1, 10 * 1024])
    func sealThenOpenRoundTrips(length: Int) throws {
        let key = DataKey.generate()
        let plaintext = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let sealed = key.seal(plaintext, owner: Self.owner)
        #expect(sealed.count == plaintext.count + 29)
        #expect(sealed.count == plaintext.count + Sealing.overhead)
        #expect(sealed.first == Sealing.version)
        #expect(try key.open(sealed, owner: Self.owner) == plaintext)
    }

    @Test func sealingTheSameTextTwiceGivesDifferentCiphertext() throws {
        let key = DataKey.generate()
        let plaintext = Array("Siobhán O’Brien".utf8)
        let first = key.seal(plaintext, owner: Self.owner)
        let second = key.seal(plaintext, owner: Self.owner)
        #expect(first != second)
        // The random part is the nonce (bytes 1..<13): two seals must not share it.
        #expect(first[1..<13] != second[1..<13])
        #expect(try key.open(first, owner: Self.owner) == plaintext)
        #expect(try key.open(second, owner: Self.owner) == plaintext)
    }

    @Test func ciphertextDoesNotContainThePlaintext() {
        let key = DataKey.generate()
        let plaintext = Array("pking@hotmail.co.uk pking@hotmail.co.uk".utf8)
        let sealed = key.seal(plaintext, owner: Self.owner)
        let needle = Array(plaintext.prefix(8))
        let found = (0...(sealed.count - needle.count)).contains { Array(sealed[$0..<($0 + needle.count)]) == needle }
        #expect(!found)
    }

    @Test(arguments: [
        otherOwner, [], Array(owner.dropLast()), owner + [0], bytes(hex: "ffeeddccbbaa99887766554433221100"),
    ])
    func openingForAnotherOwnerFails(other: [UInt8]) {
        let key = DataKey.generate()
        let sealed = key.seal(Array("07946 605397".utf8), owner: Self.owner)
        #expect(cryptoFailureCode { try key.open(sealed, owner: other) } == .authenticationFailed)
    }

    @Test func emptyOwnerIsStillBound() throws {
        let key = DataKey.generate()
        let sealed = key.seal([1, 2, 3], owner: [])
        #expect(try key.open(sealed, owner: []) == [1, 2, 3])
        #expect(cryptoFailureCode { try key.open(sealed, owner: [0]) } == .authenticationFailed)
    }

    @Test func openingWithAnotherKeyFails() {
        let sealed = DataKey.generate().seal(Array("N7 2BJ".utf8), owner: Self.owner)
        #expect(cryptoFailureCode { try DataKey.generate().open(sealed, owner: Self.owner) } == .authenticationFailed)
    }

    @Test func everyTruncationFails() {
        let key = DataKey.generate()
        let sealed = key.seal(Array("112 Park Road".utf8), owner: Self.owner)
        for length in 0..<sealed.count {
            let code = cryptoFailureCode { try key.open(Array(sealed.prefix(length)), owner: Self.owner) }
            let expected: CryptoFailure.Code = length < Sealing.overhead ? .malformedCiphertext : .authenticationFailed
            #expect(code == expected, "truncated to \(length) bytes")
        }
    }

    @Test func appendedBytesFail() {
        let key = DataKey.generate()
        let sealed = key.seal([42], owner: Self.owner)
        #expect(cryptoFailureCode { try key.open(sealed + [0], owner: Self.owner) } == .authenticationFailed)
    }

    @Test(arguments: [0, 2, 0x80, 0xFF] as [UInt8])
    func aWrongVersionByteIsMalformed(version: UInt8) {
        let key = DataKey.generate()
        var sealed = key.seal(Array("ASLEF".utf8), owner: Self.owner)
        sealed[0] = version
        #expect(cryptoFailureCode { try key.open(sealed, owner: Self.owner) } == .malformedCiphertext)
    }

    /// Every single-bit change anywhere (version, nonce, ciphertext, tag) must be refused.
    @Test(arguments: [0, 3])
    func everySingleBitFlipFails(length: Int) {
        let key = DataKey.generate()
        let plaintext = [UInt8](repeating: 0x61, count: length)
        let sealed = key.seal(plaintext, owner: Self.owner)
        var refused = 0
        for bit in 0..<(sealed.count * 8) {
            var tampered = sealed
            tampered[bit / 8] ^= 1 << (bit % 8)
            let code = cryptoFailureCode { try key.open(tampered, owner: Self.owner) }
            // Flips in the version byte are caught by the version check, all others by the tag.
            let expected: CryptoFailure.Code = bit < 8 ? .malformedCiphertext : .authenticationFailed
            #expect(code == expected, "bit \(bit)")
            if code != nil { refused += 1 }
        }
        #expect(refused == sealed.count * 8)
    }

    @Test func failuresCarryNoPlaintextOrKey() {
        let key = DataKey.generate()
        let sealed = key.seal(Array("secret-canary".utf8), owner: Self.owner)
        do {
            _ = try key.open(sealed, owner: Self.otherOwner)
            Issue.record("opened for the wrong owner")
        } catch {
            #expect(!error.description.contains("secret-canary"))
            #expect(error.code.rawValue == "authentication_failed")
        }
    }
}
