/// Checks a proof offline, from nothing but the register's public key, its signed checkpoint(s)
/// and the proof file: the checks a member, auditor or regulator can run without Muster's data.
public enum ProofChecker {
    /// Verifies `proof` against `checkpoint` (and `previousCheckpoint` for a consistency proof),
    /// both signed with `verifierKey`. Returns a one-line description of what was proven.
    public static func check(
        proof: ProofFile, checkpoint checkpointText: String, previousCheckpoint previousText: String?, verifierKey: String
    ) throws -> String {
        let verifier = try NoteVerifier(verifierKey: verifierKey)
        let checkpoint = try SignedCheckpoint.verify(checkpointText, with: verifier).checkpoint
        switch proof {
        case .inclusion(let origin, let entry, let size, let bytes, let path):
            guard origin == checkpoint.origin else { throw ProofError("the proof is for \(origin), the checkpoint for \(checkpoint.origin)") }
            guard size == checkpoint.size else {
                throw ProofError("the proof is for tree size \(size) but the checkpoint has size \(checkpoint.size)")
            }
            let decoded = try LedgerEntry(encoded: bytes)
            guard decoded.sequence == entry, entry >= 1 else {
                throw ProofError("the entry bytes are entry \(decoded.sequence), not \(entry)")
            }
            try MerkleVerifier.verifyInclusion(
                leafHash: MerkleHash.leaf(bytes), index: entry - 1, size: size, proof: path, root: checkpoint.rootHash)
            return "entry \(entry) (\(decoded.kind)) is in \(origin) at size \(size), root \(checkpoint.rootHash)"
        case .consistency(let origin, let from, let to, let path):
            guard let previousText else { throw ProofError("a consistency proof needs the older checkpoint too") }
            let previous = try SignedCheckpoint.verify(previousText, with: verifier).checkpoint
            guard origin == checkpoint.origin, origin == previous.origin else {
                throw ProofError("the proof and the checkpoints are not all from \(origin)")
            }
            guard previous.size == from, checkpoint.size == to else {
                throw ProofError("the checkpoints have sizes \(previous.size) and \(checkpoint.size), the proof \(from) and \(to)")
            }
            try MerkleVerifier.verifyConsistency(
                size1: from, size2: to, proof: path, root1: previous.rootHash, root2: checkpoint.rootHash)
            return "\(origin) at size \(to) extends its history at size \(from): nothing was rewritten"
        }
    }
}
