import Synchronization

/// A per-key rate limiter using the Generic Cell Rate Algorithm: each key keeps one number, its
/// theoretical arrival time (TAT), so the memory per client is a dictionary entry.
///
/// A key may make ``Configuration/burst`` requests at once, then one every
/// 1 / ``Configuration/requestsPerSecond`` seconds. Refused requests do not move the TAT, so a
/// flood is refused cheaply and costs the flooder nothing extra once it stops.
///
/// Memory is bounded by ``Configuration/maxTrackedKeys``. When a new key arrives and the table is
/// full, keys whose TAT has passed are dropped first — that loses nothing, since such a key
/// behaves exactly like an unseen one. If every key is still owing, the eighth with the earliest
/// TATs (closest to recovered) is dropped. The trade-off: an attacker who rotates through more
/// keys than the table holds can reset some keys' limits (an evicted key gets a fresh burst), but
/// memory stays bounded and new legitimate clients are never locked out by a full table. Size the
/// table above the number of clients you expect in one burst window.
///
/// Thread-safe; time is passed in, so tests drive it with a fake clock.
public final class GCRALimiter: Sendable {
    /// The outcome of a check.
    public enum Decision: Sendable, Hashable {
        /// The request may proceed.
        case allowed
        /// The request is refused; the client may retry after this many whole seconds (≥ 1),
        /// suitable for a `Retry-After` header.
        case limited(retryAfter: Int)
    }

    /// The limiter's configuration.
    public let configuration: Configuration
    /// Time between requests at the sustained rate.
    private let emissionInterval: Duration
    /// How far ahead of now a key's TAT may run: one burst's worth of intervals.
    private let burstWindow: Duration
    private let state = Mutex([String: ContinuousClock.Instant]())

    /// Creates a limiter.
    public init(configuration: Configuration) {
        self.configuration = configuration
        self.emissionInterval = .seconds(1 / configuration.requestsPerSecond)
        self.burstWindow = emissionInterval * configuration.burst
    }

    /// Counts a request from `key` at `now` and says whether it may proceed.
    public func check(key: String, now: ContinuousClock.Instant = .now) -> Decision {
        state.withLock { table in
            let previous = table[key]
            let newTAT = max(previous ?? now, now) + emissionInterval
            let limit = now + burstWindow
            if newTAT > limit {
                return .limited(retryAfter: Self.wholeSecondsRoundedUp(newTAT - limit))
            }
            if previous == nil && table.count >= configuration.maxTrackedKeys {
                Self.makeRoom(in: &table, now: now, maxKeys: configuration.maxTrackedKeys)
            }
            table[key] = newTAT
            return .allowed
        }
    }

    /// How many keys are tracked now.
    public var trackedKeyCount: Int { state.withLock { $0.count } }

    /// Drops keys until one more fits: expired keys first, then the earliest-TAT eighth. Dropping
    /// a batch, not one key, keeps a flood of new keys from paying a full scan each.
    private static func makeRoom(in table: inout [String: ContinuousClock.Instant], now: ContinuousClock.Instant, maxKeys: Int) {
        table = table.filter { $0.value > now }
        guard table.count >= maxKeys else { return }
        let batch = max(1, maxKeys / 8)
        for (key, _) in table.sorted(by: { $0.value < $1.value }).prefix(batch) {
            table[key] = nil
        }
    }

    private static func wholeSecondsRoundedUp(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
