import Foundation
import MusterTesting
import Testing
@testable import MusterCrypto

struct FileDigestTests {
    /// SHA-256 test vectors (FIPS 180-2 examples and the empty string).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func smallFilesMatchKnownDigests(text: String, expected: String) throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("file", Array(text.utf8))
        let result = try FileDigest.sha256(path: path)
        #expect(result.hex == expected)
        #expect(result.bytes == text.utf8.count)
    }

    /// Sizes around the 1 MiB read chunk, and well past it.
    @Test(arguments: [(1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12_345])
    func largeFilesMatchSha256sum(size: Int) async throws {
        let scratch = ScratchDirectory()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<size).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let path = scratch.write("large.bin", bytes)
        let result = try FileDigest.sha256(path: path)
        #expect(result.bytes == size)
        #expect(result.hex == (try await sha256sum(path)))
    }

    @Test func aMillionAsMatchesTheFIPSVector() throws {
        // FIPS 180-2: SHA-256 of one million "a" (crosses the 1 MiB chunk? no: 1,000,000 < 1,048,576).
        let scratch = ScratchDirectory()
        let path = scratch.write("a", [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(
            try FileDigest.sha256(path: path).hex
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hexIsLowerCaseAnd64Characters() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("x", Array("x".utf8))
        let hex = try FileDigest.sha256(path: path).hex
        #expect(hex.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func aMissingFileThrows() {
        let scratch = ScratchDirectory()
        #expect(throws: (any Error).self) { try FileDigest.sha256(path: scratch.file("absent")) }
    }

    /// The digest from the system's `sha256sum`, an implementation independent of swift-crypto.
    func sha256sum(_ path: String) async throws -> String {
        let run = try await ChildProcess.run("/usr/bin/sha256sum", [path])
        #expect(run.status == 0)
        return String(run.stdout.prefix(64))
    }
}
