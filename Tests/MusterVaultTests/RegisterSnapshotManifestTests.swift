import Testing

@testable import MusterVault

struct RegisterSnapshotManifestTests {
    static let manifest = RegisterSnapshotManifest(
        origin: "register.example.org/log", id: Array(0..<16), ledgerSize: 430_001, fileBytes: 647_090_176,
        parts: (0..<3).map { "pages-20261126T094429Z-41471\($0)b573d62718" })

    @Test func roundTrips() throws {
        #expect(try RegisterSnapshotManifest(encoded: Self.manifest.encode()) == Self.manifest)
        let empty = RegisterSnapshotManifest(origin: "o", id: Array(repeating: 7, count: 16), ledgerSize: 0, fileBytes: 0, parts: [])
        #expect(try RegisterSnapshotManifest(encoded: empty.encode()) == empty)
    }

    /// Every cut is refused, and so is a byte too many: a manifest is all or nothing.
    @Test func refusesEveryTruncationAndTrailingBytes() {
        let bytes = Self.manifest.encode()
        for length in 0..<bytes.count {
            #expect(throws: VaultError.self) { try RegisterSnapshotManifest(encoded: Array(bytes[..<length])) }
        }
        #expect(throws: VaultError.self) { try RegisterSnapshotManifest(encoded: bytes + [0]) }
    }

    @Test func refusesAnotherMagicOrVersionAndImpossibleCounts() {
        var bytes = Self.manifest.encode()
        bytes[0] = UInt8(ascii: "X")
        #expect { try RegisterSnapshotManifest(encoded: bytes) } throws: { ($0 as? VaultError)?.code == .malformed }
        bytes = Self.manifest.encode()
        bytes[4] = 9
        #expect { try RegisterSnapshotManifest(encoded: bytes) } throws: { ($0 as? VaultError)?.code == .unsupportedVersion }
        bytes = Self.manifest.encode()
        let countOffset = 5 + 2 + "register.example.org/log".utf8.count + 16 + 16
        bytes.replaceSubrange(countOffset..<countOffset + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])  // part count
        #expect { try RegisterSnapshotManifest(encoded: bytes) } throws: { ($0 as? VaultError)?.code == .malformed }
    }
}
