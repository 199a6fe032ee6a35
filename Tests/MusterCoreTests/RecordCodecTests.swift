import Testing
@testable import MusterCore

struct RecordCodecTests {
    func roundTrip(_ record: PersonRecord) throws -> PersonRecord {
        let clear = RecordCodec.encode(record, fields: RecordCodec.clearFields)
        let identifying = RecordCodec.encode(record, fields: RecordCodec.identifyingFields)
        var back = PersonRecord.blank
        try RecordCodec.decode(clear, into: &back)
        try RecordCodec.decode(identifying, into: &back)
        return back
    }

    @Test func fullRecordRoundTrips() throws {
        let record = fullRecord()
        #expect(try roundTrip(record) == record)
    }

    @Test func recordsBuiltFromEveryCanonicalValueRoundTrip() throws {
        for (field, text) in PersonRecordFieldTests.canonical {
            var record = fullRecord()
            try record.set(field, text: text)
            #expect(try roundTrip(record) == record, "\(field) = \(text.prefix(20))")
        }
    }

    @Test func sparseRecordRoundTrips() throws {
        var record = PersonRecord.blank
        try record.set(.lastName, text: "King")
        #expect(try roundTrip(record) == record)
        #expect(RecordCodec.encode(record, fields: RecordCodec.identifyingFields) == [6, 4] + Array("King".utf8))
    }

    @Test func clearBytesHoldNothingIdentifying() {
        let record = fullRecord()
        let clear = RecordCodec.encode(record, fields: RecordCodec.clearFields)
        var reader = TLVReader(clear)
        var tags: [UInt8] = []
        while let (tag, _) = try! reader.next() { tags.append(tag) }
        #expect(tags.allSatisfy { Field(tag: $0)?.isIdentifying == false })
        for secret in ["Siobhán", "O’Brien", "pking@hotmail", "07946", "Park Road", "N7 2BJ", "1987-06-17", "AS00872248", "Rejoined"] {
            #expect(!contains(clear, Array(secret.utf8)), "\(secret)")
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test func emptyFieldsAreLeftOutAndBytesAreCanonical() throws {
        var record = fullRecord()
        record.identity.email = ""
        record.identity.title = ""
        record.membershipNumber = nil
        let identifying = RecordCodec.encode(record, fields: RecordCodec.identifyingFields)
        let clear = RecordCodec.encode(record, fields: RecordCodec.clearFields)
        var tags: [UInt8] = []
        var reader = TLVReader(identifying + clear)
        while let (tag, value) = try reader.next() {
            tags.append(tag)
            #expect(!value.isEmpty)
        }
        #expect(!tags.contains(Field.email.tag))
        #expect(!tags.contains(Field.title.tag))
        #expect(!tags.contains(Field.membershipNumber.tag))
        // The same record always gives the same bytes, and decoding then encoding changes nothing.
        let again = try roundTrip(record)
        #expect(RecordCodec.encode(again, fields: RecordCodec.identifyingFields) == identifying)
        #expect(RecordCodec.encode(again, fields: RecordCodec.clearFields) == clear)
    }

    @Test func encodesTheCSVText() {
        let bytes = RecordCodec.encode(fullRecord(), fields: [.duesAmount, .consentPhone, .dateOfBirth])
        #expect(bytes == [22, 4] + Array("4.50".utf8) + [26, 1] + Array("N".utf8) + [15, 10] + Array("1987-06-17".utf8))
    }

    @Test(arguments: [UInt8(0), 32, 33, 200, 255])
    func unknownTagsAreRefused(tag: UInt8) {
        var writer = TLVWriter()
        writer.append(Field.lastName.tag, text: "King")
        writer.append(tag, text: "x")
        var record = PersonRecord.blank
        #expect(throws: TLVError.self) { try RecordCodec.decode(writer.bytes, into: &record) }
    }

    @Test func invalidValuesAreRefused() {
        var writer = TLVWriter()
        writer.append(Field.category.tag, text: "bogus")
        var record = PersonRecord.blank
        #expect(throws: DomainError.self) { try RecordCodec.decode(writer.bytes, into: &record) }

        var email = TLVWriter()
        email.append(Field.email.tag, text: "canary@@x")
        do {
            try RecordCodec.decode(email.bytes, into: &record)
            Issue.record("a bad email decoded")
        } catch {
            #expect(!String(describing: error).contains("canary"))
        }
    }

    @Test func truncatedBytesAreRefused() {
        let bytes = RecordCodec.encode(fullRecord(), fields: RecordCodec.identifyingFields)
        var record = PersonRecord.blank
        #expect(throws: TLVError.self) { try RecordCodec.decode(Array(bytes.dropLast()), into: &record) }
    }

    @Test func encodingIsFastEnoughForBulkImport() {
        // Not a benchmark: a guard against accidental quadratic behaviour.
        let record = fullRecord()
        var total = 0
        for _ in 0..<2_000 {
            total &+= RecordCodec.encode(record, fields: RecordCodec.identifyingFields).count
        }
        #expect(total > 0)
    }
}
