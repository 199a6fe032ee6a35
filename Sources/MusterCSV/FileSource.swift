#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MusterSystem

/// Where a streaming ``CSVReader`` gets its bytes: a file, or anything else that hands over
/// its content a chunk at a time, in order (such as an upload held encrypted on disk).
public protocol CSVByteSource: AnyObject {
    /// The total size in bytes, when known (it drives progress bars).
    var size: Int? { get }
    /// Appends the next chunk to `buffer` and returns its size; 0 means the end. `line` is only
    /// used to place an error.
    func append(to buffer: inout [UInt8], line: Int) throws(CSVError) -> Int
}

/// An open file, read a chunk at a time with POSIX `read` so that memory stays flat however big
/// the file is.
///
/// A class rather than a struct so that the descriptor is closed exactly once: when the reader
/// reaches the end of the file, or when the last reference goes away.
final class FileSource: CSVByteSource {
    private var descriptor: Int32
    /// Where `read` puts each chunk; allocated once, uninitialised (zero-filling a fresh
    /// megabyte per chunk is measurable in debug builds).
    private let chunk: UnsafeMutableRawBufferPointer
    /// The file's size in bytes, when it is a regular file (not a pipe or terminal).
    let size: Int?

    init(path: String, chunkSize: Int) throws(CSVError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CSVError(.io, line: 0, "cannot open the file: \(lastErrorText())") }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            size = Int(info.st_size)
        } else {
            size = nil
        }
        self.descriptor = descriptor
        self.chunk = .allocate(byteCount: chunkSize, alignment: 1)
    }

    deinit {
        close()
        chunk.deallocate()
    }

    /// Appends the next chunk of the file to `buffer` and returns its size; 0 means end of file.
    /// `line` is only used to place an I/O error.
    func append(to buffer: inout [UInt8], line: Int) throws(CSVError) -> Int {
        guard descriptor >= 0 else { return 0 }
        var got: Int
        repeat {
            got = read(descriptor, chunk.baseAddress, chunk.count)
        } while got < 0 && errno == EINTR
        if got < 0 { throw CSVError(.io, line: line, "cannot read the file: \(lastErrorText())") }
        if got == 0 { close() }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<got]))
        return got
    }

    func close() {
        if descriptor >= 0 {
            _ = systemClose(descriptor)
            descriptor = -1
        }
    }
}
