/// Fast decimal formatting for the fixed-width numbers the generator writes (phone suffixes,
/// union numbers). Generating hundreds of thousands of people a second leaves no room for
/// string interpolation or `String(format:)`.
enum Digits {
    /// `value` in decimal, left-padded with zeros to exactly `width` digits (value must fit).
    static func padded(_ value: Int, width: Int) -> String {
        precondition(value >= 0 && width > 0 && width <= 19)
        return String(unsafeUninitializedCapacity: width) { buffer in
            var rest = value
            for position in stride(from: width - 1, through: 0, by: -1) {
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return width
        }
    }
}
