import Foundation
import MusterTesting
import Testing

@testable import MusterVault

/// Retention of key-store snapshots: by the time in the vault-given name, keeping a floor of
/// the newest, and never touching a segment.
struct FileVaultPruneTests {
    static let day: TimeInterval = 86_400
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    /// A vault with ten daily key snapshots (days -9 ... 0), three segments and one other file.
    static func populated() throws -> (TemporaryDirectory, FileVault, snapshots: [String], segments: [String]) {
        let directory = TemporaryDirectory("muster-vault-test")
        let vault = try FileVault(directory: directory.path)
        var snapshots: [String] = []
        for age in (0..<10).reversed() {
            snapshots.append(try vault.putSnapshot(prefix: "keys-", bytes: [UInt8(age)], now: now - Double(age) * day))
        }
        let ledger = LedgerFixture(count: 6)
        var segments: [String] = []
        for range in [1...2, 3...4, 5...6] {
            let segment = ledger.segment(range)
            segments.append(segment.name.fileName)
            try vault.put(name: segment.name.fileName, bytes: segment.encode())
        }
        try vault.put(name: "keys-manual-copy", bytes: [1])
        return (directory, vault, snapshots, segments)
    }

    @Test func removesOnlySnapshotsOlderThanTheCutoff() throws {
        let (directory, vault, snapshots, segments) = try Self.populated()
        defer { withExtendedLifetime(directory) {} }
        let removed = try vault.prune(prefix: "keys-", olderThan: Self.now - 6.5 * Self.day, keepingNewest: 2)
        #expect(removed == Array(snapshots.prefix(3)))  // days -9, -8, -7
        #expect(try vault.list(prefix: "keys-") == (Array(snapshots.dropFirst(3)) + ["keys-manual-copy"]).sorted())
        #expect(try vault.list(prefix: SegmentName.prefix) == segments)
    }

    @Test func keepsTheNewestHoweverOld() throws {
        let (directory, vault, snapshots, segments) = try Self.populated()
        defer { withExtendedLifetime(directory) {} }
        let removed = try vault.prune(prefix: "keys-", olderThan: Self.now + 365 * Self.day, keepingNewest: 3)
        #expect(removed == Array(snapshots.prefix(7)))
        #expect(try vault.list(prefix: "keys-2") == Array(snapshots.suffix(3)))
        #expect(try vault.list(prefix: SegmentName.prefix) == segments)
        #expect(try vault.get(name: "keys-manual-copy") == [1])
    }

    @Test func neverTouchesSegments() throws {
        let (directory, vault, _, segments) = try Self.populated()
        defer { withExtendedLifetime(directory) {} }
        let bytes = try segments.map { try vault.get(name: $0) }
        // Prefixes that could reach a segment name are refused outright.
        for prefix in ["segment-", "segment-0000-"] {
            #expect(vaultErrorCode { try vault.prune(prefix: prefix, olderThan: .distantFuture, keepingNewest: 1) } == .notAllowed)
        }
        for prefix in ["", "segm", "s", "segment-00000000000000000001-00000000000000000002.mseg"] {
            #expect(vaultErrorCode { try vault.prune(prefix: prefix, olderThan: .distantFuture, keepingNewest: 1) } != nil)
        }
        // Any other prefix is allowed, and still cannot reach them.
        #expect(try vault.prune(prefix: "s-", olderThan: .distantFuture, keepingNewest: 1) == [])
        #expect(try vault.prune(prefix: "keys-", olderThan: .distantFuture, keepingNewest: 1).count == 9)
        #expect(try segments.map { try vault.get(name: $0) } == bytes)
        #expect(directory.allNames.filter { $0.hasPrefix(SegmentName.prefix) } == segments)
    }

    @Test func keepingNoneIsNotAllowed() throws {
        let (directory, vault, snapshots, _) = try Self.populated()
        defer { withExtendedLifetime(directory) {} }
        #expect(vaultErrorCode { try vault.prune(prefix: "keys-", olderThan: .distantFuture, keepingNewest: 0) } == .notAllowed)
        #expect(try vault.list(prefix: "keys-2") == snapshots)
    }

    /// Age is read from the name: a file copied back yesterday with an old name is old, and a
    /// new snapshot whose file time was set far back is new.
    @Test func ageComesFromTheNameNotTheFileTime() throws {
        let (directory, vault, snapshots, _) = try Self.populated()
        defer { withExtendedLifetime(directory) {} }
        let ancient = Date(timeIntervalSince1970: 0)
        try FileManager.default.setAttributes([.modificationDate: ancient], ofItemAtPath: directory.file(snapshots[9]))
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: directory.file(snapshots[0]))
        let removed = try vault.prune(prefix: "keys-", olderThan: Self.now - 0.5 * Self.day, keepingNewest: 1)
        #expect(removed == Array(snapshots.prefix(9)))
        #expect(try vault.list(prefix: "keys-2") == [snapshots[9]])
    }

    @Test func pruningNothingRemovesNothing() throws {
        let (directory, vault, _, _) = try Self.populated()
        defer { withExtendedLifetime(directory) {} }
        let before = directory.allNames
        #expect(try vault.prune(prefix: "keys-", olderThan: Self.now - 100 * Self.day, keepingNewest: 1) == [])
        #expect(try vault.prune(prefix: "other-", olderThan: .distantFuture, keepingNewest: 1) == [])
        #expect(directory.allNames == before)
    }
}
