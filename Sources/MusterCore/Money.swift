/// Exact conversion between decimal pounds as written ("4.5", "12.00") and integer pence.
public enum Money {
    /// Pence for a non-negative amount with at most two decimals, or `nil`.
    public static func parse(pence text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].count <= 7,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(digits)
            else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        return whole * 100 + fraction
    }

    /// "4.50" for 450.
    public static func format(pence: Int) -> String {
        let fraction = pence % 100
        return "\(pence / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
