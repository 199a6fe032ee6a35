import MusterTesting
import Testing

@testable import MusterLedger

/// The probe files of transparency-dev/merkle (see MerkleProbes+Inclusion.swift), replayed.
enum MerkleProbes {}

/// One inclusion probe: the hashes are hex as in the source, possibly malformed on purpose.
struct MerkleInclusionProbe: Sendable, CustomTestStringConvertible {
    let name: String
    let index: UInt64
    let size: UInt64
    let leafHash: String
    let root: String
    let proof: [String]
    let wantErr: Bool
    let expected: MerkleError.Code?

    init(
        _ name: String, index: UInt64, size: UInt64, leafHash: String, root: String, proof: [String], wantErr: Bool,
        expected: MerkleError.Code?
    ) {
        (self.name, self.index, self.size, self.leafHash, self.root) = (name, index, size, leafHash, root)
        (self.proof, self.wantErr, self.expected) = (proof, wantErr, expected)
    }

    var testDescription: String { name }
}

/// One consistency probe.
struct MerkleConsistencyProbe: Sendable, CustomTestStringConvertible {
    let name: String
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]
    let wantErr: Bool
    let expected: MerkleError.Code?

    init(
        _ name: String, size1: UInt64, size2: UInt64, root1: String, root2: String, proof: [String], wantErr: Bool,
        expected: MerkleError.Code?
    ) {
        (self.name, self.size1, self.size2, self.root1, self.root2) = (name, size1, size2, root1, root2)
        (self.proof, self.wantErr, self.expected) = (proof, wantErr, expected)
    }

    var testDescription: String { name }
}

/// Some probes hold hashes that are not 32 bytes (empty, 9 or 12 bytes). ``EntryHash`` cannot
/// hold them, so Muster refuses them before any verifier runs; that refusal is checked first.
/// The probe is then replayed with a well-formed stand-in for each malformed value, so its size
/// and index logic is still exercised: tree hashes (roots, proof hashes) with equal bytes get
/// equal stand-ins, and a malformed leaf hash gets one that no tree hash has.
enum MerkleProbeHash {
    enum Role: String { case leaf, tree }

    static func decode(_ text: String, as role: Role) -> EntryHash {
        let raw = bytes(hex: text)
        if raw.count == 32 { return merkleHash(hex: text) }
        #expect(EntryHash(bytes: raw) == nil, "a \(raw.count)-byte hash must be refused")
        return EntryHash.of(Array("malformed \(role.rawValue) hash:".utf8) + raw)
    }
}

struct MerkleProbeTests {
    @Test func everyProbeFileIsHere() {
        #expect(MerkleProbes.inclusion.count == 98)
        #expect(MerkleProbes.consistency.count == 98)
        #expect(MerkleProbes.inclusion.filter { !$0.wantErr }.count == 6)
        #expect(MerkleProbes.consistency.filter { !$0.wantErr }.count == 6)
    }

    @Test(arguments: MerkleProbes.inclusion)
    func inclusionProbe(_ probe: MerkleInclusionProbe) {
        #expect((probe.expected == nil) == !probe.wantErr, "the data contradicts itself")
        let code = merkleErrorCode {
            try MerkleVerifier.verifyInclusion(
                leafHash: MerkleProbeHash.decode(probe.leafHash, as: .leaf), index: probe.index, size: probe.size,
                proof: probe.proof.map { MerkleProbeHash.decode($0, as: .tree) },
                root: MerkleProbeHash.decode(probe.root, as: .tree))
        }
        #expect(code == probe.expected)
    }

    @Test(arguments: MerkleProbes.consistency)
    func consistencyProbe(_ probe: MerkleConsistencyProbe) {
        #expect((probe.expected == nil) == !probe.wantErr, "the data contradicts itself")
        let code = merkleErrorCode {
            try MerkleVerifier.verifyConsistency(
                size1: probe.size1, size2: probe.size2,
                proof: probe.proof.map { MerkleProbeHash.decode($0, as: .tree) },
                root1: MerkleProbeHash.decode(probe.root1, as: .tree),
                root2: MerkleProbeHash.decode(probe.root2, as: .tree))
        }
        #expect(code == probe.expected)
    }

    /// The happy-path probes are real proofs of the vector tree: Muster's prover makes the same.
    @Test func happyInclusionProbesAreWhatTheProverMakes() throws {
        let tree = MerkleVectors.tree
        var checked = 0
        for probe in MerkleProbes.inclusion where !probe.wantErr && probe.size <= 8 {
            // The single-entry probe is about a tree of one other leaf.
            guard probe.leafHash == hexString(tree.leafHashes[Int(probe.index)].bytes) else { continue }
            checked += 1
            let proof = try MerkleProofs.inclusionProof(index: probe.index, size: probe.size, reader: tree.nodes)
            #expect(proof.map { hexString($0.bytes) } == probe.proof, "\(probe.name)")
            #expect(hexString(tree.roots[Int(probe.size)].bytes) == probe.root, "\(probe.name)")
        }
        #expect(checked == 5)
    }

    @Test func happyConsistencyProbesAreWhatTheProverMakes() throws {
        let tree = MerkleVectors.tree
        var checked = 0
        for probe in MerkleProbes.consistency where !probe.wantErr && probe.size2 <= 8 {
            // One probe of equal sizes uses placeholder roots.
            guard probe.root1 == hexString(tree.roots[Int(probe.size1)].bytes) else { continue }
            checked += 1
            let proof = try MerkleProofs.consistencyProof(from: probe.size1, to: probe.size2, reader: tree.nodes)
            #expect(proof.map { hexString($0.bytes) } == probe.proof, "\(probe.name)")
            #expect(hexString(tree.roots[Int(probe.size2)].bytes) == probe.root2, "\(probe.name)")
        }
        #expect(checked == 5)
    }
}
