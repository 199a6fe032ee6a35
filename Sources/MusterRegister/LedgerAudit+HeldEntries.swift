import MusterLedger
import MusterStore

/// The projection check of a restore, whose verified entries are all in memory: the replay
/// reads them there instead of through the ledger's index by subject, and the tables are read
/// in storage order and matched by id, instead of through the id index. Both indexes cost a
/// B-tree descent per row, most of the check's time (measured on 430,000 people).
///
/// It finds the same differences as ``LedgerAudit/checkProjection(_:ranges:threads:)``: a row
/// missing, extra, repeated or different from its replay, and a data key missing, extra,
/// repeated or kept for someone erased.
extension LedgerAudit {
    /// Checks the tables and the key store in `store` against a replay of `entries` (the whole
    /// ledger, in order), on `threads` threads. Returns how many people the ledger gives and
    /// whether the tables hold exactly what it gives; throws what stopped a replay or a read.
    static func checkProjection(_ store: any Store, heldEntries entries: ArraySlice<[UInt8]>, threads: Int) async throws -> (people: Int, matches: Bool) {
        let ranges = SubjectRange.partition(into: max(threads, 1))
        // Each range's people, replayed and checked against the key store on a thread of its own.
        // (`nil` for a range whose keys do not match.)
        let checked = try await withThrowingTaskGroup(of: (Int, ReplayedRange?).self) { group in
            for (index, range) in ranges.enumerated() {
                group.addTask {
                    let people = try ReplayedRange(entries, in: range)
                    let keysMatch = try await store.read { tx in try people.keysMatch(tx, range) }
                    return (index, keysMatch ? people : nil)
                }
            }
            var checked = [ReplayedRange?](repeating: nil, count: ranges.count)
            for try await (index, range) in group { checked[index] = range }
            return checked
        }
        let replayed = checked.compactMap { $0 }
        let people = replayed.reduce(0) { $0 + $1.rows.count }
        guard replayed.count == ranges.count else { return (people, false) }

        // The tables, part by part in storage order; each row is found among the replayed ones
        // by id, and every replayed row must be met exactly once.
        let parts = max(threads, 1)
        let seen = try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            for part in 0..<parts {
                group.addTask {
                    try await store.read { tx in try Self.storedRows(tx, part: part, of: parts, match: replayed, ranges: ranges) }
                }
            }
            var total = [UInt8](repeating: 0, count: people)
            for try await counts in group {
                guard let counts else { return nil as [UInt8]? }
                for index in counts.indices { total[index] &+= counts[index] }
            }
            return total
        }
        return (people, seen?.allSatisfy { $0 == 1 } ?? false)
    }

    /// Reads part `part` of the people rows, comparing each with its replayed row. Returns how
    /// often each replayed row (numbered across the ranges, in order) was met, or `nil` at the
    /// first row that differs or is not on the ledger.
    private static func storedRows(
        _ tx: any StoreReading, part: Int, of parts: Int, match replayed: [ReplayedRange], ranges: [SubjectRange]
    ) throws -> [UInt8]? {
        var offsets: [Int] = []
        var total = 0
        for range in replayed {
            offsets.append(total)
            total += range.rows.count
        }
        var seen = [UInt8](repeating: 0, count: total)
        var same = true
        try tx.forEachPersonAsStored(part: part, of: parts) { stored in
            guard same else { return }  // read on, so that a row that does not decode fails as in a full scan
            guard let r = ranges.firstIndex(where: { $0.contains(stored.id.bytes) }),
                let index = replayed[r].index[IDKey(stored.id)], sameColumns(replayed[r].rows[index], stored)
            else {
                same = false
                return
            }
            seen[offsets[r] + index] = min(seen[offsets[r] + index], 1) + 1
        }
        return same ? seen : nil
    }
}

/// The people of one range of ids, replayed from entries held in memory.
private struct ReplayedRange: Sendable {
    /// Their rows (blind indexes empty), in the order of their first entry.
    var rows: [PersonRow] = []
    /// Where each id's row is in `rows`.
    var index: [IDKey: Int] = [:]

    /// Replays, in order, every entry in `entries` that changes a person whose id is in `range`.
    init(_ entries: ArraySlice<[UInt8]>, in range: SubjectRange) throws {
        // Sized by the creates first: grown as people came, the table was rehashed a dozen times.
        let creates = entries.reduce(0) { $0 + ($1.count >= 35 && $1[17] == 1 && range.contains($1[19..<35]) ? 1 : 0) }
        index.reserveCapacity(creates)
        rows.reserveCapacity(creates)
        for bytes in entries {
            // Kind at byte 17, subject flag at 18, the id after it (see `LedgerEntry.encoded`);
            // the entries were checked whole when their segments were verified.
            guard bytes.count >= 35, (1...4).contains(bytes[17]), bytes[18] != 1 || range.contains(bytes[19..<35]) else { continue }
            let entry = try LedgerEntry(encoded: bytes)
            guard let subject = entry.subject else { throw RegisterError(.corrupt, "person entry \(entry.sequence) names no subject") }
            let key = IDKey(subject)
            if let at = index[key] {
                rows[at] = try Projection.apply(entry, to: rows[at])
            } else {
                index[key] = rows.count
                rows.append(try Projection.apply(entry, to: nil))
            }
        }
    }

    /// Reads the key store's keys in `range`: each must belong to a replayed person who is not
    /// erased, once, and every such person must have one.
    func keysMatch(_ tx: any StoreReading, _ range: SubjectRange) throws -> Bool {
        var keyed = [Bool](repeating: false, count: rows.count)
        var same = true
        try tx.forEachWrappedKey(in: range) { id, _ in
            guard same else { return }
            guard let at = index[IDKey(id)], rows[at].erasedAt == nil, !keyed[at] else {
                same = false
                return
            }
            keyed[at] = true
        }
        return same && zip(rows, keyed).allSatisfy { row, keyed in keyed == (row.erasedAt == nil) }
    }
}

/// A 16-byte id held inline, as a dictionary key: a ``SubjectID`` keeps its bytes in an array
/// of their own, so each probe of a table of hundreds of thousands of ids missed the cache once
/// for the array and again to compare (most of a lookup's cost, measured in a restore).
private struct IDKey: Hashable {
    let high: UInt64
    let low: UInt64

    init(_ id: SubjectID) {
        (high, low) = id.words
    }
}
