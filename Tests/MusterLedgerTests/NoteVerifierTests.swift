import Testing

@testable import MusterLedger

/// Verification of published notes, and of the ways a note can be wrong.
struct NoteVerifierTests {
    static let peter = try! NoteVerifier(verifierKey: NoteVectors.peterVerifierKey)
    static let enoch = try! NoteVerifier(verifierKey: NoteVectors.enochVerifierKey)
    static let quote = NoteVectors.quote
    static let peterSig = NoteVectors.peterSigLine
    static let enochSig = NoteVectors.enochSigLine

    @Test func acceptsGoSignedNote() throws {
        #expect(try Self.peter.verify(NoteVectors.peterSignedQuote) == Self.quote)
        #expect(try Self.peter.verify(Array(NoteVectors.peterSignedQuote.utf8)) == Self.quote)
    }

    @Test func acceptsC2SPExampleNote() throws {
        let verifier = try NoteVerifier(verifierKey: NoteVectors.fooVerifierKey)
        #expect(try verifier.verify(NoteVectors.fooSignedNote) == "This is an example message.\n")
    }

    /// Go's TestOpen: with two signatures, each key finds its own and ignores the other.
    @Test func ignoresSignaturesFromOtherKeys() throws {
        let both = Self.quote + "\n" + Self.peterSig + Self.enochSig
        #expect(try Self.peter.verify(both) == Self.quote)
        #expect(try Self.enoch.verify(both) == Self.quote)
        // A witness cosignature (another signature type, 72 bytes) is just another unknown key.
        #expect(try Self.peter.verify(Self.quote + "\n" + NoteVectors.witnessSigLine + Self.peterSig) == Self.quote)
    }

    @Test func refusesNoteWithoutSignatureFromTheKey() throws {
        #expect(noteErrorCode { try Self.enoch.verify(NoteVectors.peterSignedQuote) } == .unknownKey)
        let foo = try NoteVerifier(verifierKey: NoteVectors.fooVerifierKey)
        #expect(noteErrorCode { try foo.verify(NoteVectors.peterSignedQuote) } == .unknownKey)
        // Same name, other key ID; same key ID, other name: both are other keys, so ignored.
        let wrongID = Self.peterSig.byteReplacing("x08g", "xxxx")
        let wrongName = Self.peterSig.byteReplacing("PeterNeumann", "CarmenSandiego")
        #expect(noteErrorCode { try Self.peter.verify(Self.quote + "\n" + wrongID) } == .unknownKey)
        #expect(noteErrorCode { try Self.peter.verify(Self.quote + "\n" + wrongName) } == .unknownKey)
    }

    /// Flipping any bit of the signature (after the key ID) must fail verification.
    @Test func refusesEveryBitFlipOfTheSignature() throws {
        let encoded = Array(Self.peterSig.utf8.dropFirst("— PeterNeumann ".utf8.count).dropLast())
        let raw = try #require(NoteBase64.decode(encoded))
        for index in 4..<raw.count {
            for bit in 0..<8 {
                var flipped = raw
                flipped[index] ^= 1 << bit
                let note = Self.quote + "\n— PeterNeumann \(NoteBase64.encode(flipped))\n"
                #expect(noteErrorCode { try Self.peter.verify(note) } == .invalidSignature)
            }
        }
        // A flip in the key ID makes it another key's signature: ignored, so none is left.
        var flipped = raw
        flipped[0] ^= 0x80
        #expect(
            noteErrorCode { try Self.peter.verify(Self.quote + "\n— PeterNeumann \(NoteBase64.encode(flipped))\n") }
                == .unknownKey)
    }

    @Test func refusesChangedText() {
        for changed in [
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is!\n",
            "if you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n",
            Self.quote + "PS\n", "\n" + Self.quote,
        ] {
            #expect(noteErrorCode { try Self.peter.verify(changed + "\n" + Self.peterSig) } == .invalidSignature)
        }
    }

    /// Go's TestOpen "Invalid signature": four base64 characters inserted into the signature.
    @Test func refusesSignatureWithInsertedBytes() {
        let note = Self.quote + "\n" + Self.peterSig
        let offset = Self.quote.utf8.count + 1 + 60
        #expect(
            noteErrorCode { try Self.peter.verify(spliced(note, at: offset, inserting: "ABCD")) } == .invalidSignature)
    }

    /// Go's TestOpen, "Invalid encoded message syntax", plus the line-syntax variants.
    @Test func refusesMalformedNotes() {
        let sig = String(Self.peterSig.dropLast())  // without its newline
        let malformed: [(String, NoteError.Code)] = [
            (Self.quote, .malformedNote),  // no signatures at all
            (Self.quote + "\n", .malformedNote),  // blank line, then nothing
            (Self.quote + "\n" + sig, .malformedNote),  // missing final newline
            ("\u{01}" + Self.quote + "\n" + Self.peterSig, .malformedNote),  // control character
            (Self.quote.byteReplacing(",\n", ",\r\n") + "\n" + Self.peterSig, .malformedNote),
            (Self.quote + "\t\n" + Self.peterSig, .malformedNote),
            (
                Self.quote + "\n"
                    + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                .malformedNote
            ),
            (Self.quote + "\n" + Self.peterSig + "Unexpected line.\n", .malformedSignature),
            (Self.quote + "\n" + Self.peterSig + "\n", .malformedNote),  // ends with a blank line
            (Self.quote + "\n" + sig.byteReplacing("— ", "- ") + "\n", .malformedSignature),  // hyphen
            (Self.quote + "\n" + sig.byteReplacing("— ", "\u{2013} ") + "\n", .malformedSignature),  // en dash
            (Self.quote + "\n" + sig.byteReplacing("— ", "—") + "\n", .malformedSignature),  // no space
            (Self.quote + "\n" + sig.byteReplacing("— ", " — ") + "\n", .malformedSignature),
            (
                Self.quote + "\n"
                    + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                .malformedSignature
            ),
            (
                Self.quote + "\n"
                    + "— a+b x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                .malformedSignature
            ),
            (
                Self.quote + "\n"
                    + "—  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                .malformedSignature
            ),
            (Self.quote + "\n" + "— PeterNeumann\n", .malformedSignature),  // no signature
            (Self.quote + "\n" + "— PeterNeumann \n", .malformedSignature),  // empty signature
            (Self.quote + "\n" + "— PeterNeumann not+base64!\n", .malformedSignature),  // not base64
            (Self.quote + "\n" + "— PeterNeumann x08gow==\n", .malformedSignature),  // key ID only
            (Self.quote + "\n" + sig + " \n", .malformedSignature),  // trailing space
            (Self.quote + "\n" + sig.byteReplacing("=", "") + "\n", .malformedSignature),  // unpadded
        ]
        for (note, code) in malformed {
            #expect(noteErrorCode { try Self.peter.verify(note) } == code, "\(note.debugDescription)")
        }
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array(NoteVectors.peterSignedQuote.utf8)
        bytes.insert(0xFF, at: 0)
        #expect(noteErrorCode { try Self.peter.verify(bytes) } == .malformedNote)
        bytes[0] = 0xC3  // a truncated two-byte sequence
        #expect(noteErrorCode { try Self.peter.verify(bytes) } == .malformedNote)
    }

    /// Go's TestOpen: repeated identical lines are fine; more than 100 lines are not.
    @Test func boundsAndDeduplicatesSignatures() throws {
        let repeated =
            Self.quote + "\n" + Self.peterSig + Self.peterSig + Self.enochSig + Self.enochSig
            + Self.enochSig.byteReplacing("5n2t", "5nABCD2t")
        #expect(try Self.peter.verify(repeated) == Self.quote)
        let hundred = String(repeating: Self.peterSig, count: NoteVerifier.maximumSignatureCount)
        #expect(try Self.peter.verify(Self.quote + "\n" + hundred) == Self.quote)
        #expect(noteErrorCode { try Self.peter.verify(Self.quote + "\n" + hundred + Self.peterSig) } == .malformedNote)
        let unknown = String(repeating: Self.enochSig, count: 101)
        #expect(noteErrorCode { try Self.peter.verify(Self.quote + "\n" + unknown) } == .malformedNote)
        // The spec requires accepting at least 16 signatures.
        #expect(NoteVerifier.maximumSignatureCount >= 16)
    }

    /// Every line under the trusted key is checked: a bad second signature is not hidden by a
    /// good first one (Go skips repeats by key without checking them; the spec says verify).
    @Test func refusesBadSignatureAfterAGoodOne() {
        let bad = Self.peterSig.byteReplacing("x08go/ZJ", "x08go/ZK")
        #expect(noteErrorCode { try Self.peter.verify(Self.quote + "\n" + Self.peterSig + bad) } == .invalidSignature)
        #expect(noteErrorCode { try Self.peter.verify(Self.quote + "\n" + bad + Self.peterSig) } == .invalidSignature)
    }

    @Test func errorsHaveStableCodesAndSafeMessages() {
        let error = NoteError(.invalidSignature, "signature by PeterNeumann+c74f20a3 does not verify")
        #expect(error.description == "invalid_signature: signature by PeterNeumann+c74f20a3 does not verify")
        #expect(
            NoteError.Code.allCases.map(\.rawValue) == [
                "malformed_note", "malformed_key", "malformed_signature", "unknown_key", "invalid_signature",
                "malformed_checkpoint", "wrong_origin", "signing_failed",
            ])
    }
}
