/// A file that is not well-formed CSV, or that could not be read or written.
///
/// The message names the line (and the field number, where there is one) but never the cell
/// contents: register files hold personal data, and errors end up in logs and terminals.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes: scripts and tests may match on them; the wording of ``message`` may change.
    public enum Code: String, Sendable {
        /// A quoted field has no closing quote.
        case unterminatedQuote = "unterminated_quote"
        /// A quote inside an unquoted field, or text after a field's closing quote.
        case strayQuote = "stray_quote"
        /// A carriage return that is not followed by a line feed, outside quotes.
        case bareCarriageReturn = "bare_carriage_return"
        /// Bytes that are not UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// A record longer than the reader's bound.
        case recordTooLong = "record_too_long"
        /// The operating system refused to open, read or write the file.
        case io
    }

    /// What kind of problem this is.
    public var code: Code
    /// The 1-based physical line the problem is on; 0 when it concerns the whole file.
    public var line: Int
    /// What is wrong, without any cell contents.
    public var message: String

    /// An error of kind `code` on `line`.
    public init(_ code: Code, line: Int, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// `line N: message`, or just the message when there is no line.
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
