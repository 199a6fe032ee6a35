/// Exact conversion between decimal pounds as written ("4.5", "12.00") and integer pence.
public enum Money {
    /// Pence for a non-negative amount with at most two decimals, or `nil`.
    public static func parse(pence text: String) -> Int? {
        var text = text
        return text.withUTF8(parse(penceUTF8:))
    }

    /// ``parse(pence:)`` on UTF-8 bytes: 1 to 7 ASCII digits, then optionally a point and 1 or
    /// 2 ASCII digits. Decided on bytes, so no `String` is built (the replay of a ledger parses
    /// an amount per person); a text passes exactly when its bytes do, since every byte of an
    /// accepted amount is ASCII.
    public static func parse(penceUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var whole = 0
        var wholeDigits = 0
        var index = 0
        while index < bytes.count, let digit = digit(bytes[index]) {
            guard wholeDigits < 7 else { return nil }
            whole = whole * 10 + digit
            wholeDigits += 1
            index += 1
        }
        guard wholeDigits > 0 else { return nil }
        if index == bytes.count { return whole * 100 }
        guard bytes[index] == UInt8(ascii: ".") else { return nil }
        index += 1
        var fraction = 0
        let fractionDigits = bytes.count - index
        guard (1...2).contains(fractionDigits) else { return nil }
        while index < bytes.count {
            guard let digit = digit(bytes[index]) else { return nil }
            fraction = fraction * 10 + digit
            index += 1
        }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// "4.50" for 450.
    public static func format(pence: Int) -> String {
        let fraction = pence % 100
        return "\(pence / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
