import Testing
@testable import MusterCore

struct TextTests {
    @Test(arguments: [
        ("", ""), ("a", "a"), ("a b", "a b"), ("  a  ", "a"), ("a  b", "a b"), ("a\tb", "a b"), ("a\nb", "a b"),
        ("a\r\nb", "a b"), ("a\u{00A0}b", "a b"), ("a \u{2003} b", "a b"), (" ", ""), ("\t\n", ""), ("a ", "a"),
        (" a", "a"), ("Siobhán Ó Briain", "Siobhán Ó Briain"), ("  O’Brien  -  Smith ", "O’Brien - Smith"),
        ("x\u{200B}y", "x\u{200B}y"),
    ])
    func tidy(input: String, expected: String) {
        #expect(Text.tidy(input) == expected)
        #expect(Text.tidy(expected) == expected, "tidy is idempotent")
    }

    @Test(arguments: [
        "pking@hotmail.co.uk", "freddie_murray191@gmail.com", "a@b.c", "a+tag@x.org", "first.last@sub.example.ac.uk",
        "o'brien@example.ie", String(repeating: "x", count: 64) + "@example.com",
    ])
    func looksLikeEmail(text: String) {
        #expect(Text.looksLikeEmail(text))
    }

    @Test(arguments: [
        "", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com", "a@.b.com", "a@b.com.", "a@b..com",
        "a b@c.com", "a@b .com", " a@b.com", "a@b.com ", "a,b@c.com", "a;b@c.com", "<a@b.com>", "a@b.com\n",
        String(repeating: "x", count: 65) + "@example.com",
    ])
    func doesNotLookLikeEmail(text: String) {
        #expect(!Text.looksLikeEmail(text))
    }

    @Test(arguments: [
        "07946 605397", "07946605397", "+44 7946 605397", "+44 (0)20 7946 0000", "020-7946-0000", "0044 7946 605397",
        "0123456789", "123456789012345",
    ])
    func looksLikePhone(text: String) {
        #expect(Text.looksLikePhone(text))
    }

    @Test(arguments: [
        "", "123456789", "1234567890123456", "0794660539a", "07946 605397 ext 2", "07946.605397", "07946/605397",
        "++", "０７９４６６０５３９７", "07946\t605397",
    ])
    func doesNotLookLikePhone(text: String) {
        #expect(!Text.looksLikePhone(text))
    }
}
