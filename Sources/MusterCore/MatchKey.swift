/// The normalised forms that exact-match search compares (and that blind indexes are computed over).
///
/// Two values that a person would call "the same" map to the same key: case, spacing and the
/// way a UK number is written do not matter.
public enum MatchKey {
    /// Lower-cased, trimmed email; `nil` when empty.
    public static func email(_ text: String) -> String? {
        let key = Text.tidy(text).lowercased()
        return key.isEmpty ? nil : key
    }

    /// Digits only, with a leading `+44` or `0044` (and a trunk `(0)` after it) written as `0`;
    /// `nil` when there are no digits.
    public static func phone(_ text: String) -> String? {
        var digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if text.trimmingPrefix(while: { $0 == " " }).hasPrefix("+44") || digits.hasPrefix("0044") {
            let national = digits.dropFirst(digits.hasPrefix("0044") ? 4 : 2)
            digits = "0" + (national.hasPrefix("0") ? national.dropFirst() : national)
        }
        return digits.isEmpty ? nil : digits
    }

    /// Upper-case postcode without spaces, joined to the lower-cased last name; `nil` if either is empty.
    public static func postcodeAndLastName(postcode: String, lastName: String) -> String? {
        let code = String(postcode.uppercased().filter { !$0.isWhitespace })
        let name = Text.tidy(lastName).lowercased().replacingApostrophes()
        guard !code.isEmpty, !name.isEmpty else { return nil }
        return code + "|" + name
    }
}

extension String {
    /// Typographic apostrophes (’ ʼ ‘) written as the ASCII one, so O’Brien matches O'Brien.
    func replacingApostrophes() -> String {
        String(map { $0 == "\u{2019}" || $0 == "\u{02BC}" || $0 == "\u{2018}" ? "'" : $0 })
    }
}

extension StringProtocol {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> SubSequence {
        self[(firstIndex(where: { !predicate($0) }) ?? endIndex)...]
    }
}
