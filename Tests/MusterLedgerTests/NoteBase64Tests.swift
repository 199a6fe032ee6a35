import Testing

@testable import MusterLedger

/// RFC 4648 §10 test vectors, and the non-canonical spellings the strict decoder refuses.
struct NoteBase64Tests {
    static let rfc4648: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: rfc4648)
    func encodesAndDecodesRFC4648Vectors(plain: String, encoded: String) {
        #expect(NoteBase64.encode(Array(plain.utf8)) == encoded)
        #expect(NoteBase64.decode(Array(encoded.utf8)) == Array(plain.utf8))
    }

    @Test func roundTripsEveryByteAndLength() {
        let all = (0...255).map { UInt8($0) }
        for length in 0...all.count {
            let bytes = Array(all.prefix(length))
            #expect(NoteBase64.decode(Array(NoteBase64.encode(bytes).utf8)) == bytes)
        }
    }

    @Test(arguments: [
        "Zg",  // padding missing
        "Zg=", "Z===", "====",  // wrong padding
        "Zg==Zg==",  // padding before the end
        "Zh==", "Zm9=",  // unused bits set: non-canonical spellings of "f" and "fo"
        "Zm9v ", " Zm9v", "Zm9\nv",  // white space
        "Zm-_",  // URL-safe alphabet
        "Zm9v\u{0}",
    ])
    func refusesNonCanonicalText(text: String) {
        #expect(NoteBase64.decode(Array(text.utf8)) == nil)
    }
}
