public import MusterCore

extension TOTPSecret {
    /// The outcome of checking a code.
    public enum Verdict: Sendable, Hashable {
        /// The code is right for `step`, which the caller must store as the last used step.
        case accepted(step: UInt64)
        /// The code is wrong (or not six digits).
        case rejected
        /// The code is right but for a step at or before the last one used: a replay.
        case reused
    }

    /// Checks `code` at `time`, allowing one step of clock skew either way, and refusing any
    /// code whose step is not after `lastUsedStep` (RFC 6238 §5.2: a code is good once).
    ///
    /// On ``Verdict/accepted(step:)`` `lastUsedStep` is advanced to that step; the caller stores
    /// it with the account (and, with several servers, updates it conditionally so two sign-ins
    /// racing with one code cannot both win).
    public func verify(code: String, at time: Timestamp, lastUsedStep: inout UInt64?) -> Verdict {
        let digits = Array(code.utf8)
        guard digits.count == Self.digits, digits.allSatisfy({ (48...57).contains($0) }),
            let now = Self.step(at: time)
        else { return .rejected }
        var matchedUsedStep = false
        // Oldest first, so a replay of an older code cannot shadow a fresh match.
        let candidates = (now > 0 ? [now - 1] : []) + [now, now + 1]
        for step in candidates {
            guard ByteEncoding.constantTimeEquals(Array(self.code(step: step).utf8), digits) else { continue }
            if let last = lastUsedStep, step <= last {
                matchedUsedStep = true
                continue
            }
            lastUsedStep = step
            return .accepted(step: step)
        }
        return matchedUsedStep ? .reused : .rejected
    }
}
