#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MusterSystem

extension FileVault {
    /// The mode of every published file: read-only for everyone, so that even the vault's own
    /// process needs a deliberate chmod to change one.
    static let fileMode: mode_t = 0o444
    /// Temporaries are hidden (a leading dot), so ``list(prefix:)`` never shows them and no
    /// valid name can collide with one.
    static let temporaryPrefix = ".tmp-"

    /// Writes a temporary, links it to `name` (atomic, fails if `name` exists), removes the
    /// temporary and fsyncs the directory.
    func publish(name: String, bytes: [UInt8]) throws(VaultError) -> PutResult {
        let temporary = try writeTemporary(bytes, for: name)
        let linked = systemLink(path(temporary), path(name))
        // The temporary goes whatever happened: on success the final name holds the data.
        let unlinked = systemUnlink(path(temporary))
        switch linked {
        case 0:
            break
        case EEXIST:
            // Someone published the name between our check and our link: theirs stands.
            guard let existing = try read(name, missingIsNil: true) else {
                throw VaultError(.io, "link: the name exists but cannot be read", name: name)
            }
            return try Self.compare(existing, bytes, name: name)
        default:
            throw POSIX.failure("link", code: linked, name: name)
        }
        guard unlinked == 0 else {
            throw POSIX.failure("unlink of the temporary", code: unlinked, name: name)
        }
        // The new name and the removed temporary are directory changes: make them durable.
        try syncDirectory(name: name)
        return .stored
    }

    /// Creates a fresh hidden temporary exclusively, writes `bytes`, makes it read-only and
    /// fsyncs it; returns its name. Removes it again if any step fails.
    private func writeTemporary(_ bytes: [UInt8], for name: String) throws(VaultError) -> String {
        let temporary = Self.temporaryPrefix + Self.randomHex()
        let target = path(temporary)
        let descriptor = try POSIX.open(target, O_WRONLY | O_CREAT | O_EXCL, mode: Self.fileMode, name: name)
        do throws(VaultError) {
            defer { POSIX.close(descriptor) }
            try POSIX.writeAll(descriptor, bytes, name: name)
            // Created 0444 already, but the umask may have taken bits away: set it exactly.
            try POSIX.fchmod(descriptor, Self.fileMode, name: name)
            try POSIX.fsync(descriptor, name: name)
        } catch {
            _ = systemUnlink(target)
            throw error
        }
        return temporary
    }

    /// fsync(2) on the directory itself, which is what makes a new or removed name durable.
    func syncDirectory(name: String?) throws(VaultError) {
        let descriptor = try POSIX.open(directory, O_RDONLY | O_DIRECTORY, name: name ?? directory)
        defer { POSIX.close(descriptor) }
        try POSIX.fsync(descriptor, name: name ?? directory)
    }

    /// 16 lower-case hex digits from the system generator.
    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
