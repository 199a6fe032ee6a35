import Foundation
import MusterCore
import MusterDemo
import MusterTesting
import MusterVault
import Synchronization
import Testing

@testable import MusterRegister

/// The ransomware drill: continuous writes, shipping, destruction, restore, comparison.
@Suite struct DrillTests {
    static func register(_ directory: TemporaryDirectory) async throws -> (Register, RegisterConfiguration) {
        let configuration = RegisterConfiguration(
            dataDirectory: directory.file("data"), keysDirectory: directory.file("keys"), actor: "test:drill")
        let register = try await Register.initialise(configuration)
        let demo = DemoRegister(seed: 5, referenceDay: Day(iso: "2026-06-01")!)
        _ = try await register.importRecords(count: 50, source: "demo", record: demo.person(at:))
        var restoreInto = configuration
        restoreInto.dataDirectory = directory.file("restored")
        return (register, restoreInto)
    }

    @Test func everythingAcknowledgedAndShippedComesBack() async throws {
        let directory = TemporaryDirectory("muster-drill")
        let (register, restoreInto) = try await Self.register(directory)
        var drill = RansomwareDrill()
        drill.writeSeconds = 1.5
        drill.shipInterval = .milliseconds(200)
        let report = try await drill.run(register: register, vault: try FileVault.created(directory.file("vault")), restoreInto: restoreInto)
        #expect(report.acknowledged > 0 && report.shipped > 0)
        #expect(report.lost == 0)
        #expect(report.restoredDigest == report.expectedDigest)
        #expect(report.passed)
        #expect(!FileManager.default.fileExists(atPath: directory.file("data")), "the primary was destroyed")
        #expect(report.restore.people == 50 + report.shipped)
    }

    /// A vault that, at restore time, quietly hides its newest segment (a consistent but short
    /// history): the drill must notice that acknowledged, shipped writes are missing.
    @Test func aVaultThatLosesShippedWritesFailsTheDrill() async throws {
        let directory = TemporaryDirectory("muster-drill")
        let (register, restoreInto) = try await Self.register(directory)
        let vault = ForgetfulVault(try FileVault.created(directory.file("vault")))
        var drill = RansomwareDrill()
        drill.writeSeconds = 1.5
        drill.shipInterval = .milliseconds(200)
        vault.forgetAfterDestruction(directory.file("data"))
        let report = try await drill.run(register: register, vault: vault, restoreInto: restoreInto)
        #expect(report.lost > 0)
        #expect(!report.passed)
    }
}

/// Hides the newest segment once the primary data directory is gone.
final class ForgetfulVault: Vault {
    let inner: FileVault
    private let watched = Mutex<String?>(nil)

    init(_ inner: FileVault) { self.inner = inner }

    func forgetAfterDestruction(_ directory: String) { watched.withLock { $0 = directory } }

    var location: String { inner.location }
    func store(name: String, bytes: [UInt8]) async throws -> FileVault.PutResult { try await inner.store(name: name, bytes: bytes) }
    func fetch(name: String) async throws -> [UInt8] { try await inner.fetch(name: name) }
    func storeSnapshot(prefix: String, bytes: [UInt8]) async throws -> String { try await inner.storeSnapshot(prefix: prefix, bytes: bytes) }
    func pruneSnapshots(prefix: String, olderThan cutoff: Date, keepingNewest: Int) async throws -> [String] { [] }

    func names(prefix: String) async throws -> [String] {
        let names = try await inner.names(prefix: prefix)
        let gone = watched.withLock { $0 }.map { !FileManager.default.fileExists(atPath: $0) } ?? false
        return gone && prefix == SegmentName.prefix && names.count > 1 ? Array(names.dropLast()) : names
    }
}

extension FileVault {
    /// A vault in a new directory.
    static func created(_ path: String) throws -> FileVault {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return try FileVault(directory: path)
    }
}
