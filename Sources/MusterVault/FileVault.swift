#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A vault in a local directory (or a mounted disk) with write-once files.
///
/// Every file is published whole or not at all: written to a hidden temporary name, made
/// read-only (0444), fsynced, then hard-linked to its final name, which fails if the name
/// exists, so nothing is ever overwritten and no reader ever sees a half-written file. The
/// vault never deletes or rewrites a file, with one exception: ``prune(prefix:olderThan:keepingNewest:)``
/// for key-store snapshots, which never touches a segment.
///
/// ```swift
/// let vault = try FileVault(directory: "/srv/muster-vault")
/// switch try vault.put(name: segment.name.fileName, bytes: segment.encode()) {
/// case .stored, .alreadyPresent: break   // a retry after a lost reply is also done
/// }
/// ```
///
/// Names are plain file names: 1–255 characters from `[A-Za-z0-9._-]`, not starting with a
/// dot, without `..` (see ``validate(name:)``). Hidden names are the vault's own temporaries.
public struct FileVault: Sendable {
    /// The vault directory.
    public let directory: String

    /// The largest file the vault stores or reads: 512 MiB (a segment's body is at most 256 MiB).
    public static let maximumFileBytes = 512 << 20

    /// What ``put(name:bytes:)`` did.
    public enum PutResult: Sendable, Equatable {
        /// The file was created.
        case stored
        /// A file of that name already held exactly these bytes; nothing was written.
        case alreadyPresent
    }

    /// A vault in `directory`, which must exist and be a directory (`io` otherwise).
    public init(directory: String) throws(VaultError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VaultError(.io, "the vault directory does not exist or is not a directory")
        }
        self.directory = directory
    }

    /// Stores `bytes` under `name` once and for all, durably (file and directory fsynced)
    /// before returning.
    ///
    /// If `name` exists with the same bytes the result is ``PutResult/alreadyPresent`` (a
    /// retrying shipper is done); with other bytes it throws `conflict` and leaves the file as
    /// it was. Throws `invalidName`, `limitExceeded` (over ``maximumFileBytes``) or `io`.
    @discardableResult
    public func put(name: String, bytes: [UInt8]) throws(VaultError) -> PutResult {
        try Self.validate(name: name)
        guard bytes.count <= Self.maximumFileBytes else {
            throw VaultError(.limitExceeded, "the file is over \(Self.maximumFileBytes) bytes", name: name)
        }
        // Checked first to skip a needless write; the link below is what actually decides.
        if let existing = try read(name, missingIsNil: true) { return try Self.compare(existing, bytes, name: name) }
        return try publish(name: name, bytes: bytes)
    }

    /// The bytes stored under `name`; `notFound` if there is none.
    public func get(name: String) throws(VaultError) -> [UInt8] {
        try Self.validate(name: name)
        guard let bytes = try read(name, missingIsNil: true) else {
            throw VaultError(.notFound, "no such file in the vault", name: name)
        }
        return bytes
    }

    /// The names in the vault that start with `prefix`, sorted (for segments: sequence
    /// order). Hidden temporaries and other names the vault would refuse are left out.
    public func list(prefix: String = "") throws(VaultError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw VaultError(.io, "cannot list the vault directory")
        }
        // Valid names are ASCII, so `<` on them is byte order.
        return names.filter { $0.hasPrefix(prefix) && Self.isValid(name: $0) }.sorted()
    }

    /// The path of `name` inside the vault.
    func path(_ name: String) -> String { directory + "/" + name }

    /// The bytes of `name`, or `nil` when it does not exist and `missingIsNil`.
    func read(_ name: String, missingIsNil: Bool = false) throws(VaultError) -> [UInt8]? {
        guard let descriptor = try POSIX.openIfExists(path(name), O_RDONLY, name: name) else {
            if missingIsNil { return nil }
            throw VaultError(.notFound, "no such file in the vault", name: name)
        }
        defer { POSIX.close(descriptor) }
        let size = try POSIX.regularFileSize(descriptor, name: name)
        guard size <= Self.maximumFileBytes else {
            throw VaultError(.limitExceeded, "the file is over \(Self.maximumFileBytes) bytes", name: name)
        }
        return try POSIX.readAll(descriptor, count: size, name: name)
    }

    /// `alreadyPresent` for identical bytes, `conflict` otherwise.
    static func compare(_ existing: [UInt8], _ bytes: [UInt8], name: String) throws(VaultError) -> PutResult {
        guard existing == bytes else {
            throw VaultError(.conflict, "a different file of that name exists; it was left untouched", name: name)
        }
        return .alreadyPresent
    }
}
