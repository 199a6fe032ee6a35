import Foundation
import MusterTesting
import Testing
@testable import MusterCrypto

struct SigningKeyTests {
    /// RFC 8032 section 7.1, Ed25519 TEST 1 and TEST 2.
    static let rfc8032: [(name: String, secret: String, publicKey: String, message: String, signature: String)] = [
        (
            "RFC 8032 TEST 1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        ),
        (
            "RFC 8032 TEST 2",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
    ]

    @Test(arguments: rfc8032)
    func secretKeyGivesThePublishedPublicKey(
        vector: (name: String, secret: String, publicKey: String, message: String, signature: String)
    ) throws {
        let key = try SigningKey(rawBytes: bytes(hex: vector.secret))
        #expect(hexString(key.publicKeyBytes) == vector.publicKey, "\(vector.name)")
        #expect(key.rawBytes == bytes(hex: vector.secret))
    }

    @Test(arguments: rfc8032)
    func signatureMatchesThePublishedSignature(
        vector: (name: String, secret: String, publicKey: String, message: String, signature: String)
    ) throws {
        let key = try SigningKey(rawBytes: bytes(hex: vector.secret))
        let message = bytes(hex: vector.message)
        let signature = key.sign(message)
        #expect(signature.count == 64)
        // The published signature verifies under the key on every platform.
        #expect(key.privateKey.publicKey.isValidSignature(bytes(hex: vector.signature), for: message), "\(vector.name)")
        #expect(key.privateKey.publicKey.isValidSignature(signature, for: message), "\(vector.name)")
        #if canImport(Darwin)
            // CryptoKit randomises Ed25519 signatures, so only verification is comparable there.
        #else
            // BoringSSL signs deterministically, as RFC 8032 specifies: the bytes must match exactly.
            #expect(hexString(signature) == vector.signature, "\(vector.name)")
        #endif
    }

    @Test(arguments: rfc8032)
    func tamperedSignaturesAndMessagesDoNotVerify(
        vector: (name: String, secret: String, publicKey: String, message: String, signature: String)
    ) throws {
        let publicKey = try SigningKey(rawBytes: bytes(hex: vector.secret)).privateKey.publicKey
        let message = bytes(hex: vector.message)
        let signature = bytes(hex: vector.signature)
        for bit in stride(from: 0, to: signature.count * 8, by: 7) {
            var tampered = signature
            tampered[bit / 8] ^= 1 << (bit % 8)
            #expect(!publicKey.isValidSignature(tampered, for: message), "\(vector.name) signature bit \(bit)")
        }
        #expect(!publicKey.isValidSignature(signature, for: message + [0]), "\(vector.name)")
        #expect(!publicKey.isValidSignature(Array(signature.dropLast()), for: message), "\(vector.name)")
        // Another key does not accept it either.
        #expect(!SigningKey.generate().privateKey.publicKey.isValidSignature(signature, for: message))
    }

    @Test func generatedKeysSignAndVerify() {
        let key = SigningKey.generate()
        let checkpoint = Array("muster.example.org/ledger\n42\nAAAA\n".utf8)
        let signature = key.sign(checkpoint)
        #expect(key.privateKey.publicKey.isValidSignature(signature, for: checkpoint))
        #expect(!key.privateKey.publicKey.isValidSignature(signature, for: Array(checkpoint.dropLast())))
        #expect(key.publicKeyBytes.count == 32)
        #expect(SigningKey.generate().publicKeyBytes != key.publicKeyBytes)
    }

    @Test func rawBytesRoundTrip() throws {
        let key = SigningKey.generate()
        #expect(key.rawBytes.count == 32)
        let loaded = try SigningKey(rawBytes: key.rawBytes)
        #expect(loaded.rawBytes == key.rawBytes)
        #expect(loaded.publicKeyBytes == key.publicKeyBytes)
        let message: [UInt8] = [1, 2, 3]
        #expect(loaded.privateKey.publicKey.isValidSignature(key.sign(message), for: message))
        #expect(key.privateKey.publicKey.isValidSignature(loaded.sign(message), for: message))
    }

    @Test(arguments: [0, 31, 33, 64])
    func initRefusesWrongLengths(length: Int) {
        #expect(cryptoFailureCode { try SigningKey(rawBytes: [UInt8](repeating: 1, count: length)) } == .malformedKey)
    }
}
