import HummingbirdBcrypt

/// Hashes and verifies staff passwords with bcrypt (from hummingbird-auth's `HummingbirdBcrypt`,
/// which wraps OpenBSD's implementation).
///
/// bcrypt is deliberately slow (about 0.25 s at cost 12): from a task, call the `…OffLoop`
/// versions, which run it on a worker thread, never on a thread that serves requests.
///
/// Sign-in must not reveal whether an account exists, so when the username is unknown call
/// ``dummyVerify()``: it costs the same as a failed ``verify(_:against:)``.
public struct PasswordHasher: Sendable {
    /// The default work factor: 2^12 rounds.
    public static let defaultCost = 12
    /// The work factors bcrypt accepts.
    public static let allowedCosts = 4...31

    /// The work factor new hashes are made with.
    public let cost: Int
    /// The rules a new password must meet.
    public let policy: PasswordPolicy
    /// A hash of a random password at ``cost``, for ``dummyVerify()``.
    let dummyHash: String

    /// Creates a hasher. Computes one hash at `cost` up front for ``dummyVerify()``.
    ///
    /// - Precondition: `cost` is in ``allowedCosts`` (validate configuration before this).
    public init(cost: Int = PasswordHasher.defaultCost, policy: PasswordPolicy = PasswordPolicy()) {
        precondition(Self.allowedCosts.contains(cost), "bcrypt cost must be in 4...31")
        self.cost = cost
        self.policy = policy
        // Random, so the dummy hash matches no password anyone could type.
        var generator = SystemRandomNumberGenerator()
        let filler = (0..<32).map { _ in Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator))) }
        self.dummyHash = Bcrypt.hash(String(filler), cost: UInt8(cost))
    }

    /// Checks `password` against ``policy`` and returns its bcrypt hash (`$2b$…`, 60 characters).
    public func hash(_ password: String) throws(AccessError) -> String {
        try policy.check(password)
        return Bcrypt.hash(password, cost: UInt8(cost))
    }

    /// Whether `password` matches the stored `hash`.
    ///
    /// A password bcrypt would truncate or cut at a NUL is refused (after spending the same
    /// time), since it could otherwise match a hash of its first 72 bytes. The minimum length is
    /// not checked here: it applies when a password is set.
    public func verify(_ password: String, against hash: String) -> Bool {
        do {
            try policy.checkHashable(password)
        } catch {
            dummyVerify()
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// Spends the time of one failed verification, for a sign-in to an account that does not
    /// exist. Matches ``verify(_:against:)`` only for hashes made at ``cost``: rehash old ones
    /// (``needsRehash(_:)``) so all accounts cost the same.
    public func dummyVerify() {
        _ = Bcrypt.verify("muster-dummy-password", hash: dummyHash)
    }

    /// Whether `hash` was made at a different cost (or is not a bcrypt hash) and should be
    /// replaced after the next successful sign-in.
    public func needsRehash(_ hash: String) -> Bool {
        Self.cost(of: hash) != cost
    }

    /// The cost recorded in a `$2a$`/`$2b$`/`$2y$` hash, or `nil` if it is not one.
    static func cost(of hash: String) -> Int? {
        let bytes = Array(hash.utf8)
        guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"),
            [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")].contains(bytes[2]),
            bytes[3] == UInt8(ascii: "$"), bytes[6] == UInt8(ascii: "$"),
            let tens = digit(bytes[4]), let ones = digit(bytes[5])
        else { return nil }
        return tens * 10 + ones
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (48...57).contains(byte) ? Int(byte - 48) : nil
    }
}
