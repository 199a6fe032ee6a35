import NIOCore
import PostgresNIO

/// One column's values for a batch of rows, sent as a single PostgreSQL array parameter (binary
/// format, NULLs allowed): `INSERT … SELECT * FROM unnest($1, $2, …)` then inserts the rows.
///
/// PostgresNIO encodes arrays only of values that cannot be NULL; this writes the array format
/// itself (a header, then each element as its length and bytes, or a length of -1 for NULL),
/// each element encoded by PostgresNIO's own encoder for its type.
struct ColumnValues: PostgresDynamicTypeEncodable {
    /// The type of each element, and of the array.
    let elementType: PostgresDataType
    let psqlType: PostgresDataType
    var psqlFormat: PostgresFormat { .binary }
    private var elements = ByteBuffer()
    private(set) var count = 0
    private var hasNull = false

    init(of elementType: PostgresDataType) {
        guard let arrayType = Self.arrayTypes[elementType] else { preconditionFailure("no array type for \(elementType)") }
        self.elementType = elementType
        self.psqlType = arrayType
    }

    /// The array type of each element type a pending insert uses.
    private static let arrayTypes: [PostgresDataType: PostgresDataType] = [
        .bool: .boolArray, .bytea: .byteaArray, .int2: .int2Array, .int4: .int4Array, .int8: .int8Array, .text: .textArray,
    ]

    /// Appends one value, or NULL. Its Swift type must encode as the column's element type.
    mutating func append<T: PostgresNonThrowingEncodable>(_ value: T?) {
        count += 1
        guard let value else {
            elements.writeInteger(Int32(-1))
            hasNull = true
            return
        }
        precondition(T.psqlType == elementType, "a \(T.self) is not a \(elementType)")
        let lengthAt = elements.writerIndex
        elements.writeInteger(Int32(0))
        value.encode(into: &elements, context: .default)
        elements.setInteger(Int32(elements.writerIndex - lengthAt - 4), at: lengthAt)
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))  // dimensions
        buffer.writeInteger(Int32(hasNull ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(count))  // the one dimension's length…
        buffer.writeInteger(Int32(1))  // …and its lower bound
        buffer.writeImmutableBuffer(elements)
    }
}
