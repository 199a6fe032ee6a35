import MusterTesting
import Testing

@testable import MusterLedger

/// Signed checkpoints: a real sum.golang.org checkpoint, and our own round trips.
struct CheckpointSigningTests {
    static let sumdb = try! NoteVerifier(verifierKey: NoteVectors.sumdbVerifierKey)
    static let root = EntryHash(bytes: bytes(hex: NoteVectors.sumdbRootHex))!

    @Test func verifiesSumDBCheckpoint() throws {
        let signed = try SignedCheckpoint.verify(NoteVectors.sumdbSignedCheckpoint, with: Self.sumdb)
        #expect(signed.checkpoint.origin == "go.sum database tree")
        #expect(signed.checkpoint.size == 6_476_701)
        #expect(signed.checkpoint.rootHash == Self.root)
        #expect(signed.text == NoteVectors.sumdbSignedCheckpoint)
        let checked = try SignedCheckpoint.verify(
            Array(NoteVectors.sumdbSignedCheckpoint.utf8), with: Self.sumdb, origin: "go.sum database tree")
        #expect(checked == signed)
    }

    @Test func refusesCheckpointFromAnotherOrigin() {
        #expect(
            noteErrorCode {
                try SignedCheckpoint.verify(
                    NoteVectors.sumdbSignedCheckpoint, with: Self.sumdb, origin: "sum.golang.org")
            } == .wrongOrigin)
    }

    @Test func refusesTamperedSumDBCheckpoint() {
        let tampered = NoteVectors.sumdbSignedCheckpoint.byteReplacing("6476701", "6476702")
        #expect(noteErrorCode { try SignedCheckpoint.verify(tampered, with: Self.sumdb) } == .invalidSignature)
    }

    @Test func refusesCheckpointWithoutOurSignature() throws {
        let peter = try NoteVerifier(verifierKey: NoteVectors.peterVerifierKey)
        let sofa = NoteVectors.sofaBody + "\n" + NoteVectors.sofaSigLine + NoteVectors.witnessSigLine
        #expect(noteErrorCode { try SignedCheckpoint.verify(sofa, with: peter) } == .unknownKey)
        #expect(
            noteErrorCode { try SignedCheckpoint.verify(NoteVectors.sumdbSignedCheckpoint, with: peter) } == .unknownKey
        )
    }

    /// A note that verifies but whose text is not a checkpoint (formats "bad body good sigs").
    @Test func refusesSignedNoteThatIsNotACheckpoint() throws {
        let peter = try NoteVerifier(verifierKey: NoteVectors.peterVerifierKey)
        #expect(
            noteErrorCode { try SignedCheckpoint.verify(NoteVectors.peterSignedQuote, with: peter) }
                == .malformedCheckpoint)
    }

    /// Signing with the Go "Log" key from transparency-dev/formats, extensions included.
    @Test func signsAndVerifiesWithExtensions() throws {
        let signer = try GoPrivateKey(NoteVectors.logPrivateKey).signer()
        #expect(signer.verifierKey == NoteVectors.logVerifierKey)
        let verifier = try NoteVerifier(verifierKey: NoteVectors.logVerifierKey)
        let checkpoint = try Checkpoint(
            origin: "Log", size: 42, rootHash: Self.root, extensions: ["time 1767322800000", "— not a signature"])
        let signed = try SignedCheckpoint.sign(checkpoint, with: signer)
        #expect(signed.checkpoint == checkpoint)
        #expect(signed.text.hasPrefix(checkpoint.body + "\n— Log "))
        let verified = try SignedCheckpoint.verify(signed.text, with: verifier, origin: "Log")
        #expect(verified == signed)
        #expect(verified.checkpoint.extensions == ["time 1767322800000", "— not a signature"])

        // The extension lines are signed: changing, dropping or adding one breaks the signature.
        for tampered in [
            signed.text.byteReplacing("time 1767322800000", "time 1767322800001"),
            signed.text.byteReplacing("time 1767322800000\n", ""),
            signed.text.byteReplacing("\n\n—", "\nextra\n\n—"),
        ] {
            #expect(noteErrorCode { try SignedCheckpoint.verify(tampered, with: verifier) } == .invalidSignature)
        }
    }

    @Test func ownKeyRoundTripAndWitnessLinesAreIgnored() throws {
        let signer = try NoteSigner(name: "register.example.org/log", privateKeySeed: (0..<32).map { UInt8($0) })
        let checkpoint = try Checkpoint(origin: signer.name, size: UInt64.max, rootHash: .zero)
        let signed = try SignedCheckpoint.sign(checkpoint, with: signer)
        let cosigned = signed.text + NoteVectors.witnessSigLine
        let verified = try SignedCheckpoint.verify(cosigned, with: signer.verifier, origin: signer.name)
        #expect(verified.checkpoint == checkpoint)
        #expect(verified.text == cosigned)
        let other = try NoteSigner(name: signer.name, privateKeySeed: (0..<32).map { UInt8(255 - $0) })
        #expect(noteErrorCode { try SignedCheckpoint.verify(signed.text, with: other.verifier) } == .unknownKey)
    }
}
