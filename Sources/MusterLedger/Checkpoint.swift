/// The note text of a transparency-log checkpoint, in the C2SP `tlog-checkpoint` format:
///
/// ```
/// <origin>
/// <tree size, decimal>
/// <root hash, base64>
/// [extension lines]
/// ```
///
/// each line ending in a newline. A value of this type is always well formed: both
/// initialisers check every rule, the fields cannot be changed afterwards, and ``body`` is
/// the exact text that is signed. Parsing is strict (canonical decimal and base64, a 32-byte
/// root hash), so a parsed checkpoint's ``body`` is byte for byte the text it came from.
///
/// Muster records the checkpoint time in an extension line; the content of extension lines
/// is left to callers, but they are kept in order and signed with the rest.
public struct Checkpoint: Sendable {
    /// The log's identity, e.g. `register.example.org/log`. Non-empty; any text on one line.
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 6962 Merkle tree root hash at ``size``.
    public let rootHash: EntryHash
    /// Optional lines after the root hash, each non-empty, in order, without newlines.
    public let extensions: [String]
    /// The note text: `origin\nsize\nbase64(rootHash)\n` then each extension line and `\n`.
    public let body: String

    /// A checkpoint from its parts; throws `malformedCheckpoint` if the origin is empty, or
    /// the origin or an extension line is empty where not allowed or contains a newline or
    /// other control character.
    public init(origin: String, size: UInt64, rootHash: EntryHash, extensions: [String] = []) throws(NoteError) {
        guard !origin.isEmpty, Self.isOneLine(origin) else {
            throw NoteError(.malformedCheckpoint, "origin must be a non-empty line without control characters")
        }
        guard extensions.allSatisfy({ !$0.isEmpty && Self.isOneLine($0) }) else {
            throw NoteError(.malformedCheckpoint, "extension lines must be non-empty, without control characters")
        }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
        var body = "\(origin)\n\(size)\n\(NoteBase64.encode(rootHash.bytes))\n"
        for line in extensions { body += line + "\n" }
        self.body = body
    }

    /// Parses a checkpoint note text strictly; throws `malformedCheckpoint` naming the rule.
    public init(body: String) throws(NoteError) {
        var lines = Array(body.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else {
            throw NoteError(.malformedCheckpoint, "checkpoint must end with a newline")
        }
        lines.removeLast()
        guard lines.count >= 3 else {
            throw NoteError(.malformedCheckpoint, "checkpoint needs origin, size and root hash lines")
        }
        guard let size = Self.parseSize(lines[1]) else {
            throw NoteError(.malformedCheckpoint, "tree size must be decimal without leading zeros or signs")
        }
        guard let raw = NoteBase64.decode(lines[2]), let rootHash = EntryHash(bytes: raw) else {
            throw NoteError(.malformedCheckpoint, "root hash must be standard base64 of 32 bytes")
        }
        // The remaining rules are checked by the memberwise initialiser, on the same strings.
        try self.init(
            origin: String(decoding: lines[0], as: UTF8.self), size: size, rootHash: rootHash,
            extensions: lines.dropFirst(3).map { String(decoding: $0, as: UTF8.self) })
    }

    /// No newline and no other ASCII control character (which a note may not contain).
    private static func isOneLine(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 }
    }

    /// ASCII digits only, "0" or no leading zero, and no overflow of `UInt64`.
    private static func parseSize(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        return ASCIIDecimal.value(digits)
    }
}

extension Checkpoint: Equatable {
    /// Equal when the bodies are the same bytes. (`String ==` compares up to Unicode
    /// equivalence, which would call two differently signed texts equal.)
    public static func == (lhs: Checkpoint, rhs: Checkpoint) -> Bool {
        lhs.body.utf8.elementsEqual(rhs.body.utf8)
    }
}
