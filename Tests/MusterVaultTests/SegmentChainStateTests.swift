import MusterLedger
import MusterTesting
import Testing

@testable import MusterVault

/// A chain's state persists as bytes and a chain resumed from it goes on as if never stopped;
/// a damaged, edited or foreign state is refused.
struct SegmentChainStateTests {
    static let ledger = LedgerFixture(count: 60)

    static func chain(upTo end: Int) throws -> SegmentChain {
        var chain = ledger.chain()
        var start = 1
        while start <= end {
            let stop = min(end, start + 6)
            try chain.accept(ledger.segment(start...stop))
            start = stop + 1
        }
        return chain
    }

    @Test(arguments: [0, 1, 2, 7, 31, 32, 33])
    func roundTripsThroughBytes(size: Int) throws {
        let state = try Self.chain(upTo: size).state
        #expect(try SegmentChain.State(encoded: state.encoded) == state)
    }

    @Test(arguments: [0, 1, 13, 32])
    func aResumedChainGoesOn(size: Int) throws {
        let saved = try Self.chain(upTo: size).state.encoded
        var resumed = try SegmentChain(
            origin: Self.ledger.origin, verifier: Self.ledger.signer.verifier,
            resumingFrom: try SegmentChain.State(encoded: saved))
        #expect(resumed.head == Self.ledger.heads[size])
        try resumed.accept(Self.ledger.segment((size + 1)...60))
        #expect(resumed.state == (try Self.chain(upTo: 60).state))
        // And it still refuses what it should: a replay of the last segment.
        #expect(vaultErrorCode { try resumed.accept(Self.ledger.segment(55...60)) } == .sequenceGap)
    }

    @Test func aDamagedStateIsRefused() throws {
        let bytes = try Self.chain(upTo: 13).state.encoded
        for offset in bytes.indices {
            var tampered = bytes
            tampered[offset] ^= 0x04
            #expect(vaultErrorCode { try SegmentChain.State(encoded: tampered) } == .damaged, "byte \(offset)")
        }
        #expect(vaultErrorCode { try SegmentChain.State(encoded: Array(bytes.dropLast())) } == .damaged)
        #expect(vaultErrorCode { try SegmentChain.State(encoded: []) } == .damaged)
    }

    @Test func anotherMagicOrVersionIsRefused() throws {
        var bytes = try Self.chain(upTo: 3).state.encoded
        bytes[0] = UInt8(ascii: "X")
        #expect(vaultErrorCode { try SegmentChain.State(encoded: rehashed(bytes)) } == .notASegment)
        bytes = try Self.chain(upTo: 3).state.encoded
        bytes[4] = 9
        #expect(vaultErrorCode { try SegmentChain.State(encoded: rehashed(bytes)) } == .unsupportedVersion)
    }

    @Test func inconsistentStatesCannotBeBuilt() throws {
        let good = try Self.chain(upTo: 13).state  // 13 = 0b1101: three frontier hashes
        typealias State = SegmentChain.State
        let short = Array(good.frontier.dropLast())
        #expect(vaultErrorCode { try State(head: good.head, frontier: short, checkpoint: good.checkpoint) } == .malformed)
        #expect(vaultErrorCode { try State(head: good.head, frontier: good.frontier, checkpoint: nil) } == .malformed)
        #expect(vaultErrorCode { try State(head: .empty, frontier: [], checkpoint: good.checkpoint) } == .malformed)
        // 13 is odd: the last border subtree is entry 13 itself, so the head hash must be it.
        let otherHash = ChainHead(size: 13, hash: Self.ledger.heads[12].hash)
        #expect(vaultErrorCode { try State(head: otherHash, frontier: good.frontier, checkpoint: good.checkpoint) } == .malformed)
        #expect(try State(head: good.head, frontier: good.frontier, checkpoint: good.checkpoint) == good)
    }

    /// A well-formed state that lies: its checkpoint is for another size, or its frontier is not
    /// the tree the checkpoint signs. Resuming verifies and refuses.
    @Test func aStateThatDisagreesWithItsCheckpointIsRefused() throws {
        let at12 = try Self.chain(upTo: 12).state
        let at14 = try Self.chain(upTo: 14).state
        let verifier = Self.ledger.signer.verifier
        let staleCheckpoint = try SegmentChain.State(head: at14.head, frontier: at14.frontier, checkpoint: at12.checkpoint)
        #expect(
            vaultErrorCode { try SegmentChain(origin: Self.ledger.origin, verifier: verifier, resumingFrom: staleCheckpoint) }
                == .checkpointMismatch)
        let fork = Self.ledger.forked(at: 5)
        let forkedFrontier = try SegmentChain.State(
            head: fork.heads[14], frontier: at14.frontier.dropLast() + [fork.heads[14].hash], checkpoint: at14.checkpoint)
        #expect(
            vaultErrorCode { try SegmentChain(origin: Self.ledger.origin, verifier: verifier, resumingFrom: forkedFrontier) }
                == .checkpointMismatch)
        #expect(
            vaultErrorCode { try SegmentChain(origin: Self.ledger.origin, verifier: freshSigner().verifier, resumingFrom: at14) }
                == .badCheckpoint)
        #expect(
            vaultErrorCode { try SegmentChain(origin: "other.example.org/log", verifier: verifier, resumingFrom: at14) }
                == .wrongOrigin)
    }
}
