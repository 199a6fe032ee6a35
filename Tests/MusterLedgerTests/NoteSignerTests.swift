import MusterTesting
import Testing

@testable import MusterLedger

/// Signing, checked byte for byte against golang.org/x/mod/sumdb/note.
struct NoteSignerTests {
    static let peter = GoPrivateKey(NoteVectors.peterPrivateKey)

    @Test func goPrivateKeyGivesGoVerifierKeyAndKeyID() throws {
        let signer = try Self.peter.signer()
        #expect(signer.name == "PeterNeumann")
        #expect(signer.keyID == 0xc74f_20a3)
        #expect(Hex.encode(NoteKey.bytes(of: signer.keyID)) == Self.peter.keyIDHex)
        #expect(signer.verifierKey == NoteVectors.peterVerifierKey)
        #expect(signer.verifier.verifierKey == NoteVectors.peterVerifierKey)
    }

    /// Go's TestSign: the same key and text give the same signed note. Ed25519 (RFC 8032) is
    /// deterministic, and BoringSSL follows it; CryptoKit on Apple platforms adds randomness
    /// to signatures, so there the output is checked by verifying it instead.
    @Test func signsTheQuoteExactlyAsGoDoes() throws {
        let signed = try Self.peter.signer().sign(NoteVectors.quote)
        #if canImport(Darwin)
            #expect(signed.hasPrefix(NoteVectors.quote + "\n— PeterNeumann x08go/"))
            #expect(try NoteVerifier(verifierKey: NoteVectors.peterVerifierKey).verify(signed) == NoteVectors.quote)
        #else
            #expect(Array(signed.utf8) == Array(NoteVectors.peterSignedQuote.utf8))
        #endif
    }

    @Test(arguments: [
        "",  // empty
        "abc",  // no final newline (Go: "Sign with short text")
        "line\r\n",  // carriage return
        "tab\there\n", "bell\u{07}\n", "nul\u{0}\n", "escape\u{1B}[0m\n",
    ])
    func refusesTextsThatAreNotNoteTexts(text: String) throws {
        let signer = try Self.peter.signer()
        #expect(noteErrorCode { try signer.sign(text) } == .malformedNote)
    }

    @Test(arguments: ["", "bad name", "a+b", "tab\t", "line\n", "nbsp\u{00A0}x"])
    func refusesInvalidKeyNames(name: String) {
        #expect(noteErrorCode { try NoteSigner(name: name, privateKeySeed: Self.peter.seed) } == .malformedKey)
    }

    @Test(arguments: [0, 31, 33, 64])
    func refusesSeedsOfTheWrongLength(count: Int) {
        let seed = [UInt8](repeating: 7, count: count)
        #expect(noteErrorCode { try NoteSigner(name: "muster", privateKeySeed: seed) } == .malformedKey)
    }

    @Test(arguments: ["register.example.org/log", "Señor-0", "x"])
    func ownKeysRoundTrip(name: String) throws {
        let seed = (0..<32).map { UInt8($0 &* 7 &+ UInt8(name.utf8.count)) }
        let signer = try NoteSigner(name: name, privateKeySeed: seed)
        // Key ID and verifier key text computed here from their definitions.
        let digest = EntryHash.of(Array(name.utf8) + [0x0A, 0x01] + signer.publicKey).bytes
        let keyID = digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(signer.keyID == keyID)
        #expect(
            signer.verifierKey
                == "\(name)+\(hexString(digest.prefix(4)))+\(NoteBase64.encode([0x01] + signer.publicKey))")
        let verifier = try NoteVerifier(verifierKey: signer.verifierKey)
        for text in ["hello\n", "a\n\nb\n", "ends with a blank line\n\n", "\n", "— looks like a signature\n"] {
            let signed = try signer.sign(text)
            #expect(signed.hasPrefix(text + "\n\u{2014} \(name) "))
            #expect(signed.hasSuffix("\n"))
            #expect(try verifier.verify(signed) == text)
        }
    }

    @Test func signatureLineIsKeyIDThenSixtyFourBytes() throws {
        let signer = try Self.peter.signer()
        let signed = try signer.sign("x\n")
        let encoded = try #require(signed.split(separator: " ").last).dropLast()  // drop "\n"
        let raw = try #require(NoteBase64.decode(Array(encoded.utf8)))
        #expect(raw.count == 68)
        #expect(Array(raw.prefix(4)) == [0xc7, 0x4f, 0x20, 0xa3])
    }

    @Test func descriptionAndDumpDoNotRevealTheKey() throws {
        let signer = try Self.peter.signer()
        #expect(signer.description == "NoteSigner(PeterNeumann+c74f20a3)")
        var dumped = ""
        dump(signer, to: &dumped)
        for text in [signer.description, signer.debugDescription, dumped, String(reflecting: signer)] {
            #expect(!text.contains(hexString(Self.peter.seed)))
            #expect(!text.contains("privateKey"))
        }
    }
}
