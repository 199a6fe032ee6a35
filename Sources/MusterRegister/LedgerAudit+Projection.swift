import MusterCore
import MusterLedger
import MusterStore

/// The fast check of the projection: the rows a replay of the ledger gives, compared in id
/// order with the rows the tables hold, and the ids that should hold a key with those that do.
/// Only when something differs does the slow path (``LedgerAudit/projectionPersonByPerson(_:)``)
/// look up person by person, on one snapshot, to name the first difference.
///
/// The replay is the longest piece of verification, so the check is cut into ranges of subject
/// id, checked a few at a time on threads of their own. Each range is replayed and compared in
/// one snapshot: its replayed rows are held (a range holds a small share of the people) and the
/// stored rows compared with them as they are read. A write between the snapshots of two
/// ranges can only make something differ, and then the slow path decides.
extension LedgerAudit {
    /// How many ranges for a ledger of `entries` entries: many more than threads, so that a
    /// thread that finishes early takes another range rather than wait for the slowest; more
    /// for a longer ledger, so that a range's rows stay a few megabytes.
    static func rangeCount(entries: UInt64) -> Int {
        Int(min(max(entries / 16_384, 64), 65_536))
    }

    /// Checks the projection range by range (the ranges of `ranges`, which follow one another
    /// in id order), at most `threads` at a time. Returns how many people the ledger gives and
    /// whether the tables and the key store hold exactly what it gives. Throws the error one
    /// scan of the whole register would have met first: the first failing replay in id order,
    /// then the first failing read of the tables.
    static func checkProjection(_ store: any Store, ranges: [SubjectRange], threads: Int) async throws -> (people: Int, matches: Bool) {
        let checks = await withTaskGroup(of: (Int, RangeCheck).self) { group in
            var checks = [RangeCheck?](repeating: nil, count: ranges.count)
            var next = 0
            func start(_ group: inout TaskGroup<(Int, RangeCheck)>) {
                let (index, range) = (next, ranges[next])
                group.addTask { (index, await check(store, range)) }
                next += 1
            }
            while next < min(ranges.count, max(threads, 1)) { start(&group) }
            while let (index, check) = await group.next() {
                checks[index] = check
                if next < ranges.count { start(&group) }
            }
            return checks.map { $0! }
        }
        let people = try checks.reduce(0) { $0 + (try $1.replayed.get()) }
        let matches = try checks.allSatisfy { try $0.matches.get() }
        return (people, matches)
    }

    /// One range, in one snapshot; errors are kept for the caller to order.
    private static func check(_ store: any Store, _ range: SubjectRange) async -> RangeCheck {
        do {
            return try await store.read { tx in check(tx, range) }
        } catch {
            return RangeCheck(replayed: .failure(error), matches: .success(false))
        }
    }

    /// Replays the people in `range` and compares them with the tables, in `tx`.
    static func check(_ tx: any StoreReading, _ range: SubjectRange) -> RangeCheck {
        var rows: [PersonRow] = []
        // The ids that should hold a key, back to back: compared in one pass, in cache order.
        var keyed: [UInt8] = []
        do {
            try Projection.replay(tx, in: range) { id, row, _ in
                if row.erasedAt == nil { keyed += id.bytes }
                rows.append(row)
            }
        } catch {
            return RangeCheck(replayed: .failure(error), matches: .success(false))
        }
        return RangeCheck(replayed: .success(rows.count), matches: Result { try tablesHold(rows, keyed: keyed, in: range, tx) })
    }

    /// Whether the people rows in `range` are `rows`, in order (``sameColumns(_:_:)``), and the
    /// key store holds keys for exactly the ids `keyed` lists (each 16 bytes, in order). Reads
    /// every row and key even after a difference, so that one that does not decode fails as in
    /// a scan of the whole table.
    private static func tablesHold(_ rows: [PersonRow], keyed: [UInt8], in range: SubjectRange, _ tx: any StoreReading) throws -> Bool {
        var same = true
        var index = 0
        try rows.withUnsafeBufferPointer { rows in
            try tx.forEachPersonByID(in: range) { stored in
                if same { same = index < rows.count && sameColumns(rows[index], stored) }
                index += 1
            }
        }
        same = same && index == rows.count
        index = 0
        try keyed.withUnsafeBufferPointer { keyed in
            try tx.forEachWrappedKey(in: range) { id, _ in
                if same { same = index + 16 <= keyed.count && id.bytes.elementsEqual(keyed[index..<(index + 16)]) }
                index += 16
            }
        }
        return same && index == keyed.count
    }

    /// Whether a stored row agrees with the replayed one on its id and on every column
    /// ``difference(_:_:)`` compares. Typed values are compared where `difference` compares
    /// texts: equal values always give equal texts, so rows this passes `difference` passes
    /// too (formatting every date and amount as text cost more than the rest of the check).
    static func sameColumns(_ expected: PersonRow, _ stored: PersonRow) -> Bool {
        sameClearFields(expected.record, stored.record) && expected.id == stored.id && expected.number == stored.number
            && expected.membership == stored.membership && expected.sealedIdentity == stored.sealedIdentity
            && expected.erasedAt == stored.erasedAt && expected.version == stored.version
    }

    /// The clear fields, as ``RecordCodec/clearFields`` lists them (a field added there must be
    /// added here: `ProjectionColumnsTests` checks that every clear field counts). An absent
    /// membership number reads as an empty one, as in the texts `difference` compares.
    private static func sameClearFields(_ e: PersonRecord, _ s: PersonRecord) -> Bool {
        (e.membershipNumber ?? "") == (s.membershipNumber ?? "") && e.category == s.category && e.status == s.status
            && e.joinDate == s.joinDate && e.region == s.region && e.constituency == s.constituency && e.branch == s.branch
            && e.unionName == s.unionName && e.dues == s.dues && e.consents == s.consents && e.updatedAt == s.updatedAt
    }
}

/// What one range of the fast check found.
struct RangeCheck: Sendable {
    /// How many people the replay gives, or what stopped it.
    var replayed: Result<Int, any Error>
    /// Whether the tables hold exactly what the replay gives, or what stopped reading them.
    var matches: Result<Bool, any Error>
}
