/// Bytes from a hex literal the test knows is valid; a typo fails loudly. Independent of the
/// project's own `Hex`, which is under test.
public func bytes(hex text: String) -> [UInt8] {
    let chars = Array(text.utf8)
    precondition(chars.count % 2 == 0, "odd-length hex literal in a test")
    return stride(from: 0, to: chars.count, by: 2).map { i in
        guard let byte = UInt8(String(decoding: chars[i..<(i + 2)], as: UTF8.self), radix: 16) else {
            fatalError("bad hex literal in a test: \(text)")
        }
        return byte
    }
}

/// Lower-case hex of `bytes`, independent of the project's own `Hex`.
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
