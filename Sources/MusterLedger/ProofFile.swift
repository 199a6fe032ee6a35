import Foundation

/// Proofs as small text files, so they can be handed to anyone and checked offline with only
/// the register's public key and its signed checkpoints.
///
/// ```
/// muster inclusion proof
/// origin muster.local/1a2b3c4d
/// entry 42
/// size 1000
/// entry-bytes <base64 of the entry's canonical bytes>
/// <base64 hash>            (one line per proof element)
/// ```
///
/// ```
/// muster consistency proof
/// origin muster.local/1a2b3c4d
/// from 1000
/// to 2000
/// <base64 hash>
/// ```
public enum ProofFile: Sendable, Equatable {
    case inclusion(origin: String, entry: UInt64, size: UInt64, entryBytes: [UInt8], proof: [EntryHash])
    case consistency(origin: String, from: UInt64, to: UInt64, proof: [EntryHash])

    public var text: String {
        switch self {
        case .inclusion(let origin, let entry, let size, let bytes, let proof):
            return (["muster inclusion proof", "origin \(origin)", "entry \(entry)", "size \(size)",
                     "entry-bytes \(Data(bytes).base64EncodedString())"]
                + proof.map { Data($0.bytes).base64EncodedString() }).joined(separator: "\n") + "\n"
        case .consistency(let origin, let from, let to, let proof):
            return (["muster consistency proof", "origin \(origin)", "from \(from)", "to \(to)"]
                + proof.map { Data($0.bytes).base64EncodedString() }).joined(separator: "\n") + "\n"
        }
    }

    /// Parses a proof file; throws ``ProofError`` naming the line that is wrong.
    public init(text: String) throws(ProofError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw ProofError("a proof file ends with a newline") }
        var reader = LineReader(lines: Array(lines.dropLast()))
        switch try reader.next() {
        case "muster inclusion proof":
            let origin = try reader.field("origin")
            let entry = try reader.number("entry")
            let size = try reader.number("size")
            let bytes = try reader.base64(try reader.field("entry-bytes"))
            self = .inclusion(origin: origin, entry: entry, size: size, entryBytes: bytes, proof: try reader.hashes())
        case "muster consistency proof":
            let origin = try reader.field("origin")
            let from = try reader.number("from")
            let to = try reader.number("to")
            self = .consistency(origin: origin, from: from, to: to, proof: try reader.hashes())
        default:
            throw ProofError("line 1: not a Muster proof file")
        }
    }

    private struct LineReader {
        let lines: [String]
        var index = 0

        mutating func next() throws(ProofError) -> String {
            guard index < lines.count else { throw ProofError("line \(index + 1): missing") }
            defer { index += 1 }
            return lines[index]
        }

        mutating func field(_ name: String) throws(ProofError) -> String {
            let line = try next()
            guard line.hasPrefix(name + " "), line.count > name.count + 1 else {
                throw ProofError("line \(index): expected '\(name) …'")
            }
            return String(line.dropFirst(name.count + 1))
        }

        mutating func number(_ name: String) throws(ProofError) -> UInt64 {
            let text = try field(name)
            guard let value = UInt64(text), String(value) == text else {
                throw ProofError("line \(index): \(name) must be a decimal number")
            }
            return value
        }

        func base64(_ text: String) throws(ProofError) -> [UInt8] {
            guard let data = Data(base64Encoded: text) else { throw ProofError("line \(index): not base64") }
            return Array(data)
        }

        mutating func hashes() throws(ProofError) -> [EntryHash] {
            var hashes: [EntryHash] = []
            while index < lines.count {
                let line = try next()
                guard let hash = EntryHash(bytes: try base64(line)) else {
                    throw ProofError("line \(index): a proof hash is 32 bytes")
                }
                hashes.append(hash)
            }
            return hashes
        }
    }
}

/// A proof file that is malformed or does not prove what it claims.
public struct ProofError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
