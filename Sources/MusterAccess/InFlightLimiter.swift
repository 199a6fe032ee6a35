import Synchronization

/// A bound on requests being served at once. When it is reached, new requests are refused at
/// once (load shedding: a fast 503 beats a queue that grows until everything times out).
///
/// Lock-free: one compare-and-swap per acquire.
///
/// ```swift
/// guard limiter.tryAcquire() else { throw HTTPError(.serviceUnavailable) }
/// defer { limiter.release() }
/// ```
public final class InFlightLimiter: Sendable {
    /// The most requests in flight at once.
    public let limit: Int
    private let current = Atomic<Int>(0)
    private let rejections = Atomic<Int>(0)

    /// Creates a limiter admitting at most `limit` requests at once.
    public init(limit: Int) {
        precondition(limit >= 1, "limit must be at least 1")
        self.limit = limit
    }

    /// Takes a slot if one is free; never waits. Every `true` must be paired with one
    /// ``release()``.
    public func tryAcquire() -> Bool {
        var seen = current.load(ordering: .relaxed)
        while seen < limit {
            let (exchanged, original) = current.compareExchange(
                expected: seen, desired: seen + 1, successOrdering: .acquiring, failureOrdering: .relaxed)
            if exchanged { return true }
            seen = original
        }
        rejections.wrappingAdd(1, ordering: .relaxed)
        return false
    }

    /// Gives back a slot taken by ``tryAcquire()``.
    public func release() {
        let previous = current.wrappingSubtract(1, ordering: .releasing).oldValue
        precondition(previous > 0, "release() without a matching tryAcquire()")
    }

    /// Runs `body` holding a slot, or returns `nil` at once if none is free.
    public func withSlot<T>(_ body: () async throws -> T) async rethrows -> T? {
        guard tryAcquire() else { return nil }
        defer { release() }
        return try await body()
    }

    /// Requests in flight now.
    public var inFlight: Int { current.load(ordering: .relaxed) }
    /// Requests refused since creation (for a metric).
    public var rejectedCount: Int { rejections.load(ordering: .relaxed) }
}
