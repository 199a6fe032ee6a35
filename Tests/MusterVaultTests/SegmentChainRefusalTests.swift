import Foundation
import MusterLedger
import MusterTesting
import Testing

@testable import MusterVault

/// Every bad segment is refused with the right code, naming the file (and the entry), and
/// leaves the chain exactly as it was: the next good segment is still accepted.
struct SegmentChainRefusalTests {
    static let ledger = LedgerFixture(count: 40)

    /// A chain that has accepted entries 1...20 in two segments.
    static func chainAtTwenty() throws -> SegmentChain {
        var chain = ledger.chain()
        try chain.accept(ledger.segment(1...10))
        try chain.accept(ledger.segment(11...20))
        return chain
    }

    /// Offers `segment` after entry 20, checks the refusal and that the chain is unchanged and
    /// still accepts 21...30; returns the error.
    @discardableResult
    func refusal(_ segment: Segment, _ code: VaultError.Code, sequence: UInt64? = nil) throws -> VaultError? {
        var chain = try Self.chainAtTwenty()
        let before = chain.state
        let error = vaultError { try chain.accept(segment) }
        #expect(error?.code == code)
        #expect(error?.name == segment.name.fileName)
        if let sequence { #expect(error?.sequence == sequence) }
        #expect(chain.state == before)
        #expect(chain.head == Self.ledger.heads[20])
        try chain.accept(Self.ledger.segment(21...30))
        #expect(chain.head == Self.ledger.heads[30])
        return error
    }

    /// `entries` offered as a segment from entry 21, with the real checkpoint at `size`
    /// (default: the segment's last entry).
    static func offering(_ entries: [[UInt8]], checkpointAt size: Int? = nil) -> Segment {
        let last = 20 + entries.count
        return ledger.segment(21...last, checkpoint: ledger.checkpoint(size ?? last), entries: entries)
    }

    @Test func aGapIsRefused() throws {
        let error = try refusal(Self.ledger.segment(22...30), .sequenceGap)
        #expect(error?.message.contains("from entry 21, found one from 22") == true)
    }

    @Test(arguments: [1...10, 11...20, 20...30, 15...25, 1...30])
    func anOverlapOrReplayIsRefused(range: ClosedRange<Int>) throws {
        try refusal(Self.ledger.segment(range), .sequenceGap)
    }

    @Test func reorderedEntriesAreRefused() throws {
        var entries = Array(Self.ledger.entries[20..<30])
        entries.swapAt(2, 3)  // entries 23 and 24
        try refusal(Self.offering(entries), .brokenChain, sequence: 23)
    }

    @Test func entriesFromElsewhereAreRefused() throws {
        let later = Array(Self.ledger.entries[30..<40])  // entries 31...40 offered as 21...30
        try refusal(Self.offering(later), .brokenChain, sequence: 21)
    }

    @Test func aDroppedEntryIsRefused() throws {
        var entries = Array(Self.ledger.entries[20..<30])
        entries.remove(at: 4)  // entry 25; the segment now claims 21...29
        try refusal(Self.offering(entries), .brokenChain, sequence: 25)
        try refusal(Self.offering(entries, checkpointAt: 30), .checkpointMismatch)
    }

    /// A flip anywhere in entry 25 is caught at 25 (it no longer parses or chains) or at 26
    /// (whose previous-hash link names the old 25).
    @Test func aFlippedByteInAnEntryIsRefused() throws {
        let original = Array(Self.ledger.entries[20..<30])
        for offset in original[4].indices {
            var entries = original
            entries[4][offset] ^= 0x01
            let segment = Self.offering(entries)
            var chain = try Self.chainAtTwenty()
            let error = vaultError { try chain.accept(segment) }
            #expect([.malformed, .brokenChain].contains(error?.code), "byte \(offset)")
            #expect(error?.sequence == 25 || (error?.sequence == 26 && error?.code == .brokenChain), "byte \(offset)")
            #expect(chain.head == Self.ledger.heads[20])
        }
    }

    /// The last entry has no successor to betray it: the checkpoint root does.
    @Test func aFlippedByteInTheLastEntryIsAMismatchedRoot() throws {
        var entries = Array(Self.ledger.entries[20..<30])
        entries[9][entries[9].count - 1] ^= 0x80
        try refusal(Self.offering(entries), .checkpointMismatch)
    }

    @Test func aCheckpointSignedByAnotherKeyIsRefused() throws {
        // Same key name, another key; then another name altogether.
        for signer in [freshSigner(), freshSigner("impostor.example.org")] {
            try refusal(Self.ledger.segment(21...30, checkpoint: Self.ledger.checkpoint(30, by: signer)), .badCheckpoint)
        }
    }

    @Test func anAlteredOrUnsignedCheckpointIsRefused() throws {
        let signed = Self.ledger.checkpoint(30)
        let body = try Checkpoint(origin: Self.ledger.origin, size: 30, rootHash: Self.ledger.roots[30]).body
        let tampered = signed.replacingOccurrences(of: "\n30\n", with: "\n31\n")
        for text in [tampered, body, "not a note\n"] {
            try refusal(Self.ledger.segment(21...30, checkpoint: text), .badCheckpoint)
        }
    }

    /// The same key signed another history of the same size: its root cannot match these entries.
    @Test func aCheckpointOverAForkedHistoryIsRefused() throws {
        let fork = Self.ledger.forked(at: 25)
        #expect(fork.roots[30] != Self.ledger.roots[30])
        try refusal(Self.ledger.segment(21...30, checkpoint: fork.checkpoint(30)), .checkpointMismatch)
    }

    @Test func aForkThatBranchedBeforeTheHeadIsRefused() throws {
        let fork = Self.ledger.forked(at: 15)
        try refusal(fork.segment(21...30), .brokenChain, sequence: 21)
    }

    /// A fork after the head is consistent with all the chain has seen, so it is accepted; from
    /// then on the chain holds that history and refuses the other.
    @Test func theFirstBranchAcceptedWins() throws {
        let fork = Self.ledger.forked(at: 25)
        var chain = try Self.chainAtTwenty()
        try chain.accept(fork.segment(21...30))
        #expect(vaultErrorCode { try chain.accept(Self.ledger.segment(31...40)) } == .brokenChain)
    }

    @Test func aWrongOriginIsRefused() throws {
        let other = "other.example.org/log"
        let segment = try Segment(
            origin: other, firstSequence: 21, entries: Array(Self.ledger.entries[20..<30]),
            checkpoint: Self.ledger.checkpoint(30))
        try refusal(segment, .wrongOrigin)
        // The segment says the right log, its checkpoint (signed by the right key) another.
        try refusal(Self.ledger.segment(21...30, checkpoint: Self.ledger.checkpoint(30, origin: other)), .wrongOrigin)
    }

    @Test(arguments: [29, 31, 20])
    func aCheckpointOfAnotherSizeIsRefused(size: Int) throws {
        let error = try refusal(Self.ledger.segment(21...30, checkpoint: Self.ledger.checkpoint(size)), .checkpointMismatch)
        #expect(error?.message.contains("size \(size)") == true)
    }
}
