#if canImport(Glibc)
public import Glibc
#elseif canImport(Musl)
public import Musl
#elseif canImport(Darwin)
public import Darwin
#endif
import MusterSystem

/// Writes RFC 4180 CSV with LF line ends through a 64 KiB buffer.
///
/// Files are created readable by their owner only, since exports hold personal data. Call
/// ``close()`` when done: it reports a failed final write, which `deinit` cannot.
///
/// ```swift
/// let writer = try CSVWriter(path: "export.csv")
/// try writer.write(RegisterCSV.headerRow)
/// try writer.close()
/// ```
public final class CSVWriter {
    private static let bufferSize = 64 * 1024

    private var descriptor: Int32
    /// Whether ``close()`` closes the descriptor (not for standard output, which is not ours).
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []

    /// Creates or truncates the file at `path`, with `permissions` (owner-only by default).
    ///
    /// The mode is given to `open(O_CREAT)` so a new file never exists with wider permissions,
    /// not even for a moment. An existing regular file keeps its inode, so its mode is narrowed to
    /// `permissions` too; if that is refused the writer fails rather than write personal data into
    /// a file others can read.
    public init(path: String, permissions: mode_t = 0o600) throws(CSVError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw CSVError(.io, line: 0, "cannot create the file: \(lastErrorText())") }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            info.st_mode & 0o7777 & ~permissions != 0, fchmod(descriptor, permissions) != 0
        {
            let reason = lastErrorText()
            _ = systemClose(descriptor)
            throw CSVError(.io, line: 0, "cannot restrict the file's permissions: \(reason)")
        }
        self.descriptor = descriptor
        self.ownsDescriptor = true
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Writes to standard output (which is flushed, but not closed, by ``close()``).
    public init(standardOutput: ()) {
        self.descriptor = STDOUT_FILENO
        self.ownsDescriptor = false
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        // Best effort only: errors here have nowhere to go. ``close()`` is the checked path.
        try? close()
    }

    /// Appends one record.
    public func write(_ fields: [String]) throws(CSVError) {
        guard descriptor >= 0 else { throw CSVError(.io, line: 0, "the writer is closed") }
        Self.append(fields, to: &buffer)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Hands everything buffered to the operating system.
    public func flush() throws(CSVError) {
        guard descriptor >= 0 else { return }
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBufferPointer { all in
                systemWrite(descriptor, all.baseAddress! + written, all.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                // Keep only what did not go out, so a retry cannot write anything twice.
                buffer.removeSubrange(0..<written)
                throw CSVError(.io, line: 0, "cannot write the file: \(lastErrorText())")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file. Further writes fail; closing again does nothing.
    public func close() throws(CSVError) {
        guard descriptor >= 0 else { return }
        var failure: CSVError?
        do { try flush() } catch { failure = error }
        // `close` is where some file systems (NFS) report a failed write.
        if ownsDescriptor, systemClose(descriptor) != 0, failure == nil {
            failure = CSVError(.io, line: 0, "cannot close the file: \(lastErrorText())")
        }
        descriptor = -1
        buffer.removeAll()
        if let failure { throw failure }
    }
}
