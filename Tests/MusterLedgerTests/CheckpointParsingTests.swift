import MusterTesting
import Testing

@testable import MusterLedger

/// Parsing checkpoint bodies (C2SP tlog-checkpoint): published examples, valid and invalid.
struct CheckpointParsingTests {
    static let root = NoteVectors.sofaBody.split(separator: "\n")[2]  // a valid 32-byte root, base64

    @Test func parsesC2SPExample() throws {
        let checkpoint = try Checkpoint(body: NoteVectors.sofaBody)
        #expect(checkpoint.origin == "example.com/behind-the-sofa")
        #expect(checkpoint.size == 20_852_163)
        #expect(checkpoint.rootHash.bytes == bytes(hex: NoteVectors.sofaRootHex))
        #expect(checkpoint.extensions.isEmpty)
        #expect(checkpoint.body == NoteVectors.sofaBody)
    }

    @Test func parsesSumDBCheckpointWithSpacesInItsOrigin() throws {
        let checkpoint = try Checkpoint(body: NoteVectors.sumdbBody)
        #expect(checkpoint.origin == "go.sum database tree")
        #expect(checkpoint.size == 6_476_701)
        #expect(checkpoint.rootHash.bytes == bytes(hex: NoteVectors.sumdbRootHex))
    }

    /// transparency-dev/formats "valid with trailing data" and the Moon Log extension example,
    /// with a 32-byte root in place of their short test hashes: extension lines are kept.
    @Test(arguments: [
        ("Log\n9944\n\(root)\nHere's some associated data.\n", ["Here's some associated data."]),
        ("Log\n9944\n\(root)\nlots\nof\nlines\n", ["lots", "of", "lines"]),
        ("Moon Log\n4027504\n\(root)\n6086d1a9\nWaxing gibbous\n", ["6086d1a9", "Waxing gibbous"]),
        ("muster\n0\n\(root)\ntime 2026-01-02T03:04:05Z\n", ["time 2026-01-02T03:04:05Z"]),
    ])
    func keepsExtensionLines(body: String, extensions: [String]) throws {
        let checkpoint = try Checkpoint(body: body)
        #expect(checkpoint.extensions == extensions)
        #expect(checkpoint.body == body)
        #expect(
            try Checkpoint(
                origin: checkpoint.origin, size: checkpoint.size, rootHash: checkpoint.rootHash,
                extensions: extensions) == checkpoint)
    }

    @Test(arguments: ["0", "1", "9", "10", "18446744073709551615"])
    func parsesCanonicalSizes(size: String) throws {
        let checkpoint = try Checkpoint(body: "Log\n\(size)\n\(Self.root)\n")
        #expect(String(checkpoint.size) == size)
    }

    @Test(arguments: [
        // transparency-dev/formats TestUnmarshalLogState, wantErr cases
        "Head\n9944\n",  // insufficient lines
        "\n9944\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",  // empty origin
        "Log\n123\nYmFuYW5hcw==",  // missing newline on root hash
        "Log\nbananas\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",  // size not a number
        "Log\n-34\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",  // negative size
        "Log\n3438945738945739845734895735\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",  // too large
        "Log\n123\nThisIsn'tBase64\n",  // root hash not base64
        // Their valid cases have 7-, 37- and 16-byte hashes: not SHA-256 roots, so refused here.
        "Log\n123\nYmFuYW5hcw==\n",
        "Banana\n9944\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",
        "Moon Log\n4027504\naXQncyBhIHJvb3QgaGFzaA==\n6086d1a9\nWaxing gibbous\n",
        // Their "valid with trailing newlines": extension lines must be non-empty.
        "Log\n9944\n\(root)\n\n\n\n",
        "Log\n9944\n\(root)\next\n\n",
        // Missing lines and final newline
        "", "\n", "Log\n", "Log\n9944\n", "Log\n9944\n\(root)",
        // Sizes that are not canonical decimal
        "Log\n0123\n\(root)\n", "Log\n00\n\(root)\n", "Log\n+34\n\(root)\n", "Log\n\n\(root)\n",
        "Log\n18446744073709551616\n\(root)\n", "Log\n1_000\n\(root)\n", "Log\n0x10\n\(root)\n",
        "Log\n１２\n\(root)\n",  // full-width digits
        // Root hashes that are not canonical base64 of 32 bytes
        "Log\n1\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==\n",  // 31 bytes
        "Log\n1\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g\n",  // 33 bytes
        "Log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",  // unpadded
        "Log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",  // non-zero unused bits
        "Log\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n",  // URL-safe alphabet
        // Trailing white space and other line endings
        "Log\n123 \n\(root)\n", "Log\n 123\n\(root)\n", "Log\n123\n\(root) \n", "Log\n123\n\(root)\t\n",
        "Log\r\n123\r\n\(root)\r\n", "Log\n123\n\(root)\next\r\n",
        // Control characters in origin or extension lines
        "Lo\u{0}g\n1\n\(root)\n", "Log\n1\n\(root)\nt\u{1B}x\n",
    ])
    func refusesInvalidBodies(body: String) {
        #expect(noteErrorCode { try Checkpoint(body: body) } == .malformedCheckpoint, "\(body.debugDescription)")
    }

    @Test func buildsBodyFromParts() throws {
        let root = try #require(EntryHash(bytes: bytes(hex: NoteVectors.sofaRootHex)))
        let checkpoint = try Checkpoint(
            origin: "example.com/behind-the-sofa", size: 20_852_163, rootHash: root, extensions: ["a", "b c"])
        #expect(checkpoint.body == NoteVectors.sofaBody + "a\nb c\n")
        let empty = try Checkpoint(origin: "o", size: 0, rootHash: .zero)
        #expect(empty.body == "o\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
    }

    @Test func refusesPartsThatCannotBeOneLine() {
        #expect(noteErrorCode { try Checkpoint(origin: "", size: 1, rootHash: .zero) } == .malformedCheckpoint)
        #expect(noteErrorCode { try Checkpoint(origin: "a\nb", size: 1, rootHash: .zero) } == .malformedCheckpoint)
        #expect(
            noteErrorCode { try Checkpoint(origin: "a", size: 1, rootHash: .zero, extensions: [""]) }
                == .malformedCheckpoint)
        #expect(
            noteErrorCode { try Checkpoint(origin: "a", size: 1, rootHash: .zero, extensions: ["x\ny"]) }
                == .malformedCheckpoint)
        #expect(
            noteErrorCode { try Checkpoint(origin: "a", size: 1, rootHash: .zero, extensions: ["tab\t"]) }
                == .malformedCheckpoint)
    }

    /// Checkpoints compare as bytes: "é" precomposed and decomposed are equal `String`s but
    /// different signed texts.
    @Test func comparesBodiesAsBytes() throws {
        let composed = try Checkpoint(origin: "caf\u{E9}", size: 1, rootHash: .zero)
        let decomposed = try Checkpoint(origin: "cafe\u{301}", size: 1, rootHash: .zero)
        #expect(composed.origin == decomposed.origin)  // Swift's String equality
        #expect(composed != decomposed)
        #expect(composed == (try Checkpoint(body: composed.body)))
    }
}
