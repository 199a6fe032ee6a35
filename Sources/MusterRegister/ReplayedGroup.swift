import Dispatch
import MusterLedger
import MusterStore

/// Some of the people a replay of the ledger gives, held in memory: the people of one range of
/// ids (a restore's replay), or the people created in one stretch of the ledger (`ledger
/// verify`'s, which replays each stretch as it reads it).
struct ReplayedGroup: Sendable {
    /// Their rows (blind indexes empty), in the order of their first entry.
    var rows = PagedRows()
    /// Where each id's row is in `rows`.
    var index: [IDKey: Int] = [:]

    init() {}

    /// An empty group with room for `people` without growing its index. Room not used costs
    /// little: the index's buckets are touched only as they are filled.
    init(room people: Int) {
        index.reserveCapacity(people)
    }

    /// Applies `entry`, which changes a person, if it belongs here: a create, or a change to
    /// someone this group holds. Returns `false`, changing nothing, for a change to someone
    /// else (someone an earlier stretch created).
    mutating func applyIfHeld(_ entry: EntryFields) throws -> Bool {
        let key = try IDKey(subjectOf: entry)
        guard entry.kind == .create else {
            guard let at = index[key] else { return false }
            rows[at] = try Projection.apply(entry, to: rows[at])
            return true
        }
        // A create claims the id in one probe of the index (most of a replay's entries are
        // creates, and each probe of a table this size misses the cache); the id already held
        // is a second create, which the projection refuses.
        if let held = index.updateValue(rows.count, forKey: key) {
            index[key] = held
            rows[held] = try Projection.apply(entry, to: rows[held])
            return true
        }
        do {
            rows.append(try Projection.apply(entry, to: nil))
        } catch {
            index[key] = nil
            throw error
        }
        return true
    }

    /// Replays, in order, every entry in `entries` that changes a person whose id is in `range`.
    init(_ entries: ArraySlice<[UInt8]>, in range: SubjectRange) throws {
        // Sized by the creates first: grown as people came, the table was rehashed a dozen times.
        let creates = entries.reduce(0) { $0 + ($1.count >= 35 && $1[17] == 1 && range.contains($1[19..<35]) ? 1 : 0) }
        index.reserveCapacity(creates)
        for bytes in entries {
            // Kind at byte 17, subject flag at 18, the id after it (see `LedgerEntry.encoded`);
            // the entries were checked whole when their segments were verified.
            guard bytes.count >= 35, bytes.withUnsafeBytes(LedgerEntry.changesPerson), bytes[18] != 1 || range.contains(bytes[19..<35])
            else { continue }
            try LedgerEntry.withFields(of: bytes) { entry in
                if try !applyIfHeld(entry) {
                    _ = try Projection.apply(entry, to: nil)  // throws: a change to someone never created
                }
            }
        }
    }
}

extension [ReplayedGroup] {
    /// Frees the groups on another thread, once the caller holds them no more (`consume` them
    /// into this). Releasing every string and array of 430,000 replayed rows took a tenth of a
    /// second at the end of `ledger verify`, one thread alone, after the answer was known.
    consuming func releaseInBackground() {
        let groups = self
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(groups) {} }
    }

    /// Where the person with `key` is, among the groups at `groups` (all by default): their
    /// group and their row in it.
    func find(_ key: IDKey, among groups: Range<Int>? = nil) -> (group: Int, row: Int)? {
        for group in groups ?? indices {
            if let row = self[group].index[key] { return (group, row) }
        }
        return nil
    }

    /// Whether the row at `place` (a group and a row in it, which may be past the end) is the
    /// person with `key`.
    func holds(_ key: IDKey, at place: (group: Int, row: Int)) -> Bool {
        place.group < count && place.row < self[place.group].rows.count && IDKey(self[place.group].rows[place.row].id) == key
    }

    /// Applies `entries` (changes, in order, to people of the groups before `end`) where those
    /// people are: what a stretch of the ledger left for the stretches before it.
    mutating func apply(deferred entries: [[UInt8]], toGroupsBefore end: Int) throws {
        for bytes in entries {
            try LedgerEntry.withFields(of: bytes) { entry in
                guard let (group, row) = find(try IDKey(subjectOf: entry), among: 0..<end) else {
                    _ = try Projection.apply(entry, to: nil)  // throws: a change to someone never created
                    return
                }
                self[group].rows[row] = try Projection.apply(entry, to: self[group].rows[row])
            }
        }
    }
}

/// A 16-byte id held inline, as a dictionary key: a ``SubjectID`` keeps its bytes in an array
/// of their own, so each probe of a table of hundreds of thousands of ids missed the cache once
/// for the array and again to compare (most of a lookup's cost, measured in a restore).
struct IDKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ id: SubjectID) {
        self.init(words: id.words)
    }

    init(words: (UInt64, UInt64)) {
        (high, low) = words
    }

    init(subjectOf entry: EntryFields) throws {
        guard let words = entry.subjectWords else { throw RegisterError(.corrupt, "person entry \(entry.sequence) names no subject") }
        self.init(words: words)
    }
}
