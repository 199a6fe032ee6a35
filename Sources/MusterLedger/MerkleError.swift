/// A Merkle proof that does not verify, a request no tree can answer, or tree state that is
/// missing or inconsistent.
///
/// The ``code`` is stable (callers map it to HTTP and exit statuses); the ``message`` names only
/// sizes, indexes and levels, never entry contents, so it is safe to show and to log.
public struct MerkleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong; the raw value is stable.
    public enum Code: String, Sendable, CaseIterable {
        /// A leaf index at or beyond the tree size.
        case indexOutOfRange = "index_out_of_range"
        /// A proof with more or fewer hashes than the sizes call for.
        case wrongProofSize = "wrong_proof_size"
        /// The proof does not lead to the expected root (a forged or damaged element, or the
        /// wrong leaf, index, size or root).
        case rootMismatch = "root_mismatch"
        /// A consistency check or proof asked for a second tree smaller than the first.
        case sizeDecrease = "size_decrease"
        /// A consistency check or proof from the empty tree, which proves nothing.
        case emptyTree = "empty_tree"
        /// Node storage lacks a node the tree of the requested size must have.
        case missingNode = "missing_node"
    }

    /// The stable code.
    public var code: Code
    /// A description safe to show: sizes and indexes only.
    public var message: String

    /// An error with `code` and a safe `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
