import MusterCore

/// A failure of a register operation. Messages are safe to print: no personal data.
public struct RegisterError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound = "not_found"
        case erased
        case invalid
        case duplicate
        case keys
        case layout
        case corrupt
        case importFailed = "import_failed"
        /// Sign-in failed or a token is not (or no longer) valid; never says which part was wrong.
        case denied
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
