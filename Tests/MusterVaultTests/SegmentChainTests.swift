import MusterLedger
import MusterTesting
import Testing

@testable import MusterVault

/// A chain accepts the segments of a real ledger, however it is cut, and ends at the same state.
struct SegmentChainTests {
    static let ledger = LedgerFixture(count: 100)

    /// Ranges covering 1...100 in uneven pieces, including single entries and power-of-two edges.
    static let cuts: [ClosedRange<Int>] = [1...1, 2...2, 3...8, 9...16, 17...17, 18...63, 64...64, 65...99, 100...100]

    @Test func acceptsASeriesOfSegments() throws {
        var chain = Self.ledger.chain()
        for range in Self.cuts {
            let signed = try chain.accept(Self.ledger.segment(range))
            #expect(signed.checkpoint.size == UInt64(range.upperBound))
            #expect(chain.head == Self.ledger.heads[range.upperBound])
            #expect(chain.nextSequence == UInt64(range.upperBound + 1))
        }
        #expect(chain.checkpoint?.checkpoint.rootHash == Self.ledger.roots[100])
        #expect(chain.state.frontier.count == 100.nonzeroBitCount)
    }

    @Test func oneSegmentOrManyEndInTheSameState() throws {
        var whole = Self.ledger.chain()
        try whole.accept(Self.ledger.segment(1...100))
        var pieces = Self.ledger.chain()
        for range in Self.cuts { try pieces.accept(Self.ledger.segment(range)) }
        #expect(whole.state == pieces.state)
    }

    @Test func acceptsSegmentsReadBackFromTheirFiles() throws {
        var chain = Self.ledger.chain()
        for range in Self.cuts {
            let segment = Self.ledger.segment(range)
            try chain.accept(try Segment(encoded: segment.encode(), name: segment.name.fileName))
        }
        #expect(chain.head.size == 100)
    }

    @Test func anEmptyChainHasTheEmptyState() {
        let chain = Self.ledger.chain()
        #expect(chain.head == .empty)
        #expect(chain.checkpoint == nil)
        #expect(chain.nextSequence == 1)
        #expect(chain.state == .empty)
    }

    /// Checkpoints may carry extension lines and extra signatures (a witness): still accepted.
    @Test func acceptsCheckpointsWithExtensionsAndCosignatures() throws {
        let body = try Checkpoint(
            origin: Self.ledger.origin, size: 10, rootHash: Self.ledger.roots[10], extensions: ["time 1748736000"])
        let witness = freshSigner("witness.example.org")
        let signed = try Self.ledger.signer.sign(body.body)
        // A signed note is the text, a blank line, then signature lines: append the witness's line.
        let witnessLine = Array(try witness.sign(body.body).utf8).dropFirst(body.body.utf8.count + 1)
        let cosigned = signed + String(decoding: witnessLine, as: UTF8.self)
        var chain = Self.ledger.chain()
        try chain.accept(Self.ledger.segment(1...10, checkpoint: cosigned))
        #expect(chain.checkpoint?.checkpoint.extensions == ["time 1748736000"])
    }
}
