public import Foundation
public import MusterLedger
public import MusterVault

/// The remote vault's state: the files, the verified chain of segments they hold, and the
/// rules. Only whole segments that extend the verified log are ever added; nothing is ever
/// overwritten or deleted, except snapshots (key store, register) older than the retention,
/// judged by this vault's own clock.
///
/// An actor: uploads are checked and stored one at a time, so two uploads cannot both extend
/// the chain from the same head.
public actor VaultKeeper {
    public nonisolated let vault: FileVault
    private var chain: SegmentChain
    public let retention: TimeInterval
    private let now: @Sendable () -> Date

    /// Opens the vault in `directory` for the log whose checkpoints `verifier` signs, and
    /// verifies every segment it already holds (so a vault started on tampered files refuses
    /// to start rather than extend them).
    public init(
        directory: String, verifier: NoteVerifier, retention: TimeInterval = 30 * 24 * 3600,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        vault = try FileVault(directory: directory)
        var chain = SegmentChain(origin: verifier.name, verifier: verifier)
        for name in try vault.list(prefix: SegmentName.prefix) {
            try chain.accept(try Segment(encoded: try vault.get(name: name), name: name))
        }
        self.chain = chain
        self.retention = retention
        self.now = now
    }

    /// The last entry held.
    public var head: UInt64 { chain.head.size }

    /// Checks `bytes` as the segment `name` and stores it if it extends the log. The same
    /// segment again is `alreadyPresent` (a shipper retrying); anything else that is not the
    /// next segment is refused with the reason.
    public func putSegment(name: String, bytes: [UInt8]) throws -> FileVault.PutResult {
        let parsed = try SegmentName(parsing: name)
        if parsed.last <= chain.head.size {
            // Already held, or overlapping what is held: only an identical file is acceptable.
            guard (try? vault.get(name: name)) == bytes else {
                throw VaultError(.sequenceGap, "the vault already holds entries \(parsed.first)–\(parsed.last)", name: name)
            }
            return .alreadyPresent
        }
        let segment = try Segment(encoded: bytes, name: name)
        var next = chain
        try next.accept(segment)
        let result = try vault.put(name: name, bytes: bytes)
        chain = next
        return result
    }

    /// Stores a snapshot under a name from this vault's clock, then applies the retention by
    /// that clock (the newest snapshot always stays). Register snapshot parts are pruned only
    /// when a manifest arrives, and a day later than manifests: a part is written before its
    /// manifest, so one that seems old may belong to a manifest not yet here, or just kept.
    public func putSnapshot(prefix: String, bytes: [UInt8]) throws -> String {
        let name = try vault.putSnapshot(prefix: prefix, bytes: bytes, now: now())
        let cutoff = now().addingTimeInterval(-retention)
        switch prefix {
        case RegisterSnapshotManifest.partPrefix:
            break
        case RegisterSnapshotManifest.namePrefix:
            try vault.prune(prefix: prefix, olderThan: cutoff, keepingNewest: 1)
            let manifests = try vault.list(prefix: prefix).compactMap { SnapshotName(parsing: $0, prefix: prefix) }
            if let oldest = manifests.min() {
                let partCutoff = min(cutoff, oldest.time).addingTimeInterval(-RegisterSnapshotManifest.partGrace)
                try vault.prune(prefix: RegisterSnapshotManifest.partPrefix, olderThan: partCutoff, keepingNewest: 1)
            }
        default:
            try vault.prune(prefix: prefix, olderThan: cutoff, keepingNewest: 1)
        }
        return name
    }
}
