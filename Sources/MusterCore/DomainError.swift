/// A broken domain rule. The message is safe to show anywhere: it never contains personal data.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes: scripts and the API may match on them.
    public enum Code: String, Sendable {
        case statusUnchanged = "status_unchanged"
        case transitionNotAllowed = "transition_not_allowed"
        case reasonRequired = "reason_required"
        case invalidValue = "invalid_value"
        case missingValue = "missing_value"
        case unknownField = "unknown_field"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
