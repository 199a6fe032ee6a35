import Foundation

/// A fresh directory under the system's temporary directory, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ label: String = "muster-test") {
        path = NSTemporaryDirectory() + "/\(label)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to a file inside the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let target = file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// Flips one bit in the middle of a vault's read-only file, as an attacker with the disk would.
public func flipMiddleBit(ofFileAt path: String) throws {
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count / 2] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: path))
}
