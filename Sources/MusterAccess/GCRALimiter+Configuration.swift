extension GCRALimiter {
    /// How fast each key may go and how many keys are remembered.
    public struct Configuration: Sendable, Hashable {
        /// The sustained rate per key; may be below 1 (0.1 is one request every ten seconds).
        public var requestsPerSecond: Double
        /// How many requests a fresh (or fully recovered) key may make at once.
        public var burst: Int
        /// The most keys tracked at once; bounds memory (see ``GCRALimiter``).
        public var maxTrackedKeys: Int

        /// Creates a configuration.
        ///
        /// - Precondition: `requestsPerSecond` > 0, `burst` ≥ 1, `maxTrackedKeys` ≥ 1.
        public init(requestsPerSecond: Double, burst: Int, maxTrackedKeys: Int = 100_000) {
            precondition(requestsPerSecond > 0 && requestsPerSecond.isFinite, "rate must be positive")
            precondition(burst >= 1, "burst must be at least 1")
            precondition(maxTrackedKeys >= 1, "must track at least one key")
            self.requestsPerSecond = requestsPerSecond
            self.burst = burst
            self.maxTrackedKeys = maxTrackedKeys
        }
    }
}
