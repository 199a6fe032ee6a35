import CompressNIO
import NIOCore

/// Raw deflate (RFC 1951, no zlib or gzip header) of a segment body, through zlib.
///
/// Raw deflate because the segment already carries its own length and SHA-256: a zlib header
/// and Adler-32 would add six bytes and check nothing new. Any zlib can read the body back
/// (`inflateInit2` with window bits -15), which matters for a restore done without Muster.
enum Deflate {
    /// Deflate's worst case expands by at most 1032:1 the other way: one compressed byte can
    /// stand for at most 1032 bytes (a 258-byte match in 2 bits). A declared inflated size
    /// beyond this ratio cannot be honest, so it is refused before any allocation.
    static let maximumRatio = 1032

    /// The body deflated at zlib's default level, or `nil` if zlib fails (it should not).
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var input = ByteBuffer(bytes: bytes)
        guard let output = try? input.compress(with: .deflate()) else { return nil }
        return Array(output.readableBytesView)
    }

    /// Inflates `compressed` into exactly `count` bytes, or returns `nil`.
    ///
    /// Strict: the stream must be one complete deflate stream that ends at the last byte of
    /// `compressed` and produces exactly `count` bytes. A sentinel byte is appended to the
    /// input so that "stream ended exactly here" is observable: a complete stream stops
    /// before the sentinel and leaves it unread, while a cut-off stream runs into it.
    /// The output buffer is sized from `count`, which the caller has bounded.
    static func inflate(_ compressed: ArraySlice<UInt8>, count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        var input = ByteBuffer(bytes: compressed)
        input.writeInteger(UInt8(0))
        var output = ByteBufferAllocator().buffer(capacity: count + 1)
        do {
            // One inflate call over the whole input: it throws on corrupt data and when the
            // output would exceed the buffer; otherwise it stops at the end of the stream.
            try ZlibDecompressor(algorithm: .deflate).inflate(from: &input, to: &output)
        } catch {
            return nil
        }
        guard input.readableBytes == 1, output.readableBytes == count else { return nil }
        return Array(output.readableBytesView)
    }
}
