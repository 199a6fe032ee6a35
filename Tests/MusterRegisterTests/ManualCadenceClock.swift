import MusterRegister
import Synchronization

/// A ``CadenceClock`` that moves only when a test says (``advance(by:)``): whether a batch is
/// within the checkpoint interval, and when a deferred checkpoint is due, are then decided by
/// the test, not by how busy the machine is.
final class ManualCadenceClock: CadenceClock {
    private struct Sleeper {
        let deadline: Duration
        let wake: CheckedContinuation<Void, Never>
    }

    private let state = Mutex<(now: Duration, sleepers: [Sleeper])>((.zero, []))

    var elapsed: Duration { state.withLock { $0.now } }

    /// How many sleeps are waiting for their time.
    var sleeping: Int { state.withLock { $0.sleepers.count } }

    func sleep(for duration: Duration) async throws {
        await withCheckedContinuation { (wake: CheckedContinuation<Void, Never>) in
            let due = state.withLock { state in
                guard duration > .zero else { return true }
                state.sleepers.append(Sleeper(deadline: state.now + duration, wake: wake))
                return false
            }
            if due { wake.resume() }
        }
    }

    /// Moves the time on by `duration`, waking every sleep whose time has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state in
            state.now += duration
            let due = state.sleepers.filter { $0.deadline <= state.now }
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for sleeper in due { sleeper.wake.resume() }
    }
}
