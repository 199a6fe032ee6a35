#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MusterSystem

/// The few system calls the file vault makes, each retried on `EINTR` and reported as a
/// ``VaultError`` with the system's reason (about the file, never its contents).
///
/// Named in one place so each platform's module is spelled once, and so the calls cannot be
/// shadowed by the vault's own methods.
enum POSIX {
    /// `open(2)`; returns the descriptor.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0, name: String) throws(VaultError) -> Int32 {
        while true {
            let descriptor = systemOpen(path, flags | O_CLOEXEC, mode)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw failure("open", name: name) }
        }
    }

    /// `open(2)` of a file that may not exist: `nil` when it does not (`ENOENT`), read before
    /// anything else can change `errno`.
    static func openIfExists(_ path: String, _ flags: Int32, name: String) throws(VaultError) -> Int32? {
        while true {
            let descriptor = systemOpen(path, flags | O_CLOEXEC, 0)
            if descriptor >= 0 { return descriptor }
            let code = errno
            if code == ENOENT { return nil }
            if code != EINTR { throw failure("open", name: name) }
        }
    }

    /// Writes all of `bytes`, looping over short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], name: String) throws(VaultError) {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + done, raw.count - done)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", name: name)
            }
            done += written
        }
    }

    /// Reads exactly `count` bytes (the size `fstat` reported); a file that changes size while
    /// being read is an error rather than a silently short or long result.
    static func readAll(_ descriptor: Int32, count: Int, name: String) throws(VaultError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count + 1)
        var done = 0
        while done <= count {
            let got = out.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + done, raw.count - done)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure("read", name: name)
            }
            if got == 0 { break }
            done += got
        }
        guard done == count else { throw VaultError(.io, "the file changed size while being read", name: name) }
        out.removeLast()
        return out
    }

    /// The size of an open regular file; `io` for anything else (a directory, a device).
    static func regularFileSize(_ descriptor: Int32, name: String) throws(VaultError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("fstat", name: name) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw VaultError(.io, "not a regular file", name: name) }
        return Int(info.st_size)
    }

    static func fsync(_ descriptor: Int32, name: String) throws(VaultError) {
        while systemFsync(descriptor) != 0 {
            if errno != EINTR { throw failure("fsync", name: name) }
        }
    }

    static func fchmod(_ descriptor: Int32, _ mode: mode_t, name: String) throws(VaultError) {
        guard systemFchmod(descriptor, mode) == 0 else { throw failure("fchmod", name: name) }
    }

    /// Closes `descriptor`; errors are ignored because data was already made durable by fsync.
    static func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// The `io` error for the call that just failed, with `strerror(errno)`.
    static func failure(_ call: String, name: String?) -> VaultError {
        failure(call, code: errno, name: name)
    }

    /// The `io` error for `call` failing with the `errno` value `code`.
    static func failure(_ call: String, code: Int32, name: String?) -> VaultError {
        VaultError(.io, "\(call): \(String(cString: strerror(code)))", name: name)
    }
}
