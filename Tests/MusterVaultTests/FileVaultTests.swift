import Foundation
import MusterTesting
import Testing

@testable import MusterVault

/// The file vault: write-once, durable, read-only files, strict names, no leftovers.
struct FileVaultTests {
    @Test func putThenGetAndList() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        #expect(try vault.put(name: "b-file", bytes: [1, 2, 3]) == .stored)
        #expect(try vault.put(name: "a-file", bytes: []) == .stored)
        #expect(try vault.put(name: "c.file_2", bytes: Array(repeating: 9, count: 100_000)) == .stored)
        #expect(try vault.get(name: "b-file") == [1, 2, 3])
        #expect(try vault.get(name: "a-file") == [])
        #expect(try vault.get(name: "c.file_2").count == 100_000)
        #expect(try vault.list() == ["a-file", "b-file", "c.file_2"])
        #expect(try vault.list(prefix: "b") == ["b-file"])
        #expect(try vault.list(prefix: "z") == [])
    }

    @Test func segmentsListInSequenceOrderAndReadBack() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        let ledger = LedgerFixture(count: 30)
        let segments = [ledger.segment(10...30), ledger.segment(1...2), ledger.segment(3...9)]
        for segment in segments { try vault.put(name: segment.name.fileName, bytes: segment.encode()) }
        try vault.put(name: "keys-note", bytes: [0])
        let names = try vault.list(prefix: SegmentName.prefix)
        #expect(names == segments.map(\.name).sorted().map(\.fileName))
        var chain = ledger.chain()
        for name in names { try chain.accept(try Segment(encoded: try vault.get(name: name), name: name)) }
        #expect(chain.head == ledger.heads[30])
    }

    @Test func aSecondPutOfTheSameBytesIsAlreadyPresent() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        try vault.put(name: "x", bytes: [4, 5, 6])
        #expect(try vault.put(name: "x", bytes: [4, 5, 6]) == .alreadyPresent)
        #expect(directory.allNames == ["x"])
    }

    @Test(arguments: [[4, 5, 7], [4, 5], [4, 5, 6, 0], []] as [[UInt8]])
    func aSecondPutOfOtherBytesIsAConflictAndChangesNothing(other: [UInt8]) throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        try vault.put(name: "x", bytes: [4, 5, 6])
        let error = vaultError { try vault.put(name: "x", bytes: other) }
        #expect(error?.code == .conflict)
        #expect(error?.name == "x")
        #expect(try vault.get(name: "x") == [4, 5, 6])
        #expect(directory.allNames == ["x"])
    }

    /// The race the check-before-write cannot close: the name appears after the check. The
    /// link refuses to replace it, and the comparison decides as for a plain second put.
    @Test func theLinkDecidesWhenTheNameAppearsAfterTheCheck() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        try Data([1]).write(to: URL(fileURLWithPath: directory.file("raced")))
        #expect(try vault.publish(name: "raced", bytes: [1]) == .alreadyPresent)
        #expect(vaultErrorCode { try vault.publish(name: "raced", bytes: [2]) } == .conflict)
        #expect(try vault.get(name: "raced") == [1])
        #expect(directory.allNames == ["raced"])
    }

    @Test func filesAreReadOnly() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        try vault.put(name: "ro", bytes: [1])
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.file("ro"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o444)
    }

    @Test func noTemporaryFilesAreLeft() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        for n in 0..<20 { try vault.put(name: "f\(n)", bytes: [UInt8(n)]) }
        _ = try? vault.put(name: "f3", bytes: [99])
        _ = try vault.put(name: "f4", bytes: [4])
        #expect(directory.allNames.allSatisfy { !$0.hasPrefix(".") })
        #expect(directory.allNames.count == 20)
    }

    @Test func listIgnoresHiddenAndInvalidNames() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        for name in [".tmp-0123456789abcdef", "has space", "ok"] {
            try Data([0]).write(to: URL(fileURLWithPath: directory.file(name)))
        }
        #expect(try vault.list() == ["ok"])
    }

    @Test(arguments: [
        "", ".", "..", ".hidden", ".tmp-0123456789abcdef", "a/b", "../x", "a..b", "a b", "é", "a\u{0}b", "x*",
        String(repeating: "a", count: 256),
    ])
    func badNamesAreRefused(name: String) throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        #expect(vaultErrorCode { try vault.put(name: name, bytes: [1]) } == .invalidName)
        #expect(vaultErrorCode { try vault.get(name: name) } == .invalidName)
        #expect(directory.allNames.isEmpty)
    }

    @Test(arguments: ["a", "A-Z.0_9", "segment-00000000000000000001-00000000000000000002.mseg", String(repeating: "a", count: 255)])
    func goodNamesAreAccepted(name: String) {
        #expect(FileVault.isValid(name: name))
    }

    @Test func aMissingFileIsNotFound() throws {
        let directory = TemporaryDirectory("muster-vault-test")
        defer { withExtendedLifetime(directory) {} }  // the directory goes when the object does
        let vault = try FileVault(directory: directory.path)
        #expect(vaultErrorCode { try vault.get(name: "nothing") } == .notFound)
    }

    @Test func aMissingDirectoryIsRefused() {
        #expect(vaultErrorCode { try FileVault(directory: "/nonexistent/muster-vault") } == .io)
    }
}
