/// A signed note split into its text and signature lines, before any signature is checked.
///
/// Layout (C2SP signed-note): the text, ending in a newline; a blank line; then one or more
/// lines `— <name> <base64(4-byte key ID || signature)>`, each ending in a newline. The text is
/// separated from the signatures by the *last* blank line, so texts may contain blank lines.
/// Parsing works on UTF-8 bytes, never on `Character`s, because Swift would merge "\r\n" into
/// one character and compare strings up to Unicode equivalence.
struct Note {
    /// One signature line, decoded.
    struct Signature {
        var name: String
        var keyID: UInt32
        /// The signature after the key ID (64 bytes for Ed25519; other types differ).
        var signature: [UInt8]
        /// The base64 field as written, to recognise byte-identical duplicates.
        var encoded: ArraySlice<UInt8>
    }

    /// The signed text, including its final newline, excluding the blank separator line.
    var text: ArraySlice<UInt8>
    var signatures: [Signature]

    /// More signature lines than this make the note malformed, bounding the work an
    /// attacker can ask of a verifier. The spec requires accepting at least 16; Go's
    /// `golang.org/x/mod/sumdb/note` allows 100, and so do we.
    static let maximumSignatureCount = 100

    /// "— " in UTF-8: em dash (U+2014), then a space.
    static let signaturePrefix: [UInt8] = [0xE2, 0x80, 0x94, 0x20]
    private static let newline = UInt8(ascii: "\n")

    /// Splits a signed note; throws if it is not well formed.
    static func parse(_ bytes: [UInt8]) throws(NoteError) -> Note {
        try checkCharacters(bytes)
        guard let split = lastBlankLine(in: bytes) else {
            throw NoteError(.malformedNote, "note has no blank line before its signatures")
        }
        let text = bytes[...split]
        let block = bytes[(split + 2)...]
        guard let last = block.last, last == newline else {
            throw NoteError(.malformedNote, "note must end with a signature line and a newline")
        }
        var signatures: [Signature] = []
        for line in block.dropLast().split(separator: newline, omittingEmptySubsequences: false) {
            guard signatures.count < maximumSignatureCount else {
                throw NoteError(.malformedNote, "note has more than \(maximumSignatureCount) signatures")
            }
            signatures.append(try parseSignature(line))
        }
        return Note(text: text, signatures: signatures)
    }

    /// A note text must be non-empty and end in a newline; the characters are checked too.
    static func checkText(_ bytes: [UInt8]) throws(NoteError) {
        guard bytes.last == newline else {
            throw NoteError(.malformedNote, "note text must be non-empty and end with a newline")
        }
        try checkCharacters(bytes)
    }

    /// `— <name> <base64(key ID || signature)>` and a newline.
    static func signatureLine(name: String, keyID: UInt32, signature: [UInt8]) -> String {
        "\u{2014} \(name) \(NoteBase64.encode(NoteKey.bytes(of: keyID) + signature))\n"
    }

    /// Valid UTF-8 and no ASCII control character but newline. In UTF-8 every byte below
    /// 0x20 is such a character (multi-byte sequences use only bytes from 0x80), so a byte
    /// scan suffices.
    private static func checkCharacters(_ bytes: [UInt8]) throws(NoteError) {
        if let bad = bytes.firstIndex(where: { $0 < 0x20 && $0 != newline }) {
            throw NoteError(.malformedNote, "note contains a control character at byte \(bad)")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw NoteError(.malformedNote, "note is not valid UTF-8")
        }
    }

    /// The index of the first newline of the last "\n\n".
    private static func lastBlankLine(in bytes: [UInt8]) -> Int? {
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == newline && bytes[i + 1] == newline { return i }
            i -= 1
        }
        return nil
    }

    private static func parseSignature(_ line: ArraySlice<UInt8>) throws(NoteError) -> Signature {
        guard line.starts(with: signaturePrefix) else {
            throw NoteError(.malformedSignature, "signature line does not start with an em dash and a space")
        }
        let rest = line.dropFirst(signaturePrefix.count)
        // The name ends at the first space; a second space would land in the base64 and fail.
        guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else {
            throw NoteError(.malformedSignature, "signature line has no space after the key name")
        }
        let encoded = rest[(space + 1)...]
        guard let name = String(validating: rest[..<space], as: UTF8.self), NoteKey.isValidName(name) else {
            throw NoteError(.malformedSignature, "signature line has an invalid key name")
        }
        // At least the key ID and one byte of signature, as every implementation requires.
        guard !encoded.isEmpty, let raw = NoteBase64.decode(encoded), raw.count > 4 else {
            throw NoteError(.malformedSignature, "signature is not base64 of a key ID and a signature")
        }
        let keyID = raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Signature(name: name, keyID: keyID, signature: Array(raw.dropFirst(4)), encoded: encoded)
    }
}
