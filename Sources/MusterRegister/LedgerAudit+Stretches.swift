import MusterLedger
import MusterStore
import Synchronization

/// How `ledger verify` cuts the ledger for its threads: into stretches of whole chunks of the
/// Merkle tree (see ``MerkleStretch``), checked a few at a time.
struct LedgerScanPlan: Sendable {
    /// A chunk of the tree is 2^`chunkHeight` entries.
    var chunkHeight: Int
    /// Into how many stretches the ledger is cut (fewer when it has fewer chunks).
    var stretches: Int
    /// How many stretches (and reads of the stored nodes) run at once.
    var threads: Int

    /// Chunks of 65,536 entries, and four stretches a thread: with the read of the stored nodes
    /// beside them, a thread that finishes early takes the next job rather than wait.
    /// Stretches cost unevenly (the one with the creates replays them too): with two a thread,
    /// the first of 2.5 million entries, holding all 430,000 creates, ran 0.4 s after the rest.
    static func standard(threads: Int) -> LedgerScanPlan {
        LedgerScanPlan(chunkHeight: 16, stretches: 4 * max(threads, 1), threads: max(threads, 1))
    }
}

/// What checking one stretch of the ledger found.
struct StretchCheck: Sendable {
    /// Its first and last entries.
    let first: UInt64
    let last: UInt64
    var chain: ChainVerifier
    var bytes = 0
    var tree: MerkleStretch
    /// For each checkpoint whose size ends in this stretch: its place in the list, the chunk the
    /// size ends in and the root of that chunk up to there.
    var checkpoints: [(index: Int, chunk: UInt64, chunkRoot: EntryHash)] = []
    /// The nodes of the tree this stretch made, level by level.
    var digests: LevelDigests
    /// The people created in this stretch, with their entries held (see ``ReplayedGroup``).
    var replayed = ReplayedGroup()
    /// The entries here that change people created before this stretch, copied, in order: they
    /// are replayed once the stretches before are.
    var deferred: [[UInt8]] = []
    /// What stopped the replay, if anything did; the hashing goes on, and reports first.
    var replayFailure: (any Error)?
    /// What stopped the check, if anything did (a ``LedgerError`` naming the entry, or a read).
    var failure: (any Error)?
}

extension StretchCheck {
    /// Keeps an entry that changes a person, from its bytes where the store holds them: with
    /// its person if it creates someone or changes someone created in this stretch, apart (a
    /// copy in ``deferred``, given to its person later) if it changes someone created before.
    mutating func replay(_ bytes: UnsafeRawBufferPointer) {
        do {
            let held = try LedgerEntry.withFields(in: bytes) { try replayed.applyIfHeld($0, bytes: bytes) }
            if !held { deferred.append(Array(bytes)) }
        } catch {
            replayFailure = error
        }
    }
}

/// One job of the scan: a stretch checked, or the stored nodes read and digested.
private enum ScanJob: Sendable {
    case stretch(StretchCheck)
    case storedNodes(LevelDigests)
    case failed(any Error)
}

/// Entries checked so far, over every stretch, for the progress report.
private final class CheckedCount: Sendable {
    let value = Atomic<UInt64>(0)
}

extension LedgerAudit {
    /// The stretches of a ledger of `size` entries: consecutive ranges of whole chunks (the last
    /// chunk may be short), as (first, last) entry numbers.
    static func stretches(size: UInt64, plan: LedgerScanPlan) -> [(first: UInt64, last: UInt64)] {
        let chunk = UInt64(1) << plan.chunkHeight
        let chunks = (size + chunk - 1) / chunk
        let count = UInt64(min(UInt64(plan.stretches), chunks))
        return (0..<count).map { i in
            (first: i * chunks / count * chunk + 1, last: min(size, (i + 1) * chunks / count * chunk))
        }
    }

    /// Checks entries `first` through `last` in `tx`: each entry's hash and links (the first
    /// one's link is left to the caller, see ``ChainVerifier/init(stretchFrom:)``), the tree's
    /// nodes over them, and the chunk roots the checkpoints ending here need (`sizes` are every
    /// checkpoint's size, in order). Never throws: what stops it is kept in `failure`.
    static func checkStretch(
        _ tx: any StoreReading, first: UInt64, last: UInt64, sizes: [UInt64], plan: LedgerScanPlan, digests: LevelDigests,
        progress: @Sendable (UInt64) -> Void
    ) -> StretchCheck {
        var check = StretchCheck(
            first: first, last: last, chain: first == 1 ? ChainVerifier() : ChainVerifier(stretchFrom: first),
            tree: MerkleStretch(start: first - 1, chunkHeight: plan.chunkHeight), digests: digests)
        // A stretch creates at most one person an entry: grown as they came, the index was
        // rehashed a dozen times in a stretch of creates.
        check.replayed = ReplayedGroup(room: Int(last - first + 1))
        var nextCheckpoint = sizes.firstIndex { $0 >= first } ?? sizes.count
        var sinceReport: UInt64 = 0
        do {
            try tx.forEachEntryInPlace(from: first, through: last) { row in
                let (sequence, bytes) = (row.sequence, row.bytes)
                let leaf = try check.chain.check(sequence: sequence, bytes: bytes, storedHash: row.hash)
                try row.checkColumns()
                check.bytes += bytes.count
                // Level 0 is the entry's stored hash, just compared; some levels above are rows.
                check.tree.append(leafHash: leaf) { check.digests.add(computed: $0) }
                while nextCheckpoint < sizes.count && sizes[nextCheckpoint] == sequence {
                    check.checkpoints.append((nextCheckpoint, (sequence - 1) >> plan.chunkHeight, check.tree.lastChunkRoot))
                    nextCheckpoint += 1
                }
                if LedgerEntry.changesPerson(bytes) && check.replayFailure == nil { check.replay(bytes) }
                sinceReport += 1
                if sinceReport == 8192 {
                    progress(sinceReport)
                    sinceReport = 0
                }
            }
            let head = check.chain.head.size
            if head < last {
                throw LedgerError(.sequenceGap, "expected entry \(head + 1), found none up to entry \(last)", sequence: head + 1)
            }
        } catch {
            check.failure = error
        }
        progress(sinceReport)
        return check
    }

    /// Checks the whole ledger (`size` entries, with the signed checkpoints `checkpoints`, in
    /// order of size), stretch by stretch on `plan.threads` threads, and the stored Merkle nodes
    /// beside them. Throws what one pass in order would have met first: a bad entry (after any
    /// checkpoint before it that fails), then a checkpoint, then the stored nodes, then what
    /// stopped the replay. Returns the bytes checked and the people the ledger gives.
    static func checkStretches(
        _ store: any Store, size: UInt64, checkpoints: [(size: UInt64, text: String)], verifier: NoteVerifier,
        plan: LedgerScanPlan, progress: Progress?
    ) async throws -> (bytes: Int, people: [ReplayedGroup]) {
        let signatures = CheckpointSignatures(checkpoints.map(\.text), verifier: verifier)
        let sizes = checkpoints.map(\.size)
        let ranges = stretches(size: size, plan: plan)
        let digests = LevelDigests()
        let checked = CheckedCount()
        let report: @Sendable (UInt64) -> Void = { count in
            let total = checked.value.add(count, ordering: .relaxed).newValue
            progress?(total)
        }
        // The stretches, then the stored nodes (one row per 15 entries: see `MerkleTiles`).
        let jobs = await inWindows(count: ranges.count + 1, width: plan.threads) { job -> ScanJob in
            do {
                if job < ranges.count {
                    let (first, last) = ranges[job]
                    return .stretch(
                        try await store.read { tx in
                            checkStretch(tx, first: first, last: last, sizes: sizes, plan: plan, digests: digests.sibling(), progress: report)
                        })
                }
                return .storedNodes(
                    try await store.read { tx in
                        var stored = digests.sibling()
                        // Only the tree of `size` leaves: a register in use completes nodes for
                        // entries appended since, which the stretches do not read.
                        try tx.forEachMerkleNode { node in
                            if (node.index + 1) << node.level <= size { stored.add(node) }
                        }
                        return stored
                    })
            } catch {
                return .failed(error)
            }
        }
        var stretchChecks: [StretchCheck] = []
        var stored = digests.sibling()
        for job in jobs {
            switch job {
            case .stretch(let check): stretchChecks.append(check)
            case .storedNodes(let nodes): stored.append(nodes)
            case .failed(let error): throw error
            }
        }

        let verdicts = signatures.wait()
        var tree = digests.sibling()
        for stretch in stretchChecks { tree.append(stretch.digests) }
        var join = MerkleChunkJoin(chunkHeight: plan.chunkHeight)
        var chunkRoots: [EntryHash] = []
        var roots: [EntryHash] = []
        var above = digests.sibling()
        var previous: StretchCheck?
        for stretch in stretchChecks {
            if let previous, let link = stretch.chain.firstLink, link != previous.chain.head.hash {
                try compare(verdicts, sizes: sizes, roots: roots)
                throw LedgerError(.chainBroken, "previous-hash link does not match entry \(stretch.first - 1)", sequence: stretch.first)
            }
            chunkRoots += stretch.tree.chunkRoots
            for checkpoint in stretch.checkpoints {
                while join.chunks < checkpoint.chunk { join.join(chunkRoot: chunkRoots[Int(join.chunks)]) { above.add(computed: $0) } }
                roots.append(join.root(endingWith: checkpoint.chunkRoot))
            }
            if let failure = stretch.failure {
                // A checkpoint before the bad entry was checked before it, and is reported first.
                try compare(verdicts, sizes: sizes, roots: roots)
                throw failure
            }
            previous = stretch
        }
        try compare(verdicts, sizes: sizes, roots: roots)
        if roots.count < checkpoints.count {
            let uncovered = checkpoints[roots.count].size
            throw VerificationFailure(
                sequence: size + 1, "the checkpoint at size \(uncovered) covers entries the ledger no longer has (it ends at entry \(size))")
        }
        while join.chunks < UInt64(chunkRoots.count) { join.join(chunkRoot: chunkRoots[Int(join.chunks)]) { above.add(computed: $0) } }
        tree.append(above)
        if let level = tree.firstDifference(from: stored) {
            throw VerificationFailure(sequence: nil, "the stored Merkle nodes at level \(level) differ from the tree the entries give")
        }
        // Each stretch's changes to people created before it, in order. The groups are moved out
        // of the checks, so that holding a change does not copy what a group shares with them.
        var people: [ReplayedGroup] = []
        for index in stretchChecks.indices {
            people.append(stretchChecks[index].replayed)
            stretchChecks[index].replayed = ReplayedGroup()
        }
        for (index, stretch) in stretchChecks.enumerated() {
            if let failure = stretch.replayFailure { throw failure }
            try people.apply(deferred: stretch.deferred, toGroupsBefore: index)
        }
        return (stretchChecks.reduce(0) { $0 + $1.bytes }, people)
    }

    /// Runs jobs `0..<count`, at most `width` at a time, and returns their results in job order.
    static func inWindows<T: Sendable>(count: Int, width: Int, _ job: @escaping @Sendable (Int) async -> T) async -> [T] {
        await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            while next < min(count, max(width, 1)) {
                let index = next
                group.addTask { (index, await job(index)) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < count {
                    let index = next
                    group.addTask { (index, await job(index)) }
                    next += 1
                }
            }
            return results.map { $0! }  // every job has run
        }
    }
}
