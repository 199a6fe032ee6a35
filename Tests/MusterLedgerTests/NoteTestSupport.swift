import Testing

@testable import MusterLedger

/// The code a throwing note or checkpoint call fails with, or `nil` when it succeeds.
func noteErrorCode<T>(_ body: () throws -> T) -> NoteError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as NoteError {
        return error.code
    } catch {
        Issue.record("expected a NoteError, got \(error)")
        return nil
    }
}

/// Published signed-note and checkpoint vectors, used as data only.
///
/// Sources (read at these commits):
/// - golang/mod `sumdb/note/note_test.go` and the package doc in `sumdb/note/note.go`
///   (commit fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db): PeterNeumann and EnochRoot keys,
///   the quote, its signed form.
/// - C2SP/C2SP `signed-note.md` and `tlog-checkpoint.md`, `tlog-cosignature.md`
///   (commit 5ba5ee830903e91240fc6f9f3a7a9293d49e69c9): the example.com/foo key and note,
///   the example.com/behind-the-sofa checkpoint and its witness cosignature line.
/// - transparency-dev/formats `log/note_test.go` and `log/checkpoint_test.go`
///   (commit 0b850f1a7b4a5b70deeacac6535e4b8023809d21): the sum.golang.org checkpoint and
///   verifier key, the "Log" key pair, checkpoint bodies valid and invalid.
enum NoteVectors {
    // golang/mod sumdb/note
    static let peterPrivateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let peterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let enochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let quote =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterSigLine =
        "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSigLine =
        "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
    /// The exact output of Go's `note.Sign` for ``quote`` with ``peterPrivateKey`` (TestSign).
    static let peterSignedQuote = quote + "\n" + peterSigLine

    // C2SP signed-note.md example
    static let fooVerifierKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
    static let fooSignedNote =
        "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"

    // C2SP tlog-checkpoint.md / tlog-cosignature.md example (no verifier key is published)
    static let sofaBody = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    static let sofaRootHex = "0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62"
    static let sofaSigLine =
        "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
    /// An Ed25519 cosignature (type 0x04: key ID, timestamp, signature) from a witness.
    static let witnessSigLine =
        "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n"

    // transparency-dev/formats log/note_test.go: a real sum.golang.org checkpoint
    static let sumdbVerifierKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"
    static let sumdbBody = "go.sum database tree\n6476701\nmb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"
    static let sumdbRootHex = "99bf102d022cd19d323f90acb6aea0ba3f3ba1759e0bd80433ca158a49a6f569"
    static let sumdbSigLine =
        "— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n"
    static let sumdbSignedCheckpoint = sumdbBody + "\n" + sumdbSigLine
    static let logPrivateKey = "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ"
    static let logVerifierKey = "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs"
}

/// A Go `note` private key string, `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>`,
/// decoded for tests only: Muster itself takes raw seeds and never reads this format.
struct GoPrivateKey {
    var name: String
    var keyIDHex: String
    var seed: [UInt8]

    init(_ text: String) {
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        precondition(parts.count == 5 && parts[0] == "PRIVATE" && parts[1] == "KEY", "not a Go private key")
        guard let raw = NoteBase64.decode(Array(parts[4].utf8)), raw.count == 33, raw[0] == 0x01 else {
            fatalError("bad Go private key in a test")
        }
        name = parts[2]
        keyIDHex = parts[3]
        seed = Array(raw.dropFirst())
    }

    func signer() throws -> NoteSigner { try NoteSigner(name: name, privateKeySeed: seed) }
}

/// `text` with its UTF-8 bytes from `offset` replaced by `insert` (offsets as Go slices them).
func spliced(_ text: String, at offset: Int, removing count: Int = 0, inserting insert: String = "") -> [UInt8] {
    var bytes = Array(text.utf8)
    bytes.replaceSubrange(offset..<(offset + count), with: Array(insert.utf8))
    return bytes
}

extension String {
    /// Every occurrence of `target` replaced, matching UTF-8 bytes (not `Character`s, which
    /// would treat "\r\n" as one character).
    func byteReplacing(_ target: String, _ replacement: String) -> String {
        var out: [UInt8] = []
        let source = Array(utf8)
        let pattern = Array(target.utf8)
        var i = 0
        while i < source.count {
            if i + pattern.count <= source.count && Array(source[i..<(i + pattern.count)]) == pattern {
                out += Array(replacement.utf8)
                i += pattern.count
            } else {
                out.append(source[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
