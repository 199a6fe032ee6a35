import Dispatch

/// bcrypt away from the threads that serve requests.
///
/// `muster serve` runs its tasks on the event loops themselves (see `ServeCommand`), so a
/// quarter second of bcrypt in a request's task would stop every connection of that loop for as
/// long. These run it on a Dispatch worker thread and suspend the caller meanwhile.
extension PasswordHasher {
    /// ``verify(_:against:)``, on a worker thread.
    public func verifyOffLoop(_ password: String, against hash: String) async -> Bool {
        await Self.offload { verify(password, against: hash) }
    }

    /// ``dummyVerify()``, on a worker thread.
    public func dummyVerifyOffLoop() async {
        await Self.offload { dummyVerify() }
    }

    /// ``hash(_:)``, on a worker thread.
    public func hashOffLoop(_ password: String) async throws(AccessError) -> String {
        try await Self.offload { Result { () throws(AccessError) in try hash(password) } }.get()
    }

    private static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
