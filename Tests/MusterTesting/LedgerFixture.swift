import Foundation
public import MusterLedger
public import MusterVault

/// `count` bytes from the system generator (stand-in for ciphertext).
public func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

/// A fresh Ed25519 signer for `name`.
public func freshSigner(_ name: String = LedgerFixture.origin) -> NoteSigner {
    try! NoteSigner(name: name, privateKeySeed: randomBytes(32))
}

/// A real ledger built with ``ChainHead/append(_:)``, signed checkpoints over any prefix, and
/// segments cut from it.
public struct LedgerFixture: Sendable {
    public static let origin = "register.example.org/log"

    public let origin: String
    public let signer: NoteSigner
    /// Entry N's canonical bytes at index N-1.
    public let entries: [[UInt8]]
    /// The chain head after N entries at index N.
    public let heads: [ChainHead]
    /// The Merkle root after N entries at index N.
    public let roots: [EntryHash]

    /// `count` entries whose payloads are register-like: clear text fields then ciphertext.
    /// The first entries are `prefix` when given (another ledger's, for a fork), the rest new.
    public init(count: Int, signer: NoteSigner = freshSigner(), origin: String = Self.origin, prefix: [[UInt8]] = []) {
        self.origin = origin
        self.signer = signer
        var head = ChainHead.empty
        var appender = MerkleAppender()
        var entries: [[UInt8]] = []
        var heads = [head]
        var roots = [appender.root]
        for n in 1...count {
            let bytes: [UInt8]
            if n <= prefix.count {
                bytes = prefix[n - 1]
                head = ChainHead(size: UInt64(n), hash: MerkleHash.leaf(bytes))
            } else {
                bytes = head.append(Self.draft(n)).bytes
            }
            entries.append(bytes)
            _ = appender.append(leafHash: MerkleHash.leaf(bytes))
            heads.append(head)
            roots.append(appender.root)
        }
        self.entries = entries
        self.heads = heads
        self.roots = roots
    }

    /// Another history signed by the same key: the same entries before `sequence`, new ones
    /// from there on.
    public func forked(at sequence: Int) -> LedgerFixture {
        LedgerFixture(count: entries.count, signer: signer, origin: origin, prefix: Array(entries.prefix(sequence - 1)))
    }

    public static func draft(_ n: Int) -> EntryDraft {
        let kinds = EntryKind.allCases
        let clear = "category=member;status=active;branch=E1400\(n % 40);region=North West;joined=2024-0\(n % 9 + 1)-1\(n % 10)"
        let payload = Array(clear.utf8) + randomBytes(40 + n % 120)
        return EntryDraft(
            time: 1_748_736_000_000 + Int64(n) * 1_500, actor: n % 3 == 0 ? "cli:alice" : "staff:jo.bloggs",
            kind: kinds[n % kinds.count], subject: n % 4 == 0 ? nil : .random(), payload: payload)
    }

    /// The signed checkpoint after `size` entries (or over `root` if given), by `signer`.
    public func checkpoint(_ size: Int, root: EntryHash? = nil, by signer: NoteSigner? = nil, origin: String? = nil) -> String {
        let body = try! Checkpoint(origin: origin ?? self.origin, size: UInt64(size), rootHash: root ?? roots[size])
        return try! (signer ?? self.signer).sign(body.body)
    }

    /// Entries `range` (1-based, inclusive) with the checkpoint at its end.
    public func segment(_ range: ClosedRange<Int>) -> Segment {
        segment(range, checkpoint: checkpoint(range.upperBound))
    }

    public func segment(_ range: ClosedRange<Int>, checkpoint: String, entries: [[UInt8]]? = nil) -> Segment {
        try! Segment(
            origin: origin, firstSequence: UInt64(range.lowerBound),
            entries: entries ?? Array(self.entries[(range.lowerBound - 1)..<range.upperBound]), checkpoint: checkpoint)
    }

    /// A new chain trusting this ledger's key.
    public func chain() -> SegmentChain {
        SegmentChain(origin: origin, verifier: signer.verifier)
    }
}

