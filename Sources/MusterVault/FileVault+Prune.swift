public import Foundation
import MusterSystem

extension FileVault {
    /// Stores a snapshot (a key-store backup) under a ``SnapshotName`` that the vault makes
    /// from its own clock, and returns the name. Write-once like ``put(name:bytes:)``.
    ///
    /// - Parameter now: the vault's clock; a parameter only so tests can set it. Callers on the
    ///   other side of a network must never supply it: retention trusts this time.
    @discardableResult
    public func putSnapshot(prefix: String, bytes: [UInt8], now: Date = Date()) throws(VaultError) -> String {
        let name = try SnapshotName(prefix: prefix, time: now).fileName
        try put(name: name, bytes: bytes)
        return name
    }

    /// Removes the snapshots named `<prefix><time>-<tag>` (``SnapshotName``) whose time is before
    /// `cutoff`, except the `keepingNewest` newest, which stay however old; returns the names
    /// removed, oldest first. The only way anything in a vault is ever deleted.
    ///
    /// Age comes from the name the vault gave the file, never from file times. Names with the
    /// prefix that are not snapshot names are left alone, and so is every segment:
    /// a prefix that could match a segment name is `notAllowed`, as is keeping fewer than one
    /// (retention keeps a floor of snapshots, so a stalled backup never empties the vault).
    @discardableResult
    public func prune(prefix: String, olderThan cutoff: Date, keepingNewest: Int) throws(VaultError) -> [String] {
        try SnapshotName.checkPrefix(prefix)
        guard keepingNewest >= 1 else {
            throw VaultError(.notAllowed, "pruning keeps at least the newest snapshot")
        }
        let snapshots = try list(prefix: prefix)
            .filter { !$0.hasPrefix(SegmentName.prefix) }  // cannot match after checkPrefix; kept as a guard
            .compactMap { SnapshotName(parsing: $0, prefix: prefix) }
            .sorted()
        let candidates = snapshots.dropLast(keepingNewest).filter { $0.time < cutoff }
        var removed: [String] = []
        for snapshot in candidates {
            let failure = systemUnlink(path(snapshot.fileName))
            guard failure == 0 else {
                throw POSIX.failure("unlink", code: failure, name: snapshot.fileName)
            }
            removed.append(snapshot.fileName)
        }
        if !removed.isEmpty { try syncDirectory(name: nil) }
        return removed
    }
}
