import MusterTesting
import Testing

@testable import MusterVault

/// Segment file names: fixed-width, strict, and sorted as text in sequence order.
struct SegmentNameTests {
    @Test func formatsWithTwentyDigits() throws {
        let name = try #require(SegmentName(first: 1, last: 250))
        #expect(name.fileName == "segment-00000000000000000001-00000000000000000250.mseg")
        #expect(name.count == 250)
        #expect(SegmentName(first: .max, last: .max)?.fileName == "segment-18446744073709551615-18446744073709551615.mseg")
    }

    @Test(arguments: [(1, 1), (1, 250), (251, 100_000), (UInt64.max - 5, UInt64.max)] as [(UInt64, UInt64)])
    func parsesWhatItFormats(first: UInt64, last: UInt64) throws {
        let name = try #require(SegmentName(first: first, last: last))
        #expect(try SegmentName(parsing: name.fileName) == name)
    }

    @Test func textOrderIsSequenceOrder() {
        let ranges: [(UInt64, UInt64)] = [(1, 9), (10, 10), (11, 99), (100, 1_000), (1_001, 9_999_999), (10_000_000, 10_000_001)]
        let names = ranges.compactMap { SegmentName(first: $0.0, last: $0.1) }.shuffled()
        #expect(names.map(\.fileName).sorted() == names.sorted().map(\.fileName))
        #expect(names.sorted().map(\.first) == ranges.map(\.0))
    }

    @Test func refusesImpossibleRanges() {
        #expect(SegmentName(first: 0, last: 3) == nil)
        #expect(SegmentName(first: 5, last: 4) == nil)
    }

    @Test(arguments: [
        "segment-00000000000000000001-00000000000000000002.mseg.tmp",
        "segment-0000000000000000001-00000000000000000002.mseg",
        "segment-00000000000000000001-000000000000000000002.mseg",
        "segment-00000000000000000000-00000000000000000002.mseg",
        "segment-00000000000000000003-00000000000000000002.mseg",
        "segment-99999999999999999999-99999999999999999999.mseg",
        "segment-0000000000000000000a-00000000000000000002.mseg",
        "segment-+0000000000000000001-00000000000000000002.mseg",
        "segment-00000000000000000001_00000000000000000002.mseg",
        "Segment-00000000000000000001-00000000000000000002.mseg",
        "segment-00000000000000000001-00000000000000000002.MSEG",
        "keys-20250101T000000Z-0000000000000000",
        "",
    ])
    func refusesMalformedNames(text: String) {
        #expect(vaultErrorCode { try SegmentName(parsing: text) } == .invalidName)
    }
}
