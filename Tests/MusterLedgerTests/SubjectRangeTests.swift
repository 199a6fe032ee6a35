import Testing

@testable import MusterLedger

/// Partitions of the id space: every stored id, well formed or not, in exactly one range, and
/// the ranges in id order.
struct SubjectRangeTests {
    /// Ids at and around every kind of edge, and blobs of the wrong length.
    static let edgeIDs: [[UInt8]] = {
        var ids: [[UInt8]] = [
            [], [0x00], [0xFF], [0x80, 0x00], [0x7F, 0xFF, 0xFF], Array(repeating: 0x00, count: 16),
            Array(repeating: 0xFF, count: 16), Array(repeating: 0xFF, count: 17), [0x00] + Array(repeating: 0xFF, count: 15),
        ]
        for first in [0x00, 0x03, 0x04, 0x05, 0x3F, 0x40, 0x41, 0x7F, 0x80, 0xAA, 0xFE, 0xFF] as [UInt8] {
            for second in [0x00, 0x01, 0x55, 0xAA, 0xFF] as [UInt8] {
                ids.append([first, second] + Array(repeating: 0, count: 14))
                ids.append([first, second] + Array(repeating: 0xFF, count: 14))
                ids.append([first, second])
                ids.append([first])
            }
        }
        return ids + (0..<500).map { _ in SubjectID.random().bytes }
    }()

    @Test(arguments: [1, 2, 3, 7, 64, 100, 1000])
    func everyIDIsInExactlyOneRange(count: Int) {
        let ranges = SubjectRange.partition(into: count)
        #expect(ranges.count == count)
        for id in Self.edgeIDs {
            #expect(ranges.filter { $0.contains(id) }.count == 1, "\(Hex.encode(id)) with \(count) ranges")
        }
    }

    @Test(arguments: [1, 2, 3, 64, 1000])
    func rangesFollowOneAnotherInIDOrder(count: Int) {
        let ranges = SubjectRange.partition(into: count)
        #expect(ranges.first?.lower == nil && ranges.last?.upper == nil)
        for (before, after) in zip(ranges, ranges.dropFirst()) {
            #expect(before.upper != nil && before.upper == after.lower)
            // Each range holds something: its own lower end.
            #expect(after.contains(after.lower!))
        }
        let sorted = Self.edgeIDs.sorted { $0.lexicographicallyPrecedes($1) }
        let rangeOf = sorted.map { id in ranges.firstIndex { $0.contains(id) }! }
        #expect(rangeOf == rangeOf.sorted(), "ids in order fall in ranges in order")
    }

    @Test func oneRangeIsEverything() {
        #expect(SubjectRange.partition(into: 1) == [.all])
        #expect(SubjectRange.partition(into: 0) == [.all])
        #expect(SubjectRange.partition(into: -5) == [.all])
    }

    /// At most one range per two-byte prefix: then range i starts at prefix i.
    @Test func atMostOneRangePerTwoBytePrefix() {
        let ranges = SubjectRange.partition(into: 1 << 20)
        #expect(ranges.count == 1 << 16)
        #expect(ranges.dropFirst().enumerated().allSatisfy { $1.lower == [UInt8(($0 + 1) >> 8), UInt8(($0 + 1) & 0xFF)] })
    }

    @Test func rangesAreEvenForRandomIDs() {
        let ranges = SubjectRange.partition(into: 4)
        var counts = [0, 0, 0, 0]
        for _ in 0..<4000 {
            let id = SubjectID.random().bytes
            counts[ranges.firstIndex { $0.contains(id) }!] += 1
        }
        #expect(counts.allSatisfy { (800...1200).contains($0) }, "\(counts)")
    }
}
