import Dispatch
import MusterLedger
import MusterStore

/// Some of the people a replay of the ledger gives: the people of one range of ids (a
/// restore's replay), or the people created in one stretch of the ledger (`ledger verify`'s,
/// which replays each stretch as it reads it).
///
/// Each person's entries are held, copied, not their row: the row is made from them when it is
/// wanted (``row(at:)``), to be compared with the stored one and dropped, each in memory just
/// freed by the one before. Built as the entries were read and held to the end, 430,000 rows
/// cost a page fault every few people: held as bytes, `ledger verify`'s peak memory fell by
/// 290 MB and its page faults by a third, and its CPU by about a tenth.
struct ReplayedGroup: Sendable {
    /// A person: their id, and where their create and later entries are held.
    private struct Person: Sendable {
        let id: IDKey
        let create: HeldEntries.Place
        var changes: [HeldEntries.Place] = []
        /// Whether one of the changes erases them.
        var erased = false
    }

    /// The people, in the order of their first entry.
    private var people: [Person] = []
    /// Where each id's person is in `people`.
    var index: [IDKey: Int] = [:]
    private var entries = HeldEntries()

    init() {}

    /// An empty group with room for `people` without growing its index. Room not used costs
    /// little: the index's buckets are touched only as they are filled.
    init(room people: Int) {
        index.reserveCapacity(people)
    }

    /// How many people the group holds.
    var count: Int { people.count }

    /// The id of person `position`.
    func id(at position: Int) -> IDKey { people[position].id }

    /// Whether person `position`'s entries erase them (their row, if it can be made, says so).
    func isErased(at position: Int) -> Bool { people[position].erased }

    /// The row person `position`'s entries give (blind indexes empty); throws what the replay
    /// of those entries throws.
    func row(at position: Int) throws -> PersonRow {
        let person = people[position]
        var row = try entries.withBytes(at: person.create) { try Projection.apply(entryIn: $0, to: nil) }
        for change in person.changes {
            row = try entries.withBytes(at: change) { try Projection.apply(entryIn: $0, to: row) }
        }
        return row
    }

    /// Whether `stored` is person `position`'s row: compared with their create's fields when
    /// that create alone gives it (``CreatedRow``), and otherwise (or when that comparison cannot
    /// tell) with the row their entries give, made here and dropped.
    func matches(_ stored: some StoredPerson, at position: Int) -> Bool {
        if people[position].changes.isEmpty && entries.withBytes(at: people[position].create, { CreatedRow.matches(stored, createdBy: $0) }) {
            return true
        }
        return (try? row(at: position)).map { stored.isSame(as: $0) } == true
    }

    /// Takes `entry` (its bytes `raw`), which changes a person, if it belongs here: a create,
    /// or a change to someone this group holds. Returns `false`, holding nothing, for a change
    /// to someone else (someone an earlier stretch created). A second create for someone held
    /// throws what the projection throws for it, and changes nothing.
    mutating func applyIfHeld(_ entry: EntryFields, bytes raw: UnsafeRawBufferPointer) throws -> Bool {
        let key = try IDKey(subjectOf: entry)
        guard entry.kind == .create else {
            guard let at = index[key] else { return false }
            hold(change: raw, kind: entry.kind, at: at)
            return true
        }
        // A create claims the id in one probe of the index (most of a replay's entries are
        // creates, and each probe of a table this size misses the cache).
        if let held = index.updateValue(people.count, forKey: key) {
            index[key] = held
            _ = try Projection.apply(entry, to: try row(at: held))  // throws: the person exists
            return true
        }
        people.append(Person(id: key, create: entries.append(raw)))
        return true
    }

    /// Holds, in order, every entry in `entries` that changes a person whose id is in `range`.
    init(_ entries: ArraySlice<[UInt8]>, in range: SubjectRange) throws {
        // Sized by the creates first: grown as people came, the table was rehashed a dozen times.
        let creates = entries.reduce(0) { $0 + ($1.count >= 35 && $1[17] == 1 && range.contains($1[19..<35]) ? 1 : 0) }
        index.reserveCapacity(creates)
        for bytes in entries {
            // Kind at byte 17, subject flag at 18, the id after it (see `LedgerEntry.encoded`);
            // the entries were checked whole when their segments were verified.
            guard bytes.count >= 35, bytes.withUnsafeBytes(LedgerEntry.changesPerson), bytes[18] != 1 || range.contains(bytes[19..<35])
            else { continue }
            try bytes.withUnsafeBytes { raw in
                try LedgerEntry.withFields(in: raw) { entry in
                    if try !applyIfHeld(entry, bytes: raw) {
                        _ = try Projection.apply(entry, to: nil)  // throws: a change to someone never created
                    }
                }
            }
        }
    }

    /// Holds `raw`, a change to person `position`, after their other entries.
    fileprivate mutating func hold(change raw: UnsafeRawBufferPointer, kind: EntryKind, at position: Int) {
        people[position].changes.append(entries.append(raw))
        if kind == .erase { people[position].erased = true }
    }
}

extension [ReplayedGroup] {
    /// Frees the groups on another thread, once the caller holds them no more (`consume` them
    /// into this): the end of `ledger verify` need not wait for it.
    consuming func releaseInBackground() {
        let groups = self
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(groups) {} }
    }

    /// Where the person with `key` is, among the groups at `groups` (all by default): their
    /// group and their place in it.
    func find(_ key: IDKey, among groups: Range<Int>? = nil) -> (group: Int, row: Int)? {
        for group in groups ?? indices {
            if let row = self[group].index[key] { return (group, row) }
        }
        return nil
    }

    /// Whether the person at `place` (a group and a place in it, which may be past the end) is
    /// the person with `key`.
    func holds(_ key: IDKey, at place: (group: Int, row: Int)) -> Bool {
        place.group < count && place.row < self[place.group].count && self[place.group].id(at: place.row) == key
    }

    /// Holds `entries` (changes, in order, to people of the groups before `end`) with those
    /// people: what a stretch of the ledger left for the stretches before it.
    mutating func apply(deferred entries: [[UInt8]], toGroupsBefore end: Int) throws {
        for bytes in entries {
            try bytes.withUnsafeBytes { raw in
                try LedgerEntry.withFields(in: raw) { entry in
                    guard let (group, row) = find(try IDKey(subjectOf: entry), among: 0..<end) else {
                        _ = try Projection.apply(entry, to: nil)  // throws: a change to someone never created
                        return
                    }
                    self[group].hold(change: raw, kind: entry.kind, at: row)
                }
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
