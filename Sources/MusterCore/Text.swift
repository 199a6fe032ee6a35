/// Small text rules shared by parsing and matching.
public enum Text {
    /// Trims surrounding white space and folds runs of inner white space to one space.
    public static func tidy(_ text: String) -> String {
        if text.isEmpty || isTidyASCII(text) { return text }
        var needsWork = false
        var previousSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            if isSpace && (previousSpace || scalar != " ") { needsWork = true; break }
            previousSpace = isSpace
        }
        if !needsWork && !previousSpace { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The common case, decided on bytes alone (Unicode property look-ups dominated import time):
    /// pure ASCII with no leading, trailing, doubled or non-space white space.
    private static func isTidyASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isTidyASCII(utf8:)) ?? false
    }

    /// Whether `bytes` are non-empty ASCII that ``tidy(_:)`` leaves as they are: no leading,
    /// trailing, doubled or non-space white space.
    public static func isTidyASCII(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        for byte in bytes {
            if byte >= 0x80 { return false }
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if isSpace && (previousSpace || byte != 0x20) { return false }
            previousSpace = isSpace
        }
        return !previousSpace
    }

    /// A deliberately simple check: one `@`, a non-empty local part of at most 64 bytes, a dotted
    /// domain, and no white space, control characters or `,;<>`. Decided on bytes: it runs for
    /// every row of an import.
    public static func looksLikeEmail(_ text: String) -> Bool {
        var at: Int?
        var count = 0
        var previous: UInt8 = 0
        var dotAfterAt = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "@"):
                if at != nil { return false }
                at = count
            case 0...0x20, 0x7F, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                return false
            case UInt8(ascii: "."):
                if let at {
                    if count == at + 1 || previous == UInt8(ascii: ".") { return false }
                    dotAfterAt = true
                }
            default:
                break
            }
            previous = byte
            count += 1
        }
        guard let at, at > 0, at <= 64, dotAfterAt, previous != UInt8(ascii: ".") else { return false }
        return true
    }

    /// A-Z, a-z or 0-9.
    @inline(__always)
    public static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Digits, spaces and `+()-` only, with 10 to 15 digits.
    public static func looksLikePhone(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case " ", "+", "(", ")", "-": continue
            default: return false
            }
        }
        return (10...15).contains(digits)
    }
}
