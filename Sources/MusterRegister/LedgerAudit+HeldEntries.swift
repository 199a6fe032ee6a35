import MusterLedger
import MusterStore

/// The fast check of the projection: the people a replay of the ledger gives, held in memory
/// (``ReplayedGroup``), against the tables read in storage order and the key store read range
/// by range, each row and key matched by id. Reading through the id index instead cost a
/// B-tree descent per row, most of the check's time (measured on 430,000 people).
///
/// It finds a row missing, extra, repeated or different from its replay, and a data key
/// missing, extra, repeated or kept for someone erased; only when something differs does the
/// slow path (``LedgerAudit/projectionPersonByPerson(_:)``) look up person by person, on one
/// snapshot, to name the first difference. A write between the snapshots of two reads can only
/// make something differ, and then the slow path decides.
extension LedgerAudit {
    /// Checks the tables and the key store in `store` against a replay of `entries` (the whole
    /// ledger, in order, or just the entries that change people), on `threads` threads. Returns
    /// how many people the ledger gives and whether the tables hold exactly what it gives;
    /// throws what stopped a replay or a read.
    static func checkProjection(_ store: any Store, heldEntries entries: ArraySlice<[UInt8]>, threads: Int) async throws -> (people: Int, matches: Bool) {
        let ranges = SubjectRange.partition(into: max(threads, 1))
        let groups = try await withThrowingTaskGroup(of: (Int, ReplayedGroup).self) { group in
            for (index, range) in ranges.enumerated() {
                group.addTask { (index, try ReplayedGroup(entries, in: range)) }
            }
            var groups = [ReplayedGroup](repeating: ReplayedGroup(), count: ranges.count)
            for try await (index, replayed) in group { groups[index] = replayed }
            return groups
        }
        let result = try await checkProjection(store, replayed: groups, threads: threads)
        (consume groups).releaseInBackground()
        return result
    }

    /// Checks the tables and the key store in `store` against the people of `groups` (all that
    /// the ledger gives, no one in two groups), in `threads` parts of each read at a time.
    static func checkProjection(_ store: any Store, replayed groups: [ReplayedGroup], threads: Int) async throws -> (people: Int, matches: Bool) {
        // Where each group's rows start, numbering the rows of all groups in turn.
        let offsets = groups.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let people = offsets.last!
        // How often each replayed row (numbered across the groups, in order) was met in the
        // tables, and how many keys were met for it; `nil` from a part that met a row or key
        // that no replayed person accounts for.
        let parts = max(threads, 1)
        let ranges = SubjectRange.partition(into: parts)
        let counted = await inWindows(count: 2 * parts, width: parts) { job -> PartCount in
            do {
                return PartCount(
                    counts: try await store.read { tx in
                        job < parts
                            ? try storedRows(tx, part: job, of: parts, match: groups, offsets: offsets, people: people)
                            : try keys(tx, in: ranges[job - parts], match: groups, offsets: offsets, people: people)
                    })
            } catch {
                return PartCount(counts: nil, failure: error)
            }
        }
        var seen = [UInt8](repeating: 0, count: people)
        var keyed = [UInt8](repeating: 0, count: people)
        var matches = true
        for (job, part) in counted.enumerated() {
            if let failure = part.failure { throw failure }
            guard let counts = part.counts else {
                matches = false
                continue
            }
            for index in counts.indices where counts[index] > 0 {
                if job < parts { seen[index] &+= counts[index] } else { keyed[index] &+= counts[index] }
            }
        }
        guard matches else { return (people, false) }
        var index = 0
        for group in groups {
            for row in 0..<group.count {
                // Every replayed row stored once; a key for each one not erased, and no other.
                guard seen[index] == 1, keyed[index] == (group.isErased(at: row) ? 0 : 1) else { return (people, false) }
                index += 1
            }
        }
        return (people, true)
    }

    /// Reads part `part` of the people rows, comparing each with its replayed row. Returns how
    /// often each replayed row was met (at most twice is counted), or `nil` at the first row
    /// that differs or is not on the ledger.
    private static func storedRows(
        _ tx: any StoreReading, part: Int, of parts: Int, match groups: [ReplayedGroup], offsets: [Int], people: Int
    ) throws -> [UInt8]? {
        var seen = [UInt8](repeating: 0, count: people)
        var same = true
        // The replayed row after the last one met: the tables are stored in the order people
        // were created, which is the replay's, so it is almost always the next one; looking
        // every row up by id, in several groups, was a fifth of this check.
        var next: (group: Int, row: Int)?
        try tx.forEachPersonAsStored(part: part, of: parts) { stored in
            guard same else { return }  // read on, so that a row that does not decode fails as in a full scan
            guard let key = stored.idWords.map(IDKey.init(words:)),
                let (group, row) = next.flatMap({ groups.holds(key, at: $0) ? $0 : nil }) ?? groups.find(key),
                // A row that cannot be made is a difference, which the slow path names.
                groups[group].matches(stored, at: row)
            else {
                same = false
                return
            }
            seen[offsets[group] + row] = min(seen[offsets[group] + row], 1) + 1
            next = row + 1 < groups[group].count ? (group, row + 1) : (group + 1, 0)
        }
        return same ? seen : nil
    }

    /// Reads the owners of the key store's keys in `range`, in id order, beside the replayed
    /// people of that range sorted the same way. Returns how many keys were met for each
    /// replayed person (at most twice is counted), or `nil` at the first key that belongs to no
    /// one replayed. Keys out of order could only be reported missing, and then the slow path
    /// decides.
    private static func keys(
        _ tx: any StoreReading, in range: SubjectRange, match groups: [ReplayedGroup], offsets: [Int], people: Int
    ) throws -> [UInt8]? {
        let owners = ReplayedOwners(groups, offsets: offsets, in: range)
        var keyed = [UInt8](repeating: 0, count: people)
        var same = true
        var next = 0  // the first replayed owner not below the last key met
        try tx.forEachKeyOwner(in: range) { words in
            guard same else { return }
            guard let words, let index = owners.index(of: ByteOrderedID(words: words), from: &next) else {
                same = false
                return
            }
            keyed[index] = min(keyed[index], 1) + 1
        }
        return same ? keyed : nil
    }
}

/// The replayed people whose ids are in one range, sorted as the stores sort ids (byte order),
/// each with its number across the groups: the key store, read in that order, is matched by
/// walking the two together. Looking each key up in the groups' indexes (one per stretch of the
/// ledger, tried in turn) missed the cache several times a key: about a tenth of `ledger
/// verify`'s CPU on 430,000 people, against a sort of each range's ids on its own thread.
struct ReplayedOwners {
    private let owners: [(id: ByteOrderedID, index: Int)]

    init(_ groups: [ReplayedGroup], offsets: [Int], in range: SubjectRange) {
        var owners: [(id: ByteOrderedID, index: Int)] = []
        for (number, group) in groups.enumerated() {
            for (key, row) in group.index {
                let id = ByteOrderedID(words: (key.high, key.low))
                if id.isIn(range) { owners.append((id, offsets[number] + row)) }
            }
        }
        owners.sort { $0.id < $1.id }
        self.owners = owners
    }

    /// The number of the owner `id`, looking from `next` on (which moves past the owners below
    /// `id`, and stays on `id`: a second key for the same owner finds them again).
    func index(of id: ByteOrderedID, from next: inout Int) -> Int? {
        while next < owners.count && owners[next].id < id { next += 1 }
        return next < owners.count && owners[next].id == id ? owners[next].index : nil
    }
}

/// A 16-byte id as two numbers that compare as its bytes do (the stores' order), where
/// ``IDKey`` holds them in memory order, for hashing.
struct ByteOrderedID: Comparable {
    let high: UInt64
    let low: UInt64

    /// From the words ``SubjectID/words`` gives (the bytes in memory order).
    init(words: (UInt64, UInt64)) {
        high = UInt64(bigEndian: words.0)
        low = UInt64(bigEndian: words.1)
    }

    static func < (a: Self, b: Self) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// Whether the id is in `range`, by its bytes.
    func isIn(_ range: SubjectRange) -> Bool {
        withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { range.contains($0) }
    }
}

/// What one part of the tables or the key store gave: how many times each replayed person was
/// met, or `nil` when something no one replayed accounts for was; or what stopped the read.
private struct PartCount: Sendable {
    var counts: [UInt8]?
    var failure: (any Error)?
}
