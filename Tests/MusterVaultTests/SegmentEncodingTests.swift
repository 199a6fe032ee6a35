import MusterLedger
import MusterTesting
import Testing

@testable import MusterVault

/// Segments survive encoding, raw and deflated, and "compress if it pays" decides as it should.
struct SegmentEncodingTests {
    static let ledger = LedgerFixture(count: 120)

    @Test(arguments: [Segment.Compression.never, .always, .whenItPays])
    func roundTrips(compression: Segment.Compression) throws {
        for range in [1...1, 1...120, 37...99] {
            let segment = Self.ledger.segment(range)
            let bytes = segment.encode(compression: compression)
            let back = try Segment(encoded: bytes, name: segment.name.fileName)
            #expect(back == segment)
            #expect(back.lastSequence == UInt64(range.upperBound))
            #expect(back.checkpoint.utf8.elementsEqual(segment.checkpoint.utf8))
        }
    }

    @Test func theFlagSaysHowTheBodyIsStored() {
        let segment = Self.ledger.segment(1...120)
        #expect(segment.encode(compression: .never)[Segment.flagsOffset] == 0)
        #expect(segment.encode(compression: .always)[Segment.flagsOffset] == 1)
        #expect(segment.encode(compression: .always).count < segment.encode(compression: .never).count)
    }

    /// Disclosure entries (an actor, a route, a reason, the same on entry after entry) deflate
    /// to under half: kept deflated.
    @Test func entriesThatHalveAreStoredCompressed() throws {
        var head = ChainHead.empty
        let entries = (1...200).map { n in
            head.append(
                EntryDraft(
                    time: Int64(n), actor: "staff:alice", kind: .disclosure, subject: nil,
                    payload: Array("route=GET /api/v1/people/{number};reason=casework;count=1".utf8))
            ).bytes
        }
        let segment = try Segment(origin: "o", firstSequence: 1, entries: entries, checkpoint: "c\n")
        let raw = segment.encode(compression: .never).count
        let chosen = segment.encode()
        #expect(chosen[Segment.flagsOffset] == 1)
        #expect(chosen.count * 2 <= raw)
    }

    /// People's entries are mostly ciphertext beside a few clear fields: deflate saves something,
    /// but not half, and then the body stays raw (inflating it would cost a restore more time
    /// than the space saves).
    @Test func entriesThatDeflateByLessThanHalfAreStoredRaw() throws {
        var head = ChainHead.empty
        let entries = (1...200).map { n in
            head.append(
                EntryDraft(
                    time: Int64(n), actor: "cli:alice", kind: .create, subject: .random(),
                    payload: Array("category=member;status=current;branch=Leeds North;".utf8) + randomBytes(200))
            ).bytes
        }
        let segment = try Segment(origin: "o", firstSequence: 1, entries: entries, checkpoint: "c\n")
        let raw = segment.encode(compression: .never)
        let deflated = segment.encode(compression: .always)
        #expect(deflated.count < raw.count * 9 / 10)
        #expect(deflated.count * 2 > raw.count)
        #expect(segment.encode() == raw)
    }

    /// Entries that are almost all random bytes (ciphertext, ids, hashes) deflate by only a few
    /// percent, and are stored raw.
    @Test func ciphertextOnlyEntriesAreStoredRaw() throws {
        var head = ChainHead.empty
        let entries = (1...200).map { n in
            head.append(
                EntryDraft(
                    time: Int64(n), actor: "cli:alice", kind: .update, subject: .random(), payload: randomBytes(300))
            ).bytes
        }
        let segment = try Segment(origin: "o", firstSequence: 1, entries: entries, checkpoint: "c\n")
        let raw = segment.encode(compression: .never)
        let deflated = segment.encode(compression: .always)
        #expect(deflated.count * 10 > raw.count * 9)
        #expect(segment.encode() == raw)
        #expect(try Segment(encoded: deflated) == segment)
    }

    /// A single entry has nothing to share with its neighbours: raw.
    @Test func aOneEntrySegmentIsStoredRaw() {
        let segment = Self.ledger.segment(5...5)
        #expect(segment.encode()[Segment.flagsOffset] == 0)
    }

    @Test func encodingIsDeterministic() {
        let segment = Self.ledger.segment(1...120)
        #expect(segment.encode() == segment.encode())
        #expect(segment.encode(compression: .never) == segment.encode(compression: .never))
    }

    @Test func theLayoutStartsWithMagicAndVersionAndEndsWithItsHash() {
        let bytes = Self.ledger.segment(1...3).encode(compression: .never)
        #expect(Array(bytes.prefix(4)) == Array("MSEG".utf8))
        #expect(bytes[4] == Segment.formatVersion)
        #expect(rehashed(bytes) == bytes)
    }

    @Test func theNameFollowsTheRange() {
        let segment = Self.ledger.segment(37...99)
        #expect(segment.firstSequence == 37)
        #expect(segment.lastSequence == 99)
        #expect(segment.name.fileName == "segment-00000000000000000037-00000000000000000099.mseg")
    }

    @Test func buildingRefusesBadShapes() {
        let entry = Self.ledger.entries[0]
        #expect(vaultErrorCode { try Segment(origin: "o", firstSequence: 1, entries: [], checkpoint: "c\n") } == .malformed)
        #expect(vaultErrorCode { try Segment(origin: "o", firstSequence: 0, entries: [entry], checkpoint: "c\n") } == .malformed)
        #expect(
            vaultErrorCode { try Segment(origin: "o", firstSequence: .max, entries: [entry, entry], checkpoint: "c\n") }
                == .malformed)
        #expect(vaultErrorCode { try Segment(origin: "", firstSequence: 1, entries: [entry], checkpoint: "c\n") } == .malformed)
        #expect(vaultErrorCode { try Segment(origin: "a\nb", firstSequence: 1, entries: [entry], checkpoint: "c\n") } == .malformed)
        #expect(vaultErrorCode { try Segment(origin: "o", firstSequence: 1, entries: [entry], checkpoint: "") } == .malformed)
        #expect(vaultErrorCode { try Segment(origin: "o", firstSequence: 1, entries: [entry], checkpoint: "c\r\n") } == .malformed)
        let huge = [UInt8](repeating: 0, count: Segment.Limits.maximumEntryBytes + 1)
        let error = vaultError { try Segment(origin: "o", firstSequence: 7, entries: [entry, huge], checkpoint: "c\n") }
        #expect(error?.code == .limitExceeded)
        #expect(error?.sequence == 8)
        let longOrigin = String(repeating: "o", count: Segment.Limits.maximumOriginBytes + 1)
        #expect(
            vaultErrorCode { try Segment(origin: longOrigin, firstSequence: 1, entries: [entry], checkpoint: "c\n") }
                == .limitExceeded)
    }

    @Test func theLastPossibleSequenceFits() throws {
        let entry = Self.ledger.entries[0]
        let segment = try Segment(origin: "o", firstSequence: .max - 1, entries: [entry, entry], checkpoint: "c\n")
        #expect(segment.lastSequence == .max)
        #expect(try Segment(encoded: segment.encode(), name: segment.name.fileName) == segment)
    }
}
