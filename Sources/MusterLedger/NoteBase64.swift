/// Standard base64 (RFC 4648 §4, with padding), strict in what it reads.
///
/// Signed notes and checkpoints use this alphabet. The decoder accepts only the canonical
/// encoding (padding present, unused bits zero), so every byte string has exactly one
/// textual form: a checkpoint body re-encodes to the very bytes that were signed, and two
/// spellings of one root hash cannot both circulate.
enum NoteBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Maps an ASCII byte to its 6-bit value; 0xFF for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i < input.count {
            let remaining = input.count - i
            let b0 = input[i]
            let b1 = remaining > 1 ? input[i + 1] : 0
            let b2 = remaining > 2 ? input[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(remaining > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(remaining > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes, or `nil` unless it is canonical padded standard base64.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let chars = Array(text)
        guard chars.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 4 * 3)
        var i = 0
        while i < chars.count {
            let isLast = i + 4 == chars.count
            let padding = isLast ? chars[(i + 2)...].filter { $0 == UInt8(ascii: "=") }.count : 0
            // Padding is allowed only at the very end: "xx==" or "xxx=".
            if padding == 1 && chars[i + 3] != UInt8(ascii: "=") { return nil }
            if padding == 2 && chars[i + 2] != UInt8(ascii: "=") { return nil }
            var v: [UInt8] = [0, 0, 0, 0]
            for j in 0..<(4 - padding) {
                let value = values[Int(chars[i + j])]
                guard value != 0xFF else { return nil }
                v[j] = value
            }
            out.append(v[0] << 2 | v[1] >> 4)
            if padding < 2 { out.append(v[1] << 4 | v[2] >> 2) }
            if padding < 1 { out.append(v[2] << 6 | v[3]) }
            // Bits that fall off the end must be zero, or two texts would decode alike.
            if padding == 2 && v[1] & 0x0F != 0 { return nil }
            if padding == 1 && v[2] & 0x03 != 0 { return nil }
            i += 4
        }
        return out
    }
}
