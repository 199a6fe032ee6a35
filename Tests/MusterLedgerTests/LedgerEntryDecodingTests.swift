import Testing
@testable import MusterLedger

/// Bytes that are not a valid version-1 entry are refused with `malformedEntry`, never misread.
struct LedgerEntryDecodingTests {
    static let valid = LedgerEntryEncodingTests.handBuilt.encoded
    static let validWithoutSubject = LedgerEntry(
        sequence: 9, time: 9, actor: "cli:ann", kind: .erase, subject: nil, payload: [1, 2, 3],
        previousHash: EntryHash.of([7])
    ).encoded

    /// Offsets in ``valid`` (see the layout in LedgerEntryEncodingTests).
    static let kindOffset = 17
    static let subjectFlagOffset = 18
    static let actorLengthOffset = 1 + 8 + 8 + 1 + 17 + 32

    func replacing(_ bytes: [UInt8], at offset: Int, with value: UInt8) -> [UInt8] {
        var copy = bytes
        copy[offset] = value
        return copy
    }

    @Test(arguments: [0, 2, 3, 0x7F, 0xFF] as [UInt8])
    func unknownVersionIsRejected(version: UInt8) {
        let error = ledgerError { try LedgerEntry(encoded: replacing(Self.valid, at: 0, with: version)) }
        #expect(error?.code == .malformedEntry)
        #expect(error?.message.contains("version") == true)
    }

    @Test(arguments: [0, 8, 9, 0x80, 0xFF] as [UInt8])
    func unknownKindIsRejected(kind: UInt8) {
        let error = ledgerError { try LedgerEntry(encoded: replacing(Self.valid, at: Self.kindOffset, with: kind)) }
        #expect(error?.code == .malformedEntry)
        #expect(error?.message.contains("kind") == true)
    }

    @Test(arguments: [2, 3, 0x10, 0xFF] as [UInt8])
    func badSubjectFlagIsRejected(flag: UInt8) {
        for entry in [Self.valid, Self.validWithoutSubject] {
            let error = ledgerError { try LedgerEntry(encoded: replacing(entry, at: Self.subjectFlagOffset, with: flag)) }
            #expect(error?.code == .malformedEntry)
            #expect(error?.message.contains("subject flag") == true)
        }
    }

    @Test func flippingTheSubjectFlagNeverParses() {
        // With the flag cleared, the subject bytes would be read as the hash and so on: the
        // lengths then no longer add up.
        #expect(ledgerErrorCode { try LedgerEntry(encoded: replacing(Self.valid, at: Self.subjectFlagOffset, with: 0)) }
            == .malformedEntry)
        #expect(
            ledgerErrorCode {
                try LedgerEntry(encoded: replacing(Self.validWithoutSubject, at: Self.subjectFlagOffset, with: 1))
            } == .malformedEntry)
    }

    @Test(arguments: [valid, validWithoutSubject, LedgerEntryEncodingTests.roundTripCases[3].encoded])
    func everyTruncationIsRejected(entry: [UInt8]) {
        for length in 0..<entry.count {
            #expect(
                ledgerErrorCode { try LedgerEntry(encoded: Array(entry.prefix(length))) } == .malformedEntry,
                "truncated to \(length) of \(entry.count) bytes")
        }
    }

    @Test(arguments: [[0], [0, 0, 0, 0], Array(valid)] as [[UInt8]])
    func trailingBytesAreRejected(extra: [UInt8]) {
        let error = ledgerError { try LedgerEntry(encoded: Self.valid + extra) }
        #expect(error?.code == .malformedEntry)
        #expect(error?.message.contains("trailing") == true)
    }

    /// The hand-built entry with its actor replaced by raw bytes.
    func withActor(_ actor: [UInt8]) -> [UInt8] {
        var out = Array(Self.valid[..<Self.actorLengthOffset])
        out += [UInt8(actor.count >> 8), UInt8(actor.count & 0xFF)] + actor
        out += [0, 0, 0, 4, 0xDE, 0xAD, 0xBE, 0xEF]
        return out
    }

    @Test func theActorSplicerReproducesAValidEntry() throws {
        #expect(withActor(Array("cli:ann".utf8)) == Self.valid)
        #expect(try LedgerEntry(encoded: withActor(Array("Ó".utf8))).actor == "Ó")
    }

    @Test(arguments: [
        [0xFF], [0xC3, 0x28], [0xC3], [0xE2, 0x9C], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0x80, 0x62],
        [0xF4, 0x90, 0x80, 0x80],
    ] as [[UInt8]])
    func invalidUTF8ActorIsRejected(actor: [UInt8]) {
        let error = ledgerError { try LedgerEntry(encoded: withActor(actor)) }
        #expect(error?.code == .malformedEntry)
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func lengthsLargerThanTheInputAreTruncationNotACrash() {
        var bigActor = Self.valid
        bigActor[Self.actorLengthOffset] = 0xFF
        bigActor[Self.actorLengthOffset + 1] = 0xFF
        #expect(ledgerErrorCode { try LedgerEntry(encoded: bigActor) } == .malformedEntry)

        var bigPayload = Self.valid
        let payloadLengthOffset = Self.actorLengthOffset + 2 + 7
        for i in 0..<4 { bigPayload[payloadLengthOffset + i] = 0xFF }
        #expect(ledgerErrorCode { try LedgerEntry(encoded: bigPayload) } == .malformedEntry)

        var shortPayload = Self.valid
        shortPayload[payloadLengthOffset + 3] = 3
        #expect(ledgerErrorCode { try LedgerEntry(encoded: shortPayload) } == .malformedEntry)
    }

    @Test func decodeErrorsCarryNoSequence() {
        // Sequence numbers are attached by the verifier, which knows where the bytes came from.
        #expect(ledgerError { try LedgerEntry(encoded: []) }?.sequence == nil)
    }
}
