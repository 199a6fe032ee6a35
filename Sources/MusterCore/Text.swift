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
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previousSpace = true
            for byte in bytes {
                if byte >= 0x80 { return false }
                let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if isSpace && (previousSpace || byte != 0x20) { return false }
                previousSpace = isSpace
            }
            return !previousSpace
        } ?? false
    }

    /// A deliberately simple check: one `@`, a non-empty local part, a dotted domain, no spaces.
    public static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..")
        else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
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
