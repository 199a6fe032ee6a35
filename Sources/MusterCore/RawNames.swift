/// The raw values of an enumeration's cases as UTF-8 bytes, to find a case from bytes without
/// building a `String` (``PersonRecord/set(_:utf8:)`` does it for every enumerated field of a
/// replayed entry). Only an exact byte match is found.
struct RawNames<Value: CaseIterable & RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
    private let names: [(bytes: [UInt8], value: Value)]

    init() {
        names = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case whose raw value is exactly `bytes`.
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        // Buffer against buffer: `elementsEqual` of an array against a buffer was generic, and
        // most of the time of parsing a replayed entry's enumerated fields.
        for name in names where name.bytes.count == bytes.count && name.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
            return name.value
        }
        return nil
    }
}
