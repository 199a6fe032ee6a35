import MusterTesting
import Testing

@testable import MusterLedger

/// RFC 6962 vectors for the tree of eight leaves, copied as data from transparency-dev/merkle
/// (Apache-2.0): `testonly/constants.go` (LeafInputs, NodeHashes, RootHashes, CompactTrees) and
/// `cmd/proofgen/main.go` (inclusionProofs, consistencyProofs; its 1-based leaf numbers are
/// written here as 0-based indexes), commit 417fb0c.
enum MerkleVectors {
    /// The eight leaf inputs, hex.
    static let leafInputs = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ]

    /// Every perfect-subtree node of the eight-leaf tree: `nodeHashes[level][index]`.
    static let nodeHashes: [[String]] = [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ]

    /// The root of the tree of the first `size` leaves, `roots[size]` for sizes 0...8.
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    /// The compact-range (frontier) nodes of each size 0...8, as (level, index) into ``nodeHashes``.
    static let frontiers: [[(level: Int, index: Int)]] = [
        [], [(0, 0)], [(1, 0)], [(1, 0), (0, 2)], [(2, 0)], [(2, 0), (0, 4)], [(2, 0), (1, 2)],
        [(2, 0), (1, 2), (0, 6)], [(3, 0)],
    ]

    /// Inclusion proofs in the eight-leaf tree.
    static let inclusionProofs: [(index: UInt64, size: UInt64, proof: [String])] = [
        (0, 1, []),
        (
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        ),
        (
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        ),
    ]

    /// Consistency proofs in the eight-leaf tree.
    static let consistencyProofs: [(size1: UInt64, size2: UInt64, proof: [String])] = [
        (1, 1, []),
        (
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        ),
        (
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
        (
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        ),
        (
            6, 7,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
    ]

    /// The eight leaf hashes, appended in order: the vector tree.
    static let tree = MerkleTestTree(leafHashes: leafInputs.map { MerkleHash.leaf(bytes(hex: $0)) })
}

/// A 32-byte hash from a hex literal the test knows is valid.
func merkleHash(hex text: String) -> EntryHash {
    guard let hash = EntryHash(bytes: bytes(hex: text)) else { fatalError("not a 32-byte hash: \(text)") }
    return hash
}

/// The error a Merkle call fails with, or `nil` when it succeeds.
func merkleError<T>(_ body: () throws -> T) -> MerkleError? {
    do {
        _ = try body()
        return nil
    } catch let error as MerkleError {
        return error
    } catch {
        Issue.record("expected a MerkleError, got \(error)")
        return nil
    }
}

/// The code a Merkle call fails with, or `nil` when it succeeds.
func merkleErrorCode<T>(_ body: () throws -> T) -> MerkleError.Code? {
    merkleError(body)?.code
}

/// A tree grown one leaf at a time, keeping every stored node, every root and what each
/// append returned.
struct MerkleTestTree: Sendable {
    let leafHashes: [EntryHash]
    let nodes = InMemoryMerkleNodes()
    /// `roots[size]`: the appender's root after `size` leaves.
    let roots: [EntryHash]
    /// `appended[i]`: the nodes appending leaf `i` returned.
    let appended: [[MerkleNode]]
    let appender: MerkleAppender

    init(leafHashes: [EntryHash]) {
        self.leafHashes = leafHashes
        var appender = MerkleAppender()
        var roots = [appender.root]
        var appended: [[MerkleNode]] = []
        for leaf in leafHashes {
            let new = appender.append(leafHash: leaf)
            nodes.store(new)
            appended.append(new)
            roots.append(appender.root)
        }
        self.roots = roots
        self.appended = appended
        self.appender = appender
    }

    /// Leaves whose bytes differ in length and content: leaf `i` is "muster leaf i" then `i % 7` bytes.
    init(count: Int) {
        self.init(
            leafHashes: (0..<count).map { i in
                MerkleHash.leaf(
                    Array("muster leaf \(i)".utf8) + (0..<(i % 7)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) })
            })
    }

    /// One tree of 1,025 leaves shared by the property tests: its prefixes are all smaller trees.
    static let shared = MerkleTestTree(count: 1_025)
}

/// Counts node reads, to assert that proofs cost O(log n).
final class CountingMerkleReader: MerkleNodeReader {
    let base: InMemoryMerkleNodes
    private(set) var reads = 0

    init(_ base: InMemoryMerkleNodes) {
        self.base = base
    }

    func node(level: Int, index: UInt64) throws -> EntryHash {
        reads += 1
        return try base.node(level: level, index: index)
    }
}

/// RFC 6962 §2.1 and RFC 9162 §2.1.3.1 / §2.1.4.1, transcribed as the recursive definitions over
/// all the leaves: O(n) and obviously right, the reference the stored-node code is checked against.
enum NaiveMerkle {
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[n]).
    static func root(_ leaves: ArraySlice<EntryHash>) -> EntryHash {
        switch leaves.count {
        case 0: return EntryHash.of([])
        case 1: return leaves[leaves.startIndex]
        default:
            let k = split(leaves.count)
            let mid = leaves.startIndex + k
            return MerkleHash.node(root(leaves[..<mid]), root(leaves[mid...]))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<EntryHash>) -> [EntryHash] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let mid = leaves.startIndex + k
        if m < k { return path(m, leaves[..<mid]) + [root(leaves[mid...])] }
        return path(m - k, leaves[mid...]) + [root(leaves[..<mid])]
    }

    /// SUBPROOF(m, D[n], b).
    static func subproof(_ m: Int, _ leaves: ArraySlice<EntryHash>, _ b: Bool) -> [EntryHash] {
        if m == leaves.count { return b ? [] : [root(leaves)] }
        let k = split(leaves.count)
        let mid = leaves.startIndex + k
        if m <= k { return subproof(m, leaves[..<mid], b) + [root(leaves[mid...])] }
        return subproof(m - k, leaves[mid...], false) + [root(leaves[..<mid])]
    }
}
