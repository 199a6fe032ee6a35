import Crypto
import Foundation
import MusterSystem

/// A scratch file for personal data that has to pass through disk, such as an uploaded register
/// CSV that is too big to hold in memory and must be read in full before its import starts.
///
/// What reaches the disk is AES-256-GCM ciphertext under a random key that exists only in this
/// object's memory: a crash, a stolen disk or a forgotten file leaves bytes nobody can open.
/// The file is a sequence of sealed chunks, each `[UInt32 big-endian length][ciphertext + tag]`,
/// sealed with its index as the nonce and a flag marking the last one as authenticated data, so
/// a chunk that is changed, moved, dropped or cut off after the end fails to open.
///
/// Write with ``append(_:)`` then ``finish()``; read back with ``reader()``. The file is removed
/// when the spool goes away.
///
/// `@unchecked Sendable`: a spool is filled by one task and then handed, finished, to the one
/// that reads it; it is never used by two at once, and a lock per chunk would buy nothing.
public final class SealedSpool: @unchecked Sendable {
    static let chunkSize = 1 << 20
    /// The file, created 0600 and exclusively (it must not exist).
    public let path: String
    private let key = SymmetricKey(size: .bits256)
    private var output: FileHandle?
    private var pending: [UInt8] = []
    private var chunksWritten: UInt64 = 0
    private var hasher = SHA256()
    /// Plaintext bytes appended so far.
    public private(set) var byteCount = 0
    /// Lower-case hex SHA-256 of the plaintext, once ``finish()`` has run.
    public private(set) var sha256: String?

    public init(creating path: String) throws {
        let descriptor = systemOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        self.path = path
        self.output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        pending.reserveCapacity(Self.chunkSize)
    }

    deinit {
        try? output?.close()
        _ = systemUnlink(path)
    }

    /// Adds plaintext; every full chunk is sealed and written at once.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(output != nil, "append after finish")
        hasher.update(bufferPointer: bytes)
        byteCount += bytes.count
        var rest = bytes[...]
        while !rest.isEmpty {
            let taken = rest.prefix(Self.chunkSize - pending.count)
            pending.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
            if pending.count == Self.chunkSize { try writeChunk(last: false) }
        }
    }

    /// Seals what is left as the last chunk and closes the file for writing.
    public func finish() throws {
        guard output != nil else { return }
        try writeChunk(last: true)
        try output?.close()
        output = nil
        sha256 = hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Reads the plaintext back a chunk at a time, checking each one. Call after ``finish()``.
    public func reader() throws -> Reader {
        precondition(output == nil, "read before finish")
        guard let input = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        return Reader(input: input, key: key)
    }

    private func writeChunk(last: Bool) throws {
        let sealed = try AES.GCM.seal(pending, using: key, nonce: Self.nonce(chunksWritten), authenticating: [last ? 1 : 0] as [UInt8])
        var frame = withUnsafeBytes(of: UInt32(sealed.ciphertext.count + sealed.tag.count).bigEndian) { Array($0) }
        frame += sealed.ciphertext
        frame += sealed.tag
        try output?.write(contentsOf: frame)
        chunksWritten += 1
        pending.removeAll(keepingCapacity: true)
    }

    fileprivate static func nonce(_ index: UInt64) -> AES.GCM.Nonce {
        // A fresh key per spool, so a counter nonce never repeats under one key.
        try! AES.GCM.Nonce(data: [0, 0, 0, 0] + withUnsafeBytes(of: index.bigEndian) { Array($0) })
    }

    /// The chunks of a finished spool, in order.
    public final class Reader {
        private let input: FileHandle
        private let key: SymmetricKey
        private var index: UInt64 = 0
        private var sawLast = false

        fileprivate init(input: FileHandle, key: SymmetricKey) {
            self.input = input
            self.key = key
        }

        deinit { try? input.close() }

        /// The next chunk of plaintext, or `nil` after the last. Throws ``CryptoFailure`` when
        /// the file was changed, truncated or extended.
        public func next() throws -> [UInt8]? {
            guard let header = try input.read(upToCount: 4), !header.isEmpty else {
                guard sawLast else { throw CryptoFailure(.authenticationFailed, "the spool file was cut short") }
                return nil
            }
            guard !sawLast else { throw CryptoFailure(.authenticationFailed, "the spool file has bytes after its end") }
            let length = header.count == 4 ? Int(header.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) : -1
            guard length >= 16, length <= SealedSpool.chunkSize + 16,
                let body = try input.read(upToCount: length), body.count == length
            else { throw CryptoFailure(.malformedCiphertext, "the spool file is damaged") }
            let nonce = SealedSpool.nonce(index)
            index += 1
            for last: UInt8 in [0, 1] {
                let box = try AES.GCM.SealedBox(nonce: nonce, ciphertext: body.prefix(length - 16), tag: body.suffix(16))
                if let plain = try? AES.GCM.open(box, using: key, authenticating: [last]) {
                    sawLast = last == 1
                    return Array(plain)
                }
            }
            throw CryptoFailure(.authenticationFailed, "a chunk of the spool file was changed or moved")
        }
    }
}
