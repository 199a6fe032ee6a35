import Testing

@testable import MusterAccess

/// Time is injected: every check passes `t0 + offset`, so these tests never sleep.
struct GCRALimiterTests {
    let t0 = ContinuousClock.now

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { t0 + .milliseconds(milliseconds) }

    @Test func admitsExactlyTheBurstThenLimits() {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 2, burst: 5))
        for _ in 0..<5 { #expect(limiter.check(key: "a", now: t0) == .allowed) }
        #expect(limiter.check(key: "a", now: t0) == .limited(retryAfter: 1))
    }

    @Test func recoversOneRequestPerInterval() {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 2, burst: 5))
        for _ in 0..<5 { _ = limiter.check(key: "a", now: t0) }
        #expect(limiter.check(key: "a", now: at(499)) != .allowed)
        #expect(limiter.check(key: "a", now: at(500)) == .allowed)
        #expect(limiter.check(key: "a", now: at(500)) != .allowed)
        #expect(limiter.check(key: "a", now: at(1000)) == .allowed)
        // After a long quiet spell the whole burst is back, and no more.
        for _ in 0..<5 { #expect(limiter.check(key: "a", now: at(60_000)) == .allowed) }
        #expect(limiter.check(key: "a", now: at(60_000)) != .allowed)
    }

    @Test func retryAfterIsWholeSecondsRoundedUp() {
        // One request every ten seconds, two at once.
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 0.1, burst: 2))
        #expect(limiter.check(key: "login:alice", now: t0) == .allowed)
        #expect(limiter.check(key: "login:alice", now: t0) == .allowed)
        #expect(limiter.check(key: "login:alice", now: t0) == .limited(retryAfter: 10))
        #expect(limiter.check(key: "login:alice", now: at(3_200)) == .limited(retryAfter: 7))
        #expect(limiter.check(key: "login:alice", now: at(9_999)) == .limited(retryAfter: 1))
        #expect(limiter.check(key: "login:alice", now: at(10_000)) == .allowed)
    }

    @Test func refusedRequestsDoNotDeepenTheDebt() {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 2, burst: 1))
        #expect(limiter.check(key: "a", now: t0) == .allowed)
        for _ in 0..<1000 { _ = limiter.check(key: "a", now: at(10)) }
        #expect(limiter.check(key: "a", now: at(500)) == .allowed)
    }

    @Test func aFloodOnOneKeyLeavesOthersAlone() {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 1, burst: 3))
        var allowedFlood = 0
        for _ in 0..<10_000 where limiter.check(key: "203.0.113.7", now: t0) == .allowed { allowedFlood += 1 }
        #expect(allowedFlood == 3)
        for _ in 0..<3 { #expect(limiter.check(key: "198.51.100.1", now: t0) == .allowed) }
    }

    @Test func trackedKeysStayBounded() {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 1, burst: 2, maxTrackedKeys: 64))
        for index in 0..<10_000 {
            _ = limiter.check(key: "k\(index)", now: at(index % 1000))
            #expect(limiter.trackedKeyCount <= 64)
        }
    }

    @Test func expiredKeysAreDroppedFirst() {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 1, burst: 1, maxTrackedKeys: 10))
        for index in 0..<10 { _ = limiter.check(key: "old\(index)", now: t0) }
        #expect(limiter.trackedKeyCount == 10)
        // Ten seconds on, every old key has recovered: all go, none owing is lost.
        #expect(limiter.check(key: "new", now: at(10_000)) == .allowed)
        #expect(limiter.trackedKeyCount == 1)
    }

    @Test func whenAllOweTheEarliestAreEvicted() {
        // maxTrackedKeys 8 evicts one key (an eighth) at a time.
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 1, burst: 1, maxTrackedKeys: 8))
        for index in 0..<8 { _ = limiter.check(key: "k\(index)", now: at(index)) }
        #expect(limiter.check(key: "newcomer", now: at(10)) == .allowed)
        #expect(limiter.trackedKeyCount == 8)
        #expect(limiter.check(key: "k1", now: at(20)) != .allowed)  // still remembered
        #expect(limiter.check(key: "k0", now: at(20)) == .allowed)  // forgotten: the trade-off
    }

    @Test func concurrentChecksAdmitExactlyTheBurst() async {
        let limiter = GCRALimiter(configuration: .init(requestsPerSecond: 1, burst: 10))
        let now = t0
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<500 { group.addTask { limiter.check(key: "shared", now: now) == .allowed } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 10)
    }
}
