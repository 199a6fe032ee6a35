import MusterCore
import MusterLedger
import MusterStore
import Testing

/// The scans by subject id, one ``SubjectRange`` at a time: the ranges of a partition, read in
/// turn, give exactly what the whole scan gives, on every backend (`ledger verify` relies on it).
@Suite struct StoreRangeConformanceTests {
    /// What a scan gave, in order, and the error that stopped it, if one did.
    struct Scan: Equatable {
        var rows: [String] = []
        var error: String?
    }

    /// Reads every range of `ranges` in turn, as one scan: stops at the first error.
    static func scan(_ store: any Store, _ ranges: [SubjectRange]) async throws -> [Scan] {
        try await store.read { tx in
            var entries = Scan()
            var people = Scan()
            var keys = Scan()
            var owners = Scan()
            do {
                for range in ranges {
                    try tx.forEachEntryBySubject(in: range) { subject, seq, bytes in
                        entries.rows.append("\(subject) \(seq) \(bytes.count)")
                    }
                }
            } catch {
                entries.error = "\(error)"
            }
            for range in ranges {
                try tx.forEachPersonByID(in: range) { people.rows.append("\($0.id) \($0.number)") }
                try tx.forEachWrappedKey(in: range) { keys.rows.append("\($0) \($1)") }
                try tx.forEachKeyOwner(in: range) { words in
                    owners.rows.append(words.map { withUnsafeBytes(of: $0) { Hex.encode(Array($0)) } } ?? "malformed")
                }
            }
            return [entries, people, keys, owners]
        }
    }

    static let partitions = [1, 2, 3, 64, 1000].map(SubjectRange.partition(into:))

    /// People with 0, 1 and 3 entries each; every other one erased (no key), and a disclosure,
    /// which no scan by subject returns.
    static func fill(_ store: any Store, people: Int) async throws {
        try await store.write { tx in
            for n in 0..<people {
                let row = StoreFixtures.row("M\(n)")
                for kind in [EntryKind.create, .update, .statusChange].prefix(n % 3 + 1) {
                    _ = try tx.append(StoreFixtures.draft(kind, subject: row.id))
                }
                _ = try tx.append(StoreFixtures.draft(.disclosure, subject: row.id))
                try tx.insert(row)
                if n % 2 == 0 { try tx.putWrappedKey([UInt8(n % 256)], for: row.id) }
            }
        }
    }

    @Test(arguments: StoreBackend.available, [0, 1, 50])
    func partitionsReadInTurnAreTheWholeScan(_ backend: StoreBackend, people: Int) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        try await Self.fill(subject.store, people: people)
        let whole = try await Self.scan(subject.store, [.all])
        #expect(whole[0].rows.count == (0..<people).reduce(0) { $0 + $1 % 3 + 1 })
        #expect(whole[1].rows.count == people && whole[2].rows.count == (people + 1) / 2)
        // The owners of the keys are the keys' ids, in the same order.
        #expect(whole[3].rows == whole[2].rows.map { String($0.prefix(32)) })
        for ranges in Self.partitions {
            #expect(try await Self.scan(subject.store, ranges) == whole, "\(ranges.count) ranges")
        }
    }

    /// An entry that changes a person but names none (the `subject` column is not hashed, so it
    /// can be edited): each backend meets it where its whole scan does, and fails there.
    @Test(arguments: StoreBackend.available)
    func anEntryWithoutASubjectFailsWhereTheWholeScanFails(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        try await Self.fill(subject.store, people: 20)
        _ = try await subject.store.write { tx in try tx.append(StoreFixtures.draft(.update, subject: nil)) }
        let whole = try await Self.scan(subject.store, [.all])
        // SQLite names the malformed subject; PostgreSQL fails to decode the missing value.
        #expect(whole[0].error != nil)
        for ranges in Self.partitions {
            #expect(try await Self.scan(subject.store, ranges) == whole, "\(ranges.count) ranges")
        }
    }

    /// Rows read by id are the rows looked up one by one, but for their blind indexes, which
    /// such scans leave out.
    @Test(arguments: StoreBackend.available)
    func rowsReadByIDAreTheStoredRowsWithoutBlindIndexes(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        try await Self.fill(subject.store, people: 10)
        let (scanned, lookedUp) = try await subject.store.read { tx in
            var scanned: [PersonRow] = []
            try tx.forEachPersonByID(in: .all) { scanned.append($0) }
            return (scanned, try scanned.map { try tx.person(id: $0.id) })
        }
        #expect(scanned.count == 10)
        for (row, stored) in zip(scanned, lookedUp) {
            var expected = try #require(stored)
            #expect(expected.indexes != .none)
            expected.indexes = .none
            #expect(row == expected)
        }
    }

    /// Rows read in storage order, part by part, are every row by id once, whatever the number
    /// of parts (more parts than rows too).
    @Test(arguments: StoreBackend.available, [1, 2, 3, 64])
    func partsInStorageOrderAreEveryRowOnce(_ backend: StoreBackend, parts: Int) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        try await Self.fill(subject.store, people: 50)
        let (byID, asStored) = try await subject.store.read { tx in
            var byID: [PersonRow] = []
            try tx.forEachPersonByID(in: .all) { byID.append($0) }
            var asStored: [PersonRow] = []
            for part in 0..<parts { try tx.forEachPersonAsStored(part: part, of: parts) { asStored.append(try $0.decoded()) } }
            return (byID, asStored)
        }
        #expect(byID.count == 50)
        #expect(asStored.sorted { $0.id.bytes.lexicographicallyPrecedes($1.id.bytes) } == byID)
    }
}
