import MusterTesting
import Testing
@testable import MusterLedger

struct LedgerEntryEncodingTests {
    /// The entry whose bytes are spelled out field by field in ``exactByteLayout()``.
    static let handBuilt = LedgerEntry(
        sequence: 258, time: 1_700_000_000_000, actor: "cli:ann", kind: .statusChange,
        subject: subject("000102030405060708090a0b0c0d0e0f"), payload: [0xDE, 0xAD, 0xBE, 0xEF],
        previousHash: EntryHash(bytes: [UInt8](repeating: 0xAB, count: 32))!)

    static let handBuiltHex =
        "01"  // version
        + "0000000000000102"  // sequence 258, u64 big-endian
        + "0000018bcfe56800"  // time 1_700_000_000_000 ms = 0x18BCFE56800, i64 big-endian
        + "03"  // kind: statusChange
        + "01" + "000102030405060708090a0b0c0d0e0f"  // subject present, 16 bytes
        + String(repeating: "ab", count: 32)  // previous hash
        + "0007" + "636c693a616e6e"  // actor: u16 length 7, "cli:ann"
        + "00000004" + "deadbeef"  // payload: u32 length 4, bytes

    @Test func exactByteLayout() throws {
        #expect(hexString(Self.handBuilt.encoded) == Self.handBuiltHex)
        #expect(Self.handBuilt.encoded.count == 84)
        #expect(try LedgerEntry(encoded: bytes(hex: Self.handBuiltHex)) == Self.handBuilt)
    }

    @Test func exactByteLayoutWithoutSubjectAndNegativeTime() throws {
        let entry = LedgerEntry(
            sequence: 1, time: -1, actor: "", kind: .create, subject: nil, payload: [], previousHash: .zero)
        let expected =
            "01" + "0000000000000001" + "ffffffffffffffff" + "01" + "00" + String(repeating: "00", count: 32)
            + "0000" + "00000000"
        #expect(hexString(entry.encoded) == expected)
        #expect(entry.encoded.count == 57)
        #expect(try LedgerEntry(encoded: entry.encoded) == entry)
    }

    @Test func kindBytesNeverChange() {
        #expect(EntryKind.allCases.map(\.rawValue) == [1, 2, 3, 4, 5, 6, 7])
        #expect(EntryKind.allCases.map(\.description) == ["create", "update", "status", "erase", "import", "disclosure", "staff"])
    }

    static let roundTripCases: [LedgerEntry] = [
        handBuilt,
        LedgerEntry(sequence: 1, time: 0, actor: "cli:root", kind: .create, subject: nil, payload: [], previousHash: .zero),
        LedgerEntry(
            sequence: .max, time: .min, actor: "staff:x", kind: .erase, subject: .random(), payload: [0],
            previousHash: EntryHash.of([1, 2, 3])),
        LedgerEntry(
            sequence: 42, time: .max, actor: "Ann Ó Súilleabháin ✓ 🗳️", kind: .disclosure, subject: .random(),
            payload: Array("export of 3 records".utf8), previousHash: EntryHash.of([])),
        LedgerEntry(
            sequence: 7, time: 1_700_000_000_000, actor: "staff:batch", kind: .importBatch, subject: nil,
            payload: (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }, previousHash: EntryHash.of([9])),
        LedgerEntry(
            sequence: 8, time: -86_400_000, actor: String(repeating: "é", count: 30_000), kind: .update,
            subject: .random(), payload: [0xFF, 0x00, 0xFF], previousHash: EntryHash.of([8])),
    ]

    @Test(arguments: roundTripCases)
    func roundTrips(entry: LedgerEntry) throws {
        let encoded = entry.encoded
        let decoded = try LedgerEntry(encoded: encoded)
        #expect(decoded == entry)
        #expect(decoded.encoded == encoded)
        let actorLength = entry.actor.utf8.count
        #expect(encoded.count == 1 + 8 + 8 + 1 + 1 + (entry.subject == nil ? 0 : 16) + 32 + 2 + actorLength + 4 + entry.payload.count)
    }

    @Test(arguments: EntryKind.allCases)
    func everyKindRoundTrips(kind: EntryKind) throws {
        let entry = LedgerEntry(
            sequence: 3, time: 5, actor: "a", kind: kind, subject: .random(), payload: [1], previousHash: .zero)
        #expect(try LedgerEntry(encoded: entry.encoded).kind == kind)
        #expect(entry.encoded[17] == kind.rawValue)
    }

    @Test func fixedFieldsSitAtFixedOffsets() {
        // A verifier may read the sequence and previous hash without parsing the rest.
        let entry = Self.roundTripCases[3]
        let encoded = entry.encoded
        #expect(Array(encoded[1..<9]) == [0, 0, 0, 0, 0, 0, 0, 42])
        #expect(encoded[18] == 1)
        #expect(Array(encoded[35..<67]) == entry.previousHash.bytes)
        let bare = Self.roundTripCases[1].encoded
        #expect(bare[18] == 0)
        #expect(Array(bare[19..<51]) == EntryHash.zero.bytes)
    }

    @Test func theLargestActorStillRoundTrips() throws {
        let entry = LedgerEntry(
            sequence: 1, time: 1, actor: String(repeating: "x", count: Int(UInt16.max)), kind: .create, subject: nil,
            payload: [], previousHash: .zero)
        #expect(Array(entry.encoded[51..<53]) == [0xFF, 0xFF])
        #expect(try LedgerEntry(encoded: entry.encoded) == entry)
    }
}
