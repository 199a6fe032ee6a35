import MusterLedger
import Testing

@testable import MusterRegister

/// The order the key-store check walks the replayed people in must be the stores' (ids as byte
/// strings): out of step, every key would be reported missing and verification sent to its slow
/// path on every run.
@Suite struct ReplayedOwnersTests {
    /// Random ids, with some sharing a first word or a first byte, where the two words decide.
    static func ids(_ count: Int) -> [SubjectID] {
        var ids = (0..<count).map { _ in SubjectID.random() }
        for index in stride(from: 0, to: count - 1, by: 7) {
            ids[index + 1] = SubjectID(bytes: ids[index].bytes.prefix(8) + SubjectID.random().bytes.suffix(8))!
        }
        for index in stride(from: 3, to: count, by: 11) {
            ids[index] = SubjectID(bytes: [ids[0].bytes[0]] + SubjectID.random().bytes.suffix(15))!
        }
        return ids
    }

    @Test func idsSortAsTheirBytes() {
        let ids = Self.ids(2000)
        let byBytes = ids.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        let byNumbers = ids.sorted { ByteOrderedID(words: $0.words) < ByteOrderedID(words: $1.words) }
        #expect(byNumbers == byBytes)
    }

    @Test(arguments: [1, 2, 3, 64])
    func anIDIsInTheRangeThatHoldsItsBytes(parts: Int) {
        for id in Self.ids(500) {
            for range in SubjectRange.partition(into: parts) {
                #expect(ByteOrderedID(words: id.words).isIn(range) == range.contains(id.bytes))
            }
        }
    }
}
