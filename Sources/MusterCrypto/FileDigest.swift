import Crypto
import Foundation

/// SHA-256 of a whole file, read a chunk at a time so memory stays flat.
public enum FileDigest {
    /// The lower-case hex SHA-256 of the file at `path`, and its size in bytes.
    public static func sha256(path: String) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            total += chunk.count
        }
        let hex = hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return (hex, total)
    }
}
