import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Cryptographically secure random bytes, fetched from the kernel 4 KiB at a time.
///
/// Every person needs an id, a data key and two nonces; asking the kernel for each (as
/// `SystemRandomNumberGenerator` and `SymmetricKey(size:)` do) cost one `getrandom` system call
/// apiece and about a tenth of import time. The bytes are the kernel's CSPRNG output either
/// way; they are only buffered, never reused: each byte is handed out once and then zeroed.
public final class RandomPool: Sendable {
    /// The process-wide pool.
    public static let shared = RandomPool()

    private let state = Mutex(State())

    private struct State: ~Copyable {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var position = 4096
    }

    /// `count` fresh random bytes (at most 4096).
    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count <= 4096)
        return state.withLock { state in
            if state.position + count > state.buffer.count {
                Self.fill(&state.buffer)
                state.position = 0
            }
            let range = state.position..<(state.position + count)
            let out = Array(state.buffer[range])
            for i in range { state.buffer[i] = 0 }
            state.position += count
            return out
        }
    }

    /// Fills `buffer` from the kernel's CSPRNG (`/dev/urandom`, which never blocks once the
    /// system has booted; Glibc's Swift module does not expose `getrandom`).
    private static func fill(_ buffer: inout [UInt8]) {
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { fatalError("cannot open /dev/urandom (errno \(errno))") }
        defer { close(fd) }
        buffer.withUnsafeMutableBytes { raw in
            var filled = 0
            while filled < raw.count {
                let got = read(fd, raw.baseAddress! + filled, raw.count - filled)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { fatalError("cannot read /dev/urandom (errno \(errno))") }
                filled += got
            }
        }
    }
}
