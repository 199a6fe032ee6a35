import MusterTesting
import Testing

@testable import MusterVault

/// Every way a segment file can be damaged or forged is refused with the right code, before
/// any large allocation, and never by crashing.
struct SegmentDecodingTests {
    static let ledger = LedgerFixture(count: 40)
    static let small = ledger.segment(3...4)

    @Test func theForgeryBaselineDecodes() throws {
        let segment = try Segment(encoded: SegmentForgery().bytes)
        #expect(segment.entries == [[1, 2, 3]])
        #expect(segment.origin == "o")
    }

    @Test(arguments: [Segment.Compression.never, .always])
    func everyTruncationIsDamaged(compression: Segment.Compression) {
        let bytes = Self.small.encode(compression: compression)
        for length in 0..<bytes.count {
            #expect(vaultErrorCode { try Segment(encoded: Array(bytes.prefix(length))) } == .damaged, "length \(length)")
        }
    }

    @Test(arguments: [Segment.Compression.never, .always])
    func aFlippedBitAnywhereIsDamaged(compression: Segment.Compression) {
        let bytes = Self.small.encode(compression: compression)
        for offset in bytes.indices {
            for bit in [0, 7] {
                var tampered = bytes
                tampered[offset] ^= 1 << bit
                #expect(vaultErrorCode { try Segment(encoded: tampered) } == .damaged, "byte \(offset) bit \(bit)")
            }
        }
    }

    @Test func anExtraByteIsDamaged() {
        #expect(vaultErrorCode { try Segment(encoded: Self.small.encode() + [0]) } == .damaged)
    }

    @Test func anotherMagicIsNotASegment() {
        var forgery = SegmentForgery()
        forgery.magic = Array("MSEH".utf8)
        #expect(vaultErrorCode { try Segment(encoded: forgery.bytes) } == .notASegment)
    }

    @Test(arguments: [0, 2, 255] as [UInt8])
    func anotherVersionIsUnsupported(version: UInt8) {
        var forgery = SegmentForgery()
        forgery.version = version
        #expect(vaultErrorCode { try Segment(encoded: forgery.bytes) } == .unsupportedVersion)
    }

    @Test(arguments: [0x02, 0x80, 0xFF] as [UInt8])
    func unknownFlagsAreMalformed(flags: UInt8) {
        var forgery = SegmentForgery()
        forgery.flags = flags
        #expect(vaultErrorCode { try Segment(encoded: forgery.bytes) } == .malformed)
    }

    /// Each case sets one field to a hostile value; the expected code follows.
    @Test func absurdLengthsAreRefused() {
        typealias Case = (String, VaultError.Code, (inout SegmentForgery) -> Void)
        let cases: [Case] = [
            ("origin length over the limit", .limitExceeded, { $0.originLength = .max }),
            ("origin length past the end", .malformed, { $0.originLength = 900 }),
            ("count zero", .malformed, { $0.count = 0 }),
            ("count over the limit", .limitExceeded, { $0.count = .max }),
            ("count larger than the body allows", .malformed, { $0.count = 2 }),
            ("stored length past the end", .malformed, { $0.storedLength = .max }),
            ("raw body with two lengths", .malformed, { $0.inflatedLength = 8 }),
            ("inflated length over the limit", .limitExceeded, { $0.flags = 1; $0.inflatedLength = .max }),
            ("entry length over the limit", .limitExceeded, { $0.body = [0x00, 0x20, 0x00, 0x00] + [UInt8](repeating: 0, count: 8) }),
            ("entry length past the body", .malformed, { $0.body = [0x00, 0x00, 0x00, 0x09, 1, 2, 3, 4] }),
            ("bytes after the last entry", .malformed, { $0.entries = [[1, 2, 3]]; $0.body = $0.entryBody + [9] }),
            ("checkpoint length over the limit", .limitExceeded, { $0.checkpointLength = .max }),
            ("checkpoint length past the end", .malformed, { $0.checkpointLength = 3 }),
            ("bytes after the checkpoint", .malformed, { $0.trailing = [0] }),
            ("origin not UTF-8", .malformed, { $0.origin = [0xFF] }),
            ("checkpoint not UTF-8", .malformed, { $0.checkpoint = [0xC3, 0x0A] }),
            ("first sequence zero", .malformed, { $0.firstSequence = 0 }),
            ("sequence overflow", .malformed, { $0.firstSequence = .max; $0.count = 2; $0.entries = [[1], [2]] }),
            ("empty origin", .malformed, { $0.origin = [] }),
        ]
        for (label, code, change) in cases {
            var forgery = SegmentForgery()
            change(&forgery)
            #expect(vaultErrorCode { try Segment(encoded: forgery.bytes) } == code, "\(label)")
        }
    }

    @Test func compressedBodiesAreCheckedStrictly() throws {
        let plain = SegmentForgery(entries: [Array(repeating: 7, count: 500), Array(repeating: 8, count: 300)])
        let body = plain.entryBody
        let deflated = try #require(Deflate.compress(body))
        typealias Case = (String, VaultError.Code?, (inout SegmentForgery) -> Void)
        let cases: [Case] = [
            ("honest", nil, { _ in }),
            ("declared one byte short", .malformed, { $0.inflatedLength = UInt32(body.count - 1) }),
            ("declared one byte long", .malformed, { $0.inflatedLength = UInt32(body.count + 1) }),
            ("impossible ratio", .malformed, { $0.inflatedLength = 200 << 20 }),
            ("garbage stream", .malformed, { $0.body = [UInt8](repeating: 0xFF, count: deflated.count) }),
            ("cut-off stream", .malformed, { $0.body = Array(deflated.dropLast(2)) }),
            ("bytes after the stream", .malformed, { $0.body = deflated + [0, 0] }),
        ]
        for (label, code, change) in cases {
            var forgery = plain
            forgery.flags = 1
            forgery.count = 2
            forgery.body = deflated
            forgery.inflatedLength = UInt32(body.count)
            change(&forgery)
            #expect(vaultErrorCode { try Segment(encoded: forgery.bytes) } == code, "\(label)")
        }
    }

    @Test func theNameMustMatchTheContent() {
        let bytes = Self.small.encode()
        let error = vaultError { try Segment(encoded: bytes, name: "segment-00000000000000000003-00000000000000000005.mseg") }
        #expect(error?.code == .nameMismatch)
        #expect(error?.name == "segment-00000000000000000003-00000000000000000005.mseg")
        #expect(
            vaultErrorCode { try Segment(encoded: bytes, name: "segment-00000000000000000002-00000000000000000004.mseg") }
                == .nameMismatch)
        #expect((try? Segment(encoded: bytes, name: Self.small.name.fileName)) == Self.small)
    }

    @Test(arguments: ["keys-1", "segment-3-4.mseg", "segment-00000000000000000003-00000000000000000004.seg", ""])
    func aNameThatIsNotASegmentNameIsInvalid(name: String) {
        #expect(vaultErrorCode { try Segment(encoded: Self.small.encode(), name: name) } == .invalidName)
    }

    @Test func errorsNameTheFile() {
        var bytes = Self.small.encode()
        bytes[10] ^= 1
        let named = vaultError { try Segment(encoded: bytes, name: Self.small.name.fileName) }
        #expect(named?.name == Self.small.name.fileName)
        #expect(named?.description.hasPrefix("damaged: segment-00000000000000000003-") == true)
        // Without a file name, an error found after the header names the range it declares.
        var forgery = SegmentForgery()
        forgery.firstSequence = 5
        forgery.trailing = [0]
        #expect(vaultError { try Segment(encoded: forgery.bytes) }?.name == "segment-00000000000000000005-00000000000000000005.mseg")
    }
}
