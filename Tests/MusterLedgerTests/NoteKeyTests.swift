import Testing

@testable import MusterLedger

/// Key names, key IDs and verifier key strings.
struct NoteKeyTests {
    @Test(arguments: ["PeterNeumann", "example.com/foo", "sum.golang.org", "Señor-1", "a"])
    func acceptsNames(name: String) {
        #expect(NoteKey.isValidName(name))
    }

    @Test(arguments: [
        "", "Bad Name", "a+b", "tab\there", "new\nline", "nbsp\u{00A0}", "ideographic\u{3000}space",
        "nel\u{0085}", "em\u{2003}space", "ctl\u{01}",
    ])
    func refusesNames(name: String) {
        #expect(!NoteKey.isValidName(name))
    }

    @Test func keyIDIsSHA256OfNameNewlineTypeAndKey() throws {
        let verifier = try NoteVerifier(verifierKey: NoteVectors.peterVerifierKey)
        #expect(verifier.name == "PeterNeumann")
        #expect(verifier.keyID == 0xc74f_20a3)
        let digest = EntryHash.of(Array("PeterNeumann".utf8) + [0x0A, 0x01] + verifier.publicKey).bytes
        #expect(Array(digest.prefix(4)) == [0xc7, 0x4f, 0x20, 0xa3])
    }

    @Test(arguments: [
        NoteVectors.peterVerifierKey, NoteVectors.enochVerifierKey, NoteVectors.fooVerifierKey,
        NoteVectors.sumdbVerifierKey, NoteVectors.logVerifierKey,
    ])
    func parsesPublishedVerifierKeysAndPrintsThemBack(key: String) throws {
        let verifier = try NoteVerifier(verifierKey: key)
        #expect(verifier.verifierKey == key)
        #expect(verifier.publicKey.count == 32)
        let rebuilt = try NoteVerifier(name: verifier.name, publicKey: verifier.publicKey)
        #expect(rebuilt.keyID == verifier.keyID)
        #expect(rebuilt.verifierKey == key)
    }

    /// As golang/mod's TestNewVerifier: every proper substring and every single-byte change
    /// of a valid verifier key must be refused.
    @Test func refusesEveryManglingOfAVerifierKey() {
        let key = Array(NoteVectors.peterVerifierKey.utf8)
        for i in 0...key.count {
            for j in (i + 1)..<(key.count + 1) where !(i == 0 && j == key.count) {
                let part = String(decoding: key[i..<j], as: UTF8.self)
                #expect(noteErrorCode { try NoteVerifier(verifierKey: part) } == .malformedKey, "\(part)")
            }
        }
        for i in key.indices {
            var changed = key
            changed[i] &+= 1
            let text = String(decoding: changed, as: UTF8.self)
            #expect(noteErrorCode { try NoteVerifier(verifierKey: text) } == .malformedKey, "\(text)")
        }
    }

    @Test(arguments: [
        // From golang/mod TestNewVerifier: wrong key length and unknown algorithm, hashes adjusted.
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        // Upper-case key ID: Go accepts it, Muster reads only the canonical lower-case form.
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3",
        "PeterNeumann+c74f20a3+",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+0xc74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann c74f20a3 ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "",
    ])
    func refusesMalformedVerifierKeys(key: String) {
        #expect(noteErrorCode { try NoteVerifier(verifierKey: key) } == .malformedKey)
    }

    @Test func refusesRawKeysOfTheWrongShape() {
        #expect(
            noteErrorCode { try NoteVerifier(name: "x", publicKey: [UInt8](repeating: 1, count: 31)) } == .malformedKey)
        #expect(
            noteErrorCode { try NoteVerifier(name: "x y", publicKey: [UInt8](repeating: 1, count: 32)) }
                == .malformedKey)
    }
}
