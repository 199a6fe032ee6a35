import Foundation
import MusterCore
import MusterDemo
import MusterTesting
import Testing

@testable import MusterRegister

/// A bulk write leaves its SQLite register written back, not in the write-ahead log: a
/// process that ends before SQLite does that itself would leave every later reader looking
/// pages up in the log.
@Suite struct WriteAheadLogTests {
    @Test func aBulkImportLeavesTheLogEmpty() async throws {
        let test = try await TestRegister()
        let demo = DemoRegister(seed: 11, referenceDay: Day(iso: "2026-06-01")!)
        let count = Int(LedgerWriter.bulkEntries)
        _ = try await test.register.importRecords(count: count, source: "demo", record: demo.person(at:))
        let log = test.register.configuration.databasePath + "-wal"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        #expect(size == 0)
        _ = try await test.register.verify()
    }

    /// An export records a disclosure per person: as many entries as an import.
    @Test func anExportLeavesTheLogEmpty() async throws {
        let test = try await TestRegister()
        let demo = DemoRegister(seed: 12, referenceDay: Day(iso: "2026-06-01")!)
        _ = try await test.register.importRecords(count: Int(LedgerWriter.bulkEntries), source: "demo", record: demo.person(at:))
        let out = test.directory.file("export.csv")
        _ = try await test.register.export(to: .file(out), disclosure: .test)
        let log = test.register.configuration.databasePath + "-wal"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        #expect(size == 0)
    }

    @Test func aSmallWriteLeavesTheLogToSQLite() async throws {
        let test = try await TestRegister()
        _ = try await test.register.add(person("Ada", "Lovelace"))
        let log = test.register.configuration.databasePath + "-wal"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        #expect(size > 0)
    }
}
