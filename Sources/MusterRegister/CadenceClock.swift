/// The time checkpoint signatures are spaced by (``RegisterConfiguration/checkpointInterval``):
/// how long ago this process last signed, and the wait before a deferred checkpoint.
///
/// Monotonic, not the register's wall clock: it only spaces signatures out, and a wall clock
/// stepped back must not stop them. Injectable so that tests decide when an interval is over
/// instead of racing a real one (a loaded machine could take a whole interval between two
/// batches, and then test the immediate signature instead of the deferred one).
public protocol CadenceClock: Sendable {
    /// The time since a fixed start (only differences are used).
    var elapsed: Duration { get }
    /// Returns once `duration` has passed on this clock.
    func sleep(for duration: Duration) async throws
}

/// The machine's monotonic clock.
public struct MonotonicCadenceClock: CadenceClock {
    private let start = ContinuousClock.now

    public init() {}

    public var elapsed: Duration { ContinuousClock.now - start }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
