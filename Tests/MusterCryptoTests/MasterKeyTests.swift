import MusterTesting
import Testing
@testable import MusterCrypto

struct MasterKeyTests {
    static let purposes: [KeyPurpose] = [
        .dataKeyWrapping, .blindIndexEmail, .blindIndexPhone, .blindIndexPostcodeName, .keyStoreSnapshot, .registerSnapshot, .fingerprint,
    ]

    @Test(arguments: purposes)
    func deriveIsDeterministicPerPurpose(purpose: KeyPurpose) throws {
        let master = MasterKey.generate()
        let first = raw(purpose, of: master)
        #expect(first.count == 32)
        #expect(raw(purpose, of: master) == first)
        // The same bytes loaded again derive the same key.
        #expect(raw(purpose, of: try MasterKey(rawBytes: master.rawBytes)) == first)
    }

    @Test func everyPurposeDerivesADifferentKey() {
        let master = MasterKey.generate()
        let derived = Self.purposes.map { raw($0, of: master) }
        #expect(Set(derived).count == Self.purposes.count)
        // And none of them is the master key itself.
        #expect(!derived.contains(master.rawBytes))
    }

    @Test func differentMasterKeysDeriveDifferentKeys() {
        let a = MasterKey.generate()
        let b = MasterKey.generate()
        for purpose in Self.purposes {
            #expect(raw(purpose, of: a) != raw(purpose, of: b), "\(purpose)")
        }
    }

    @Test func purposeLabelsNeverChange() {
        // The labels are part of every derivation: changing one orphans every key wrapped with it.
        #expect(KeyPurpose.dataKeyWrapping.rawValue == "muster/v1/data-key-wrapping")
        #expect(KeyPurpose.blindIndexEmail.rawValue == "muster/v1/blind-index/email")
        #expect(KeyPurpose.blindIndexPhone.rawValue == "muster/v1/blind-index/phone")
        #expect(KeyPurpose.blindIndexPostcodeName.rawValue == "muster/v1/blind-index/postcode-last-name")
        #expect(KeyPurpose.keyStoreSnapshot.rawValue == "muster/v1/key-store-snapshot")
        #expect(KeyPurpose.fingerprint.rawValue == "muster/v1/fingerprint")
    }

    /// HKDF-SHA256(ikm = 00..1f, salt = "muster", info = label, L = 32), computed independently
    /// (Python `hmac`, an HKDF checked against RFC 5869 test case 1). Pins salt, labels and length.
    @Test(arguments: [
        (KeyPurpose.dataKeyWrapping, "ce9dea0e43b76271d389551835c648d9011b0bd5a309c731dc66540b5e8ccbc3"),
        (KeyPurpose.blindIndexEmail, "39edef71f0eafcdb484aca5ff53b06e22dbfe743d3670a5f77bc05f1dd9d67ad"),
        (KeyPurpose.fingerprint, "fcb490824f6d899c681433a1941de6d3133647054e69fa1247c3f5e1f7a3731d"),
    ])
    func derivationMatchesKnownAnswers(purpose: KeyPurpose, expected: String) {
        #expect(hexString(raw(purpose, of: countingMasterKey())) == expected)
    }

    @Test func fingerprintMatchesKnownAnswer() {
        // First 16 bytes of SHA-256 of the derived fingerprint key, in hex.
        #expect(countingMasterKey().fingerprint == "fc3837c4c4c58a743f48efc0a411235e")
    }

    @Test func fingerprintIsStableAndDistinguishesKeys() throws {
        let master = MasterKey.generate()
        let fingerprint = master.fingerprint
        #expect(master.fingerprint == fingerprint)
        #expect(try MasterKey(rawBytes: master.rawBytes).fingerprint == fingerprint)
        #expect(MasterKey.generate().fingerprint != fingerprint)
    }

    @Test func fingerprintIs32LowerCaseHexCharacters() {
        for _ in 0..<20 {
            let fingerprint = MasterKey.generate().fingerprint
            #expect(fingerprint.count == 32)
            #expect(fingerprint.allSatisfy { "0123456789abcdef".contains($0) }, "\(fingerprint)")
        }
    }

    @Test func fingerprintRevealsNoKeyBytes() {
        let master = countingMasterKey()
        #expect(!master.fingerprint.contains(hexString(master.rawBytes.prefix(4))))
    }

    @Test func rawBytesRoundTrip() throws {
        let bytes = (0..<32).map { UInt8(255 - $0) }
        let master = try MasterKey(rawBytes: bytes)
        #expect(master.rawBytes == bytes)
        let generated = MasterKey.generate()
        #expect(generated.rawBytes.count == 32)
        #expect(generated.rawBytes != MasterKey.generate().rawBytes)
    }

    @Test(arguments: [0, 1, 16, 31, 33, 64])
    func initRefusesWrongLengths(length: Int) {
        let bytes = [UInt8](repeating: 0x42, count: length)
        #expect(cryptoFailureCode { try MasterKey(rawBytes: bytes) } == .malformedKey)
    }
}
