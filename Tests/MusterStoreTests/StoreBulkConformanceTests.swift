import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Testing

/// Batched lookups and bulk writes, on every backend: what a bulk import relies on.
@Suite struct StoreBulkConformanceTests {
    @Test(arguments: StoreBackend.available)
    func batchedLookupsAnswerLikeSingleOnes(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let shared: [UInt8] = Array(repeating: 0xAB, count: 32)
        let alone: [UInt8] = Array(repeating: 0xCD, count: 32)
        try await store.write { tx in
            try tx.insert(StoreFixtures.row("M3", email: shared))
            try tx.insert(StoreFixtures.row("M1", email: shared))
            try tx.insert(StoreFixtures.row("M2", email: alone))
        }
        let people = try await store.read { try $0.people(numbers: ["M1", "M2", "M404"]) }
        #expect(people.keys.sorted() == ["M1", "M2"])
        #expect(people["M1"] == (try await store.read { try $0.person(number: "M1") }))
        let households = try await store.read { try $0.numbers(index: .email, digests: [shared, alone, [9, 9], shared]) }
        #expect(households == [shared: ["M1", "M3"], alone: ["M2"]])
        #expect(try await store.read { try $0.people(numbers: []) }.isEmpty)
        #expect(try await store.read { try $0.numbers(index: .phone, digests: []) }.isEmpty)
    }

    /// Bulk writes may be held back and sent in batches, but every read in the transaction must
    /// see them, and they must commit or roll back with it.
    @Test(arguments: StoreBackend.available)
    func bulkWritesAreSeenByLaterReadsAndCommitTogether(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let digest: [UInt8] = Array(repeating: 0x11, count: 32)
        let count = 2_500
        let seen = try await store.write { tx in
            try tx.beginBulkWrites(expectedRows: count)
            for index in 1...count {
                let row = StoreFixtures.row("M\(index)", email: index.isMultiple(of: 2) ? digest : nil)
                _ = try tx.append(StoreFixtures.draft(subject: row.id))
                try tx.insert(row)
                try tx.putWrappedKey([UInt8(index & 0xFF)], for: row.id)
            }
            let before = (try tx.person(number: "M7") != nil, try tx.numbers(index: .email, digest: digest).count, try tx.ledgerHead().size)
            try tx.endBulkWrites()
            return before
        }
        #expect(seen.0 && seen.1 == count / 2 && seen.2 == UInt64(count))
        #expect(try await store.read { try $0.personCount() } == count)
        #expect(try await store.read { try $0.wrappedKeyCount() } == count)
        #expect(try await Self.chainedSize(store) == UInt64(count))
    }

    /// A row held back and sent with others (PostgreSQL sends each column as one array) reads
    /// back as the same row written alone does: every column that may be empty, empty and set.
    @Test(arguments: StoreBackend.available)
    func rowsWrittenInBulkReadBackAsWritten(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        var full = StoreFixtures.row("M1", email: Array(repeating: 0xE1, count: 32))
        full.indexes.postcodeAndLastName = Array(repeating: 0xA5, count: 32)
        full.erasedAt = Timestamp(iso: "2026-11-28T01:02:03Z")
        full.version = UInt64(Int64.max)
        var sparse = StoreFixtures.row("M2")
        sparse.membership = Membership(statusSince: nil, continuousSince: nil)
        sparse.record.joinDate = nil
        sparse.record.dues.method = nil
        sparse.record.consents.updatedAt = nil
        sparse.record.updatedAt = nil
        sparse.record.constituency = ""
        sparse.sealedIdentity = nil
        sparse.indexes = BlindIndexes(email: nil, phone: nil, postcodeAndLastName: nil)
        var unicode = StoreFixtures.row("M3", branch: "Ynys Môn branch — “north”\ta\\b")
        unicode.sealedIdentity = []
        let rows = [full, sparse, unicode]
        try await store.write { tx in
            try tx.beginBulkWrites(expectedRows: rows.count)
            for row in rows {
                _ = try tx.append(StoreFixtures.draft(subject: row.id))
                try tx.insert(row)
            }
            try tx.endBulkWrites()
        }
        for row in rows {
            #expect(try await store.read { try $0.person(number: row.number) } == row)
        }
    }

    /// How many entries link up, one to the next, from the first.
    static func chainedSize(_ store: any Store) async throws -> UInt64 {
        try await store.read { tx in
            var verifier = ChainVerifier()
            try tx.forEachEntry(from: 1) { try verifier.check(sequence: $0, bytes: $1, storedHash: $2) }
            return verifier.head.size
        }
    }

    @Test(arguments: StoreBackend.available)
    func aFailedBulkWriteLeavesNothingBehind(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        try await store.write { try $0.insert(StoreFixtures.row("M5")) }
        // The duplicate number may only be noticed when held-back rows are sent: still nothing stays.
        await #expect(throws: (any Error).self) {
            try await store.write { tx in
                try tx.beginBulkWrites(expectedRows: 100)
                for index in 1...100 { try tx.insert(StoreFixtures.row("M\(index)")) }
                try tx.endBulkWrites()
            }
        }
        #expect(try await store.read { try $0.personCount() } == 1)
        #expect(try await store.read { try $0.ledgerHead() } == .empty)
    }

    /// Writes for this many people are sent as several batches (20,000 writes a batch), so that
    /// a backend that sends one batch while holding back the next has batches in flight.
    static let manyBatches = 16_000

    /// Writes people `M1` to `M<count>` in one bulk write: for each, a create entry, a row and,
    /// when `keys`, a data key.
    static func writeInBulk(_ tx: any StoreWriting, count: Int, keys: Bool) throws {
        try tx.beginBulkWrites(expectedRows: count)
        for index in 1...count {
            let row = StoreFixtures.row("M\(index)")
            _ = try tx.append(StoreFixtures.draft(subject: row.id))
            try tx.insert(row)
            if keys { try tx.putWrappedKey([UInt8(index & 0xFF)], for: row.id) }
        }
        try tx.endBulkWrites()
    }

    /// Many batches, sent while later ones are held back, all commit, in order.
    @Test(arguments: StoreBackend.available)
    func bulkWritesOfManyBatchesCommitInOrder(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        try await store.write { try Self.writeInBulk($0, count: Self.manyBatches, keys: true) }
        #expect(try await store.read { try $0.personCount() } == Self.manyBatches)
        #expect(try await store.read { try $0.wrappedKeyCount() } == Self.manyBatches)
        #expect(try await Self.chainedSize(store) == UInt64(Self.manyBatches))
    }

    /// A row refused in the first batch, noticed only once later batches have been sent: the
    /// refusal is what is reported (not what the server says of the statements after it), nothing
    /// stays, and the store goes on working.
    @Test(arguments: StoreBackend.available)
    func aRefusalInAnEarlyBatchIsReportedAndUndoesTheRest(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        try await store.write { try $0.insert(StoreFixtures.row("M5")) }
        do {
            try await store.write { try Self.writeInBulk($0, count: Self.manyBatches, keys: false) }
            Issue.record("a duplicate membership number was stored")
        } catch let error as StoreError {
            #expect(error.code == .conflict, "\(error)")
        }
        #expect(try await store.read { try $0.personCount() } == 1)
        #expect(try await store.read { try $0.ledgerHead() } == .empty)
        try await store.write { try $0.insert(StoreFixtures.row("M6")) }
        #expect(try await store.read { try $0.personCount() } == 2)
    }
}

/// Staff accounts and tokens, on every backend.
@Suite struct StoreStaffConformanceTests {
    static func staff(_ username: String, branches: [String] = []) -> StaffRow {
        StaffRow(
            username: username, role: branches.isEmpty ? "dpo" : "branch-officer", branches: branches,
            passwordHash: "$2b$04$abcdefghijklmnopqrstuv", sealedTOTPSecret: [1, 2, 3], createdAt: 1_700_000_000_000)
    }

    @Test(arguments: StoreBackend.available)
    func staffRowsRoundTripAndReplace(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let officer = Self.staff("bo", branches: ["North branch", "South branch"])
        try await store.write { tx in
            try tx.putStaff(officer)
            try tx.putStaff(Self.staff("alice"))
        }
        #expect(try await store.read { try $0.staff(username: "bo") } == officer)
        #expect(try await store.read { try $0.staff(username: "nobody") } == nil)
        var changed = officer
        changed.lastTOTPStep = 59_000_001
        changed.disabledAt = 1_700_000_100_000
        changed.sealedTOTPSecret = nil
        let replaced = changed
        try await store.write { try $0.putStaff(replaced) }
        #expect(try await store.read { try $0.allStaff() } == [Self.staff("alice"), replaced])
    }

    @Test(arguments: StoreBackend.available)
    func tokensAreFoundByDigestRevokedAndPruned(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let one = AccessTokenRow(digest: Array(repeating: 1, count: 32), username: "alice", kind: "api", expiresAt: 2_000)
        let two = AccessTokenRow(digest: Array(repeating: 2, count: 32), username: "alice", kind: "session", expiresAt: 5_000)
        let three = AccessTokenRow(digest: Array(repeating: 3, count: 32), username: "alice", kind: "api", expiresAt: 9_000)
        try await store.write { tx in
            try tx.putStaff(Self.staff("alice"))
            for token in [one, two, three] { try tx.putAccessToken(token) }
        }
        #expect(try await store.read { try $0.accessToken(digest: two.digest) } == two)
        try await store.write { try $0.revokeAccessToken(digest: two.digest, at: 3_000) }
        #expect(try await store.read { try $0.accessToken(digest: two.digest) }?.revokedAt == 3_000)
        #expect(try await store.read { try $0.accessToken(digest: three.digest) }?.revokedAt == nil)
        try await store.write { try $0.revokeAccessTokens(username: "alice", at: 4_000) }
        #expect(try await store.read { try $0.accessToken(digest: two.digest) }?.revokedAt == 3_000)
        #expect(try await store.read { try $0.accessToken(digest: three.digest) }?.revokedAt == 4_000)
        try await store.write { try $0.deleteAccessTokens(expiredBefore: 6_000) }
        #expect(try await store.read { try $0.accessToken(digest: one.digest) } == nil)
        #expect(try await store.read { try $0.accessToken(digest: three.digest) } != nil)
    }
}
