import MusterAccess
import Synchronization

/// Tokens this process has checked against the store in the last moments, so that a busy
/// server does not read the token and account rows on every request.
///
/// An entry is trusted for `lifetime` after the read that found it (and never past the token's
/// own expiry). Revoking a token, or disabling or changing an account, through the same
/// ``StaffAccounts`` drops its entries at once; a revocation made by another process (the CLI,
/// another server on the same PostgreSQL) takes effect here within `lifetime`. The cache holds
/// token digests, never tokens, and is bounded: when full it starts again empty.
final class RecentTokens: Sendable {
    struct Entry: Sendable {
        var staff: Staff
        var expiresAt: Int64
        var checkedAt: Int64
    }

    /// Milliseconds an entry is trusted; 0 turns the cache off.
    let lifetime: Int64
    let capacity: Int
    private let entries = Mutex<[[UInt8]: Entry]>([:])

    init(lifetime: Duration, capacity: Int = 10_000) {
        self.lifetime = lifetime.components.seconds * 1000 + lifetime.components.attoseconds / 1_000_000_000_000_000
        self.capacity = capacity
    }

    /// The staff member for `digest` if it was checked recently enough and has not expired.
    func staff(digest: [UInt8], now: Int64) -> Staff? {
        guard lifetime > 0 else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[digest] else { return nil }
            guard now < entry.expiresAt, now >= entry.checkedAt, now - entry.checkedAt < lifetime else {
                entries[digest] = nil
                return nil
            }
            return entry.staff
        }
    }

    func remember(digest: [UInt8], _ entry: Entry) {
        guard lifetime > 0 else { return }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[digest] = entry
        }
    }

    func forget(digest: [UInt8]) {
        _ = entries.withLock { $0.removeValue(forKey: digest) }
    }

    func forget(username: String) {
        entries.withLock { entries in entries = entries.filter { $0.value.staff.username != username } }
    }
}
