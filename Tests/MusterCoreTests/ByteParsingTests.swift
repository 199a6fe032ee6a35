import MusterDemo
import Testing

@testable import MusterCore

/// Decoders that hold bytes set fields and parse values without building a `String`; each
/// must give exactly what the text path gives (the same value, or the same error), whatever
/// the bytes, canonical or not, UTF-8 or not.
struct ByteParsingTests {
    /// Every text the field tests use, plus variants the shortcuts must not take.
    static let corpus: [String] = {
        var texts = PersonRecordFieldTests.canonical.map(\.1) + PersonRecordFieldTests.invalid.map(\.1)
        texts += [
            "", " ", "\t", "Y", "N", "y", "n", "yes", "YES", "1", "0", "Y ", " N", "YY", "0.00", "4.50", "4.5", "00.10",
            "1234567.99", "12345678.99", "99999999999999999999999", "1.2.3", "٣.00", "１.00", "4.50\u{0301}",
            "M1012345", "m1012345", "M1012345 ", "M101\u{00A0}2345", "2018-03-28", "2018-03-28 ", "2018-3-28",
            "２018-03-28", "2024-06-07T14:22:14Z", "2024-06-07T14:22:14.5Z", "2024-06-07T14:22:14.Z",
            "2024-06-07T14:22:14.123456789012345678901234567890Z", "2024-06-07T14:22:14z", "2024-06-07t14:22:14Z",
            "2024-02-30T10:00:00Z", "2024-06-07T14:60:00Z", "London", "London ", " London", "Greater  London",
            "Greater\tLondon", "Ynys Môn", "Ynys\u{00A0}Môn", "\u{0007}bell", "a\u{000B}b", String(repeating: "r", count: 100),
            String(repeating: "r", count: 100) + " ", String(repeating: "é", count: 60),
        ]
        for name in Category.allCases.map(\.rawValue) + Status.allCases.map(\.rawValue) + DuesFrequency.allCases.map(\.rawValue)
            + PaymentMethod.allCases.map(\.rawValue)
        {
            texts += [name, name.uppercased(), " \(name)", "\(name) ", name.capitalized, String(name.dropLast())]
        }
        return texts
    }()

    static let bases = [PersonRecord.blank, fullRecord()]

    static func viaText(_ base: PersonRecord, _ field: Field, _ bytes: [UInt8]) -> Result<PersonRecord, DomainError> {
        var record = base
        do throws(DomainError) {
            try record.set(field, text: String(decoding: bytes, as: UTF8.self))
            return .success(record)
        } catch {
            return .failure(error)
        }
    }

    static func viaBytes(_ base: PersonRecord, _ field: Field, _ bytes: [UInt8]) -> Result<PersonRecord, DomainError> {
        var record = base
        do throws(DomainError) {
            try bytes.withUnsafeBufferPointer { buffer throws(DomainError) in try record.set(field, utf8: buffer) }
            return .success(record)
        } catch {
            return .failure(error)
        }
    }

    static func expectAgreement(_ field: Field, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        for base in bases {
            #expect(viaBytes(base, field, bytes) == viaText(base, field, bytes), "\(field) \(bytes)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Field.allCases)
    func bytesAndTextAgreeOnTheCorpus(field: Field) {
        for text in Self.corpus { Self.expectAgreement(field, Array(text.utf8)) }
    }

    /// A value parsed from canonical bytes is held by a record exactly where setting it would
    /// change nothing (what `ledger verify` asks of a stored row instead of setting it), and a
    /// record's own value, as ``PersonRecord/withClearValue(of:_:)`` gives it, is held.
    @Test(arguments: RecordCodec.clearFields)
    func aClearValueIsHeldExactlyWhereSettingItChangesNothing(field: Field) throws {
        var taken = 0
        for text in Self.corpus {
            let bytes = Array(text.utf8)
            for base in Self.bases {
                try bytes.withUnsafeBufferPointer { buffer in
                    guard let value = ClearValue(field, canonical: buffer) else { return }
                    var set = base
                    try set.set(field, utf8: buffer)
                    #expect(set.holds(field, value), "\(field) \(text)")
                    #expect(base.holds(field, value) == (base.text(of: field) == set.text(of: field)), "\(field) \(text)")
                    #expect(set.withClearValue(of: field) { $0.map { set.holds(field, $0) } } == true)
                    taken += 1
                }
            }
        }
        #expect(taken > 0, "no canonical value of \(field) in the corpus")
    }

    @Test(arguments: Field.allCases)
    func bytesThatAreNotUTF8AgreeWithTheirDecodedText(field: Field) {
        for text in ["", "Y", "4.50", "member", "2018-03-28", "2024-06-07T14:22:14Z", "London", "M1012345"] {
            let bytes = Array(text.utf8)
            for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x82], [0x80], [0xED, 0xA0, 0x80]] {
                Self.expectAgreement(field, bytes + bad)
                Self.expectAgreement(field, bad + bytes)
                if bytes.count > 2 { Self.expectAgreement(field, Array(bytes[..<2]) + bad + Array(bytes[2...])) }
            }
        }
    }

    /// Random bytes from an alphabet that reaches every branch of the shortcuts.
    @Test(arguments: Field.allCases)
    func bytesAndTextAgreeOnRandomInput(field: Field) {
        var random = SplitMix64(state: UInt64(field.tag))
        let alphabet = Array("0123456789-:.TZYNyn MAaez_/\t".utf8) + [0x00, 0x7F, 0xA0, 0xC2, 0xFF]
        let lengths = [0, 1, 2, 4, 7, 10, 20, 21, 24]
        for _ in 0..<3000 {
            let length = lengths[Int(random.next() % UInt64(lengths.count))] + Int(random.next() % 2)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            Self.expectAgreement(field, bytes)
        }
        // Near-canonical values: one byte of a valid one changed.
        for text in ["2018-03-28", "2024-06-07T14:22:14Z", "1234567.99", "direct_debit", "M1012345"] {
            for index in 0..<text.utf8.count {
                for byte in alphabet {
                    var bytes = Array(text.utf8)
                    bytes[index] = byte
                    Self.expectAgreement(field, bytes)
                }
            }
        }
    }

    /// `Money.parse` as it was written on `String` before it was decided on bytes.
    static func referenceParse(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].count <= 7,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
            else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        return whole * 100 + fraction
    }

    @Test func moneyParsesAsItDidOnText() {
        for text in Self.corpus { #expect(Money.parse(pence: text) == Self.referenceParse(text), "\(text)") }
        var random = SplitMix64(state: 7)
        let alphabet = Array("0123456789.+-e ".utf8)
        for _ in 0..<20_000 {
            let bytes = (0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Money.parse(pence: text) == Self.referenceParse(text), "\(text)")
        }
    }
}
