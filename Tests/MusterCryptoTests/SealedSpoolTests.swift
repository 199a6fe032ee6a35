import Foundation
import MusterTesting
import Testing

@testable import MusterCrypto

/// The sealed spool: what goes in comes back, what is on disk is ciphertext, and any change to
/// the file (a flipped byte, a cut, a reorder, an addition) is refused.
@Suite struct SealedSpoolTests {
    static let canary = Array("Canary-Ottoline-Plaintext,".utf8)

    /// A spool holding `count` bytes of repeated canary text.
    static func filled(_ directory: TemporaryDirectory, count: Int, pieces: Int = 7) throws -> (SealedSpool, [UInt8]) {
        let plain = (0..<count).map { canary[$0 % canary.count] }
        let spool = try SealedSpool(creating: directory.file("spool"))
        // Uneven appends, so chunk boundaries fall inside them.
        var start = 0
        for piece in 0..<pieces {
            let end = piece == pieces - 1 ? count : min(count, start + count / pieces + piece * 13)
            try plain[start..<end].withUnsafeBytes { try spool.append($0) }
            start = end
        }
        try spool.finish()
        return (spool, plain)
    }

    static func readAll(_ spool: SealedSpool) throws -> [UInt8] {
        let reader = try spool.reader()
        var out: [UInt8] = []
        while let chunk = try reader.next() { out += chunk }
        return out
    }

    @Test(arguments: [0, 1, SealedSpool.chunkSize - 1, SealedSpool.chunkSize, SealedSpool.chunkSize + 1, 5 * SealedSpool.chunkSize / 2])
    func whatGoesInComesBackAndOnlyCiphertextIsOnDisk(count: Int) throws {
        let directory = TemporaryDirectory("muster-spool")
        let (spool, plain) = try Self.filled(directory, count: count)
        #expect(try Self.readAll(spool) == plain)
        #expect(spool.byteCount == count)
        let plainFile = directory.file("plain")
        try Data(plain).write(to: URL(fileURLWithPath: plainFile))
        #expect(spool.sha256 == (try FileDigest.sha256(path: plainFile).hex))
        let onDisk = try [UInt8](Data(contentsOf: URL(fileURLWithPath: spool.path)))
        #expect(!onDisk.isEmpty)
        #expect(onDisk.firstRange(of: Self.canary.prefix(12)) == nil, "plaintext on disk")
        let mode = try FileManager.default.attributesOfItem(atPath: spool.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theFileGoesAwayWithTheSpoolAndAnExistingFileIsRefused() throws {
        let directory = TemporaryDirectory("muster-spool")
        let path = directory.file("spool")
        do {
            let (spool, _) = try Self.filled(directory, count: 1000)
            #expect(FileManager.default.fileExists(atPath: spool.path))
            #expect(throws: (any Error).self) { try SealedSpool(creating: path) }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    enum Damage: CaseIterable { case flipByte, cutLastChunk, dropLastChunk, swapChunks, appendBytes, replayFirstChunkAtEnd }

    @Test(arguments: Damage.allCases)
    func anyChangeToTheFileIsRefused(damage: Damage) throws {
        let directory = TemporaryDirectory("muster-spool")
        let (spool, _) = try Self.filled(directory, count: 5 * SealedSpool.chunkSize / 2)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: spool.path)))
        let frame = 4 + SealedSpool.chunkSize + 16
        switch damage {
        case .flipByte: bytes[frame + 100] ^= 0x01
        case .cutLastChunk: bytes.removeLast(10)
        case .dropLastChunk: bytes.removeSubrange((2 * frame)...)
        case .swapChunks: bytes = Array(bytes[frame..<(2 * frame)] + bytes[0..<frame] + bytes[(2 * frame)...])
        case .appendBytes: bytes += [0, 0, 0, 20] + randomBytes(20)
        case .replayFirstChunkAtEnd: bytes += bytes[0..<frame]
        }
        try Data(bytes).write(to: URL(fileURLWithPath: spool.path))
        #expect(throws: CryptoFailure.self) { try Self.readAll(spool) }
    }
}
