import Testing

@testable import MusterLedger

/// An entry's fields read in place from its bytes are the decoded entry's, and bytes that do
/// not decode are refused as ``LedgerEntry/init(encoded:)`` refuses them.
struct EntryFieldsTests {
    /// The fields as plain values, to compare.
    struct Plain: Equatable {
        var sequence: UInt64
        var time: Int64
        var kind: EntryKind
        var subject: [UInt8]?
        var payload: [UInt8]

        init(_ fields: EntryFields) {
            (sequence, time, kind) = (fields.sequence, fields.time, fields.kind)
            (subject, payload) = (fields.subject.map { Array($0) }, Array(fields.payload))
        }
    }

    @Test(arguments: LedgerEntryEncodingTests.roundTripCases)
    func inPlaceFieldsAreTheDecodedEntrys(entry: LedgerEntry) throws {
        let encoded = entry.encoded
        let inPlace = try encoded.withUnsafeBytes { raw in try LedgerEntry.withFields(in: raw, Plain.init) }
        let decoded = entry.withFields(Plain.init)
        #expect(inPlace == decoded)
        #expect(inPlace == Plain(sequence: entry.sequence, time: entry.time, kind: entry.kind, subject: entry.subject?.bytes, payload: entry.payload))
        #expect(entry.withFields { $0.subjectID } == entry.subject)
        #expect(entry.withFields { $0.subjectWords.map { [$0.0, $0.1] } } == entry.subject.map { [$0.words.0, $0.words.1] })
    }

    @Test(arguments: [LedgerEntryDecodingTests.valid, LedgerEntryDecodingTests.validWithoutSubject])
    func badBytesAreRefusedAsDecodingRefusesThem(entry: [UInt8]) {
        var damaged: [[UInt8]] = (0..<entry.count).map { Array(entry[..<$0]) }  // every truncation
        damaged.append(entry + [0])  // trailing bytes
        for offset in [0, LedgerEntryDecodingTests.kindOffset, LedgerEntryDecodingTests.subjectFlagOffset] {
            var copy = entry
            copy[offset] = 0xFF
            damaged.append(copy)
        }
        for bytes in damaged {
            let decoding = ledgerError { try LedgerEntry(encoded: bytes) }
            let inPlace = ledgerError { try bytes.withUnsafeBytes { raw in try LedgerEntry.withFields(in: raw) { _ in } } }
            #expect(decoding != nil && inPlace?.code == decoding?.code, "\(bytes.count) bytes: \(String(describing: inPlace)) / \(String(describing: decoding))")
        }
    }
}

extension EntryFieldsTests.Plain {
    init(sequence: UInt64, time: Int64, kind: EntryKind, subject: [UInt8]?, payload: [UInt8]) {
        (self.sequence, self.time, self.kind, self.subject, self.payload) = (sequence, time, kind, subject, payload)
    }
}
