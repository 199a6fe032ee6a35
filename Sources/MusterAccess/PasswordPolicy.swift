/// The minimum rules a staff password must meet before it is hashed.
///
/// Length is what makes a password strong (NIST SP 800-63B); composition rules are not imposed.
/// The upper bound exists because bcrypt reads at most 72 bytes: a longer password would be
/// silently truncated, so two passwords sharing their first 72 bytes would both work. Refusing it
/// is honest; truncating it is not.
public struct PasswordPolicy: Sendable, Hashable {
    /// The most UTF-8 bytes bcrypt hashes.
    public static let bcryptMaximumBytes = 72

    /// The fewest characters accepted.
    public var minimumLength: Int
    /// The most UTF-8 bytes accepted; never more than ``bcryptMaximumBytes``.
    public var maximumBytes: Int

    /// Creates a policy; `maximumBytes` is capped at what bcrypt can hash.
    public init(minimumLength: Int = 12, maximumBytes: Int = PasswordPolicy.bcryptMaximumBytes) {
        self.minimumLength = minimumLength
        self.maximumBytes = min(maximumBytes, Self.bcryptMaximumBytes)
    }

    /// Throws if `password` breaks a rule. The error never contains the password.
    public func check(_ password: String) throws(AccessError) {
        try checkHashable(password)
        // Characters, not bytes: "twelve characters" should mean what a person counts.
        guard password.count >= minimumLength else {
            throw AccessError(.passwordTooShort, "The password must be at least \(minimumLength) characters long.")
        }
    }

    /// Throws if bcrypt could not hash `password` faithfully, whatever its length rules.
    func checkHashable(_ password: String) throws(AccessError) {
        guard password.utf8.count <= maximumBytes else {
            throw AccessError(
                .passwordTooLong, "The password must be at most \(maximumBytes) bytes long (bcrypt ignores the rest).")
        }
        // bcrypt takes a C string: everything after a NUL would be ignored.
        guard !password.utf8.contains(0) else {
            throw AccessError(.passwordInvalidCharacter, "The password must not contain a NUL character.")
        }
    }
}
