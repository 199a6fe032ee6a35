
public import MusterLedger

/// Where the register lives. Two backends implement it (SQLite now, PostgreSQL for production)
/// and one conformance suite tests both.
///
/// Transactions are closures over a synchronous ``StoreWriting``: each backend runs them on its
/// own thread (never on the caller's), and commits only if the closure returns. A ledger entry
/// and the projection rows it changes are therefore always written together or not at all.
///
/// ```swift
/// let sealed = try await store.write { tx in
///     let entry = try tx.append(draft)
///     try tx.insert(row)
///     return entry
/// }
/// ```
public protocol Store: Sendable {
    /// Runs `body` in a read-only snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T
    /// Runs `body` in one write transaction; any error rolls everything back.
    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreWriting) throws -> T) async throws -> T
    /// ``read(_:)`` for a few index lookups (a person, a token): a backend may run it on the
    /// calling thread, so it must never be used for a scan.
    func lookup<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T
    /// Write transactions one after another, one for each piece of work `next` hands out, until
    /// it has none (`nil`); `committed` hears each one's outcome as soon as it is known. A
    /// backend may hold its writer between them, so a queue of small writes (disclosure batches)
    /// does not wait for the writer once per transaction. It gives the writer up now and then,
    /// and then returns, work or no work: the caller asks again.
    ///
    /// Throws only when no transaction could be tried; a failing transaction is reported to
    /// `committed` and the next is tried.
    func writeSeries<Work: Sendable, T: Sendable>(
        next: @escaping @Sendable () -> Work?,
        body: @escaping @Sendable (any StoreWriting, Work) throws -> T,
        committed: @escaping @Sendable (Result<T, any Error>) -> Void
    ) async throws
}

extension Store {
    public func lookup<T: Sendable>(_ body: @escaping @Sendable (any StoreReading) throws -> T) async throws -> T {
        try await read(body)
    }

    /// One ``write(_:)`` per piece of work.
    public func writeSeries<Work: Sendable, T: Sendable>(
        next: @escaping @Sendable () -> Work?,
        body: @escaping @Sendable (any StoreWriting, Work) throws -> T,
        committed: @escaping @Sendable (Result<T, any Error>) -> Void
    ) async throws {
        await eachInTurn(next: next, committed: committed) { work in try await write { tx in try body(tx, work) } }
    }
}

/// Runs `run` on each piece of work `next` hands out, one at a time, until it has none, and
/// tells `committed` each outcome: the shape of a write series made of separate writes.
public func eachInTurn<Work, T>(
    next: () -> Work?, committed: (Result<T, any Error>) -> Void, _ run: (Work) async throws -> T
) async {
    while let work = next() {
        do { committed(.success(try await run(work))) } catch { committed(.failure(error)) }
    }
}

/// Reads, inside a transaction or snapshot. The ledger's Merkle nodes are read through
/// ``MerkleNodeReader``, so proofs are computed by the ledger module over any backend.
public protocol StoreReading: MerkleNodeReader {
    func ledgerHead() throws -> ChainHead
    func person(number: String) throws -> PersonRow?
    func person(id: SubjectID) throws -> PersonRow?
    /// Everyone whose blind index of `kind` equals `digest`, in membership-number order.
    func people(index kind: BlindIndexKind, digest: [UInt8]) throws -> [PersonRow]
    /// The membership numbers of everyone whose blind index of `kind` equals `digest` (a cheap
    /// check, for bulk work that rarely finds anyone).
    func numbers(index kind: BlindIndexKind, digest: [UInt8]) throws -> [String]
    /// The people with these membership numbers, keyed by number (numbers no one has are absent).
    /// One query on backends where a round trip costs more than the lookup.
    func people(numbers: [String]) throws -> [String: PersonRow]
    /// For each digest, the membership numbers whose blind index of `kind` equals it (digests that
    /// match no one are absent).
    func numbers(index kind: BlindIndexKind, digests: [[UInt8]]) throws -> [[UInt8]: [String]]
    /// Calls `body` for each matching person, in membership-number order, without loading them all.
    func forEachPerson(_ filter: PersonFilter, _ body: (PersonRow) throws -> Void) throws
    /// The person's data key, wrapped by the master key; `nil` once erased.
    func wrappedKey(for id: SubjectID) throws -> [UInt8]?
    func counts() throws -> RegisterCounts
    /// Calls `body` with each stored entry from `sequence` through `last`, in order: its
    /// sequence number, canonical bytes and stored hash.
    func forEachEntry(from sequence: UInt64, through last: UInt64, _ body: (UInt64, [UInt8], [UInt8]) throws -> Void) throws
    /// ``forEachEntry(from:through:_:)`` lending each row in place (its bytes valid only during
    /// the call), with the columns kept beside the entry: full verification reads every entry,
    /// and two arrays per entry cost more than hashing it.
    func forEachEntryInPlace(from sequence: UInt64, through last: UInt64, _ body: (StoredEntryRow) throws -> Void) throws
    /// Calls `body` with every entry that changes a person (create, update, status, erase) and
    /// whose subject is in `range`, grouped by person (byte order of the id) and in sequence
    /// order within each: the order a replay folds them in. The ranges of a
    /// ``SubjectRange/partition(into:)``, read in turn, give exactly the entries (a malformed
    /// subject included) and the order that ``SubjectRange/all`` gives.
    func forEachEntryBySubject(in range: SubjectRange, _ body: (SubjectID, UInt64, [UInt8]) throws -> Void) throws
    /// Calls `body` with every row of the node table, by level then index: the kept levels above
    /// the leaves (``MerkleTiles``), and any row at another level, which verification reports.
    /// A leaf hash is its entry's hash, stored in the entry's row.
    func forEachMerkleNode(_ body: (MerkleNode) throws -> Void) throws
    /// How many people rows there are, erased ones included.
    func personCount() throws -> Int
    /// How many wrapped data keys the key store holds.
    func wrappedKeyCount() throws -> Int
    /// Calls `body` with every people row whose id is in `range`, in the byte order of their
    /// ids (the order a replay produces them in), erased ones included, without their blind
    /// indexes (`.none`): the scan serves verification, which cannot check them without the
    /// master key, and they were a third of the blobs read. Partitions read in turn give what
    /// ``SubjectRange/all`` gives, as for ``forEachEntryBySubject(in:_:)``.
    func forEachPersonByID(in range: SubjectRange, _ body: (PersonRow) throws -> Void) throws
    /// Calls `body` with every people row in part `part` (from 0) of `parts`, in the order the
    /// store keeps them, erased ones included, without their blind indexes. The parts together
    /// give every row exactly once, whatever the rows hold. For checks that match rows by id
    /// themselves: reading in storage order avoids a lookup per row through the id index. The
    /// row is lent for the call (see ``StoredPerson``).
    func forEachPersonAsStored(part: Int, of parts: Int, _ body: (any StoredPerson) throws -> Void) throws
    /// Calls `body` with every wrapped data key whose owner is in `range`, and its owner, by
    /// owner (for key-store backups). Partitions read in turn give what ``SubjectRange/all`` gives.
    func forEachWrappedKey(in range: SubjectRange, _ body: (SubjectID, [UInt8]) throws -> Void) throws
    /// Calls `body` with the owner of every wrapped data key in `range`, by owner, as
    /// ``SubjectID/words`` gives an id (`nil` for a stored id that is not 16 bytes), without
    /// the keys: verification checks whom the key store holds keys for, not the keys (it has
    /// no master key), and an id and a key copied out per row were half of that check.
    func forEachKeyOwner(in range: SubjectRange, _ body: ((UInt64, UInt64)?) throws -> Void) throws
    /// The canonical bytes of entry `sequence`, if it exists.
    func entry(sequence: UInt64) throws -> [UInt8]?
    /// Calls `body` with each entry about `subject`, in order: its sequence number and bytes.
    func forEachEntry(about subject: SubjectID, _ body: (UInt64, [UInt8]) throws -> Void) throws
    func metadata(_ key: String) throws -> String?
    /// The newest signed checkpoint (its size and text), if any.
    func latestCheckpoint() throws -> (size: UInt64, text: String)?
    /// The signed checkpoint for tree size `size`, if one was made.
    func checkpoint(size: UInt64) throws -> String?
    /// Calls `body` with every stored checkpoint, oldest first.
    func forEachCheckpoint(_ body: (UInt64, String) throws -> Void) throws
    /// The staff account `username`, if there is one.
    func staff(username: String) throws -> StaffRow?
    /// Every staff account, by username.
    func allStaff() throws -> [StaffRow]
    /// The access token whose digest is `digest`, if there is one (expired and revoked ones too).
    func accessToken(digest: [UInt8]) throws -> AccessTokenRow?
}

extension StoreWriting {
    public func knownRoot(size: UInt64) -> EntryHash? { nil }
}

extension StoreReading {
    /// Every entry that changes a person (see ``forEachEntryBySubject(in:_:)``).
    public func forEachEntryBySubject(_ body: (SubjectID, UInt64, [UInt8]) throws -> Void) throws {
        try forEachEntryBySubject(in: .all, body)
    }

    /// Every people row (see ``forEachPersonByID(in:_:)``).
    public func forEachPersonByID(_ body: (PersonRow) throws -> Void) throws {
        try forEachPersonByID(in: .all, body)
    }

    /// Every wrapped data key (see ``forEachWrappedKey(in:_:)``).
    public func forEachWrappedKey(_ body: (SubjectID, [UInt8]) throws -> Void) throws {
        try forEachWrappedKey(in: .all, body)
    }

    /// The owners from ``forEachWrappedKey(in:_:)`` (a store that reads no faster without the
    /// keys need not do better).
    public func forEachKeyOwner(in range: SubjectRange, _ body: ((UInt64, UInt64)?) throws -> Void) throws {
        try forEachWrappedKey(in: range) { id, _ in try body(id.words) }
    }

    /// Every stored entry from `sequence` on (see ``forEachEntry(from:through:_:)``).
    public func forEachEntry(from sequence: UInt64, _ body: (UInt64, [UInt8], [UInt8]) throws -> Void) throws {
        try forEachEntry(from: sequence, through: .max, body)
    }

    public func people(numbers: [String]) throws -> [String: PersonRow] {
        var found: [String: PersonRow] = [:]
        for number in numbers {
            if let row = try person(number: number) { found[number] = row }
        }
        return found
    }

    public func numbers(index kind: BlindIndexKind, digests: [[UInt8]]) throws -> [[UInt8]: [String]] {
        var found: [[UInt8]: [String]] = [:]
        for digest in Set(digests) {
            let numbers = try numbers(index: kind, digest: digest)
            if !numbers.isEmpty { found[digest] = numbers }
        }
        return found
    }
}

/// Writes, inside one transaction.
public protocol StoreWriting: StoreReading {
    /// Places `draft` at the end of the ledger (next sequence number, chained hash) and stores it
    /// with the Merkle tree nodes it completes.
    func append(_ draft: EntryDraft) throws -> SealedEntry
    /// Stores a signed checkpoint for tree size `size`.
    func putCheckpoint(size: UInt64, text: String) throws
    func insert(_ row: PersonRow) throws
    func update(_ row: PersonRow) throws
    func putWrappedKey(_ wrapped: [UInt8], for id: SubjectID) throws
    func deleteWrappedKey(for id: SubjectID) throws
    /// A membership number no one has, of the form `M` followed by digits.
    func allocateMembershipNumber() throws -> String
    func setMetadata(_ key: String, _ value: String) throws
    /// Deletes every projection row (the people table), for a rebuild from the ledger.
    func deleteProjection() throws
    /// Tells the backend about `expectedRows` writes to come: it may size caches for them, hold
    /// writes back to send them in batches (every later read in the transaction still sees them)
    /// and, when they are many compared with what is stored, set aside indexes the writes do not read.
    func beginBulkWrites(expectedRows: Int) throws
    /// Ends what ``beginBulkWrites(expectedRows:)`` began (rebuilding any index it set aside).
    func endBulkWrites() throws
    /// Adds the staff account or replaces the one with the same username.
    func putStaff(_ row: StaffRow) throws
    func putAccessToken(_ row: AccessTokenRow) throws
    /// Revokes one token, if it is live.
    func revokeAccessToken(digest: [UInt8], at time: Int64) throws
    /// Revokes every live token of `username` (at `time`, milliseconds since the epoch).
    func revokeAccessTokens(username: String, at time: Int64) throws
    /// Forgets tokens that expired before `time` (they can no longer be used, so nothing is lost).
    func deleteAccessTokens(expiredBefore time: Int64) throws
    /// The Merkle root of the first `size` entries, when this transaction already knows it (it
    /// appended the last of them and kept the tree's edge); `nil` means: compute it from the
    /// stored nodes.
    func knownRoot(size: UInt64) -> EntryHash?
}

/// A storage failure. Messages name tables and operations, never personal data.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notInitialised = "not_initialised"
        case alreadyInitialised = "already_initialised"
        case corrupt
        case conflict
        /// Another process held the database for longer than a write waits: try again later.
        case busy
        case io
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
