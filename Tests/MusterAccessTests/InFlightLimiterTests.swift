import Synchronization
import Testing

@testable import MusterAccess

struct InFlightLimiterTests {
    /// How many tasks hold a slot now, and the most that ever did.
    final class Gauge: Sendable {
        let active = Atomic<Int>(0)
        let highWater = Atomic<Int>(0)
    }

    @Test func shedsWhenFullAndCountsRejections() {
        let limiter = InFlightLimiter(limit: 2)
        #expect(limiter.tryAcquire())
        #expect(limiter.tryAcquire())
        #expect(!limiter.tryAcquire())
        #expect(!limiter.tryAcquire())
        #expect(limiter.rejectedCount == 2)
        #expect(limiter.inFlight == 2)
        limiter.release()
        #expect(limiter.tryAcquire())
        limiter.release()
        limiter.release()
        #expect(limiter.inFlight == 0)
    }

    @Test func concurrentTasksNeverExceedTheLimit() async {
        let limiter = InFlightLimiter(limit: 4)
        let gauge = Gauge()
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<400 {
                group.addTask {
                    guard limiter.tryAcquire() else { return false }
                    let now = gauge.active.wrappingAdd(1, ordering: .relaxed).newValue
                    gauge.highWater.max(now, ordering: .relaxed)
                    await Task.yield()
                    gauge.active.wrappingSubtract(1, ordering: .relaxed)
                    limiter.release()
                    return true
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(gauge.highWater.load(ordering: .relaxed) <= 4)
        #expect(admitted + limiter.rejectedCount == 400)
        #expect(admitted >= 4)
        #expect(limiter.inFlight == 0)
    }

    @Test func everyConcurrentRequestIsRejectedAtOnceWhileFull() async {
        let limiter = InFlightLimiter(limit: 3)
        for _ in 0..<3 { #expect(limiter.tryAcquire()) }
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 { group.addTask { limiter.tryAcquire() } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 0)
        #expect(limiter.rejectedCount == 200)
        for _ in 0..<3 { limiter.release() }
        #expect(limiter.inFlight == 0)
    }

    struct Boom: Error {}

    @Test func withSlotReleasesEvenWhenTheBodyThrows() async throws {
        let limiter = InFlightLimiter(limit: 1)
        #expect(await limiter.withSlot { limiter.inFlight } == 1)
        await #expect(throws: Boom.self) { try await limiter.withSlot { throw Boom() } }
        #expect(limiter.inFlight == 0)
        #expect(limiter.tryAcquire())
        #expect(await limiter.withSlot { 42 } == nil)
        limiter.release()
    }
}
