import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

/// One suite, every backend: what the register relies on from a store.
@Suite struct StoreConformanceTests {
    @Test func postgresIsCoveredWhenTheTestCommandRuns() {
        #expect(!TestDatabase.required || StoreBackend.available.contains(.postgres), "MUSTER_TEST_DATABASE is not set")
    }

    @Test(arguments: StoreBackend.available)
    func anEmptyStoreHasAnEmptyLedgerAndNoPeople(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        #expect(try await store.read { try $0.ledgerHead() } == .empty)
        #expect(try await store.read { try $0.counts() } == RegisterCounts())
        #expect(try await store.read { try $0.person(number: "M1") } == nil)
    }

    @Test(arguments: StoreBackend.available)
    func appendsAreNumberedChainedAndReadBackInOrder(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let first = try await store.write { tx in [try tx.append(StoreFixtures.draft()), try tx.append(StoreFixtures.draft(.update))] }
        let third = try await store.write { tx in try tx.append(StoreFixtures.draft(.importBatch, subject: nil, payload: [])) }
        #expect(first.map(\.entry.sequence) == [1, 2])
        #expect(first[1].entry.previousHash == first[0].hash)
        #expect(third.entry.sequence == 3 && third.entry.previousHash == first[1].hash)
        #expect(try await store.read { try $0.ledgerHead() } == ChainHead(size: 3, hash: third.hash))
        let stored: [SealedEntry] = try await store.read { tx in
            var all: [SealedEntry] = []
            try tx.forEachEntry(from: 1) { seq, bytes, hash in
                let sealed = SealedEntry(try LedgerEntry(encoded: bytes))
                #expect(sealed.hash.bytes == hash && sealed.entry.sequence == seq)
                all.append(sealed)
            }
            return all
        }
        #expect(stored == first + [third])
        let tail = try await store.read { tx in
            var seqs: [UInt64] = []
            try tx.forEachEntry(from: 2) { seq, _, _ in seqs.append(seq) }
            return seqs
        }
        #expect(tail == [2, 3])
    }

    @Test(arguments: StoreBackend.available)
    func aThrowingTransactionLeavesNoTrace(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let row = StoreFixtures.row("M1")
        struct Injected: Error {}
        await #expect(throws: Injected.self) {
            try await store.write { tx in
                _ = try tx.append(StoreFixtures.draft())
                try tx.insert(row)
                try tx.putWrappedKey([9, 9], for: row.id)
                try tx.setMetadata("k", "v")
                throw Injected()
            }
        }
        #expect(try await store.read { try $0.ledgerHead() } == .empty)
        #expect(try await store.read { try $0.person(number: "M1") } == nil)
        #expect(try await store.read { try $0.wrappedKey(for: row.id) } == nil)
        #expect(try await store.read { try $0.metadata("k") } == nil)
        // And the next transaction numbers from 1 again.
        #expect(try await store.write { try $0.append(StoreFixtures.draft()) }.entry.sequence == 1)
    }

    @Test(arguments: StoreBackend.available)
    func rowsRoundTripExactlyByNumberAndById(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let row = StoreFixtures.row("M1", email: [4, 5, 6])
        var sparse = StoreFixtures.row("M2")
        sparse.record.joinDate = nil
        sparse.record.dues = Dues()
        sparse.record.consents = Consents()
        sparse.record.updatedAt = nil
        sparse.membership = Membership(statusSince: nil, continuousSince: nil)
        sparse.sealedIdentity = nil
        sparse.indexes = .none
        sparse.erasedAt = Timestamp(iso: "2026-01-01T00:00:00Z")
        let stored = sparse
        try await store.write { tx in
            try tx.insert(row)
            try tx.insert(stored)
        }
        #expect(try await store.read { try $0.person(number: "M1") } == row)
        #expect(try await store.read { try $0.person(id: row.id) } == row)
        #expect(try await store.read { try $0.person(number: "M2") } == sparse)
    }

    @Test(arguments: StoreBackend.available)
    func numbersAreUniqueAndUpdatesNeedAnExistingRow(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        try await store.write { try $0.insert(StoreFixtures.row("M1")) }
        await #expect(throws: (any Error).self) { try await store.write { try $0.insert(StoreFixtures.row("M1")) } }
        let ghost = StoreFixtures.row("M9")
        await #expect(throws: StoreError.self) { try await store.write { try $0.update(ghost) } }
        var changed = try #require(try await store.read { try $0.person(number: "M1") })
        changed.record.status = .active
        changed.record.branch = "South branch"
        changed.version = 7
        let updated = changed
        try await store.write { try $0.update(updated) }
        #expect(try await store.read { try $0.person(number: "M1") } == updated)
    }

    @Test(arguments: StoreBackend.available)
    func blindIndexLookupsFindEveryMatchInNumberOrder(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let digest: [UInt8] = Array(repeating: 0xAB, count: 32)
        try await store.write { tx in
            try tx.insert(StoreFixtures.row("M3", email: digest))
            try tx.insert(StoreFixtures.row("M1", email: digest))
            try tx.insert(StoreFixtures.row("M2", email: [1]))
        }
        #expect(try await store.read { try $0.people(index: .email, digest: digest) }.map(\.number) == ["M1", "M3"])
        #expect(try await store.read { try $0.people(index: .phone, digest: [1, 2, 3]) }.count == 3)
        #expect(try await store.read { try $0.people(index: .postcodeAndLastName, digest: digest) }.isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func filtersSelectAndOrderPeople(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        var contact = StoreFixtures.row("M2", branch: "South branch", region: "South")
        contact.record.category = .contact
        contact.record.status = .active
        let stored = contact
        try await store.write { tx in
            try tx.insert(StoreFixtures.row("M3"))
            try tx.insert(stored)
            try tx.insert(StoreFixtures.row("M1"))
        }
        func numbers(_ filter: PersonFilter) async throws -> [String] {
            try await store.read { tx in
                var found: [String] = []
                try tx.forEachPerson(filter) { found.append($0.number) }
                return found
            }
        }
        #expect(try await numbers(.everyone) == ["M1", "M2", "M3"])
        #expect(try await numbers(PersonFilter(branch: "North branch")) == ["M1", "M3"])
        #expect(try await numbers(PersonFilter(category: .contact)) == ["M2"])
        #expect(try await numbers(PersonFilter(branch: "North branch", status: .active)) == [])
        let counts = try await store.read { try $0.counts() }
        #expect(counts.byCategoryAndStatus == [.init(.affiliatedSupporter, .inArrears): 2, .init(.contact, .active): 1])
        #expect(counts.byRegion == ["North": 2, "South": 1])
    }

    @Test(arguments: StoreBackend.available)
    func wrappedKeysAreKeptApartAndDeleted(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let a = SubjectID.random()
        let b = SubjectID.random()
        try await store.write { tx in
            try tx.putWrappedKey([1, 2, 3], for: a)
            try tx.putWrappedKey([4, 5, 6], for: b)
        }
        #expect(try await store.read { try $0.wrappedKey(for: a) } == [1, 2, 3])
        try await store.write { try $0.deleteWrappedKey(for: a) }
        #expect(try await store.read { try $0.wrappedKey(for: a) } == nil)
        #expect(try await store.read { try $0.wrappedKey(for: b) } == [4, 5, 6])
    }

    @Test(arguments: StoreBackend.available)
    func allocatedNumbersSkipTakenOnesAndNeverRepeat(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        try await store.write { try $0.insert(StoreFixtures.row("M1000001")) }
        let numbers = try await store.write { tx in
            try (0..<3).map { _ in
                let number = try tx.allocateMembershipNumber()
                try tx.insert(StoreFixtures.row(number))
                return number
            }
        }
        #expect(numbers == ["M1000000", "M1000002", "M1000003"])
        #expect(try await store.write { try $0.allocateMembershipNumber() } == "M1000004")
    }

    @Test(arguments: StoreBackend.available)
    func metadataIsSetAndReplaced(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        try await store.write { try $0.setMetadata("origin", "a") }
        try await store.write { try $0.setMetadata("origin", "b") }
        #expect(try await store.read { try $0.metadata("origin") } == "b")
        #expect(try await store.read { try $0.metadata("missing") } == nil)
    }
}
