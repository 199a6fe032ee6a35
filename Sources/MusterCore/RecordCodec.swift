/// Encodes a chosen set of a record's fields as TLV (tag = ``Field/tag``, value = the field's
/// CSV text), and decodes them back. Empty fields are left out, so the bytes are canonical.
public enum RecordCodec {
    /// The fields kept in clear.
    public static let clearFields: [Field] = Field.allCases.filter { !$0.isIdentifying }
    /// The fields encrypted under the person's data key.
    public static let identifyingFields: [Field] = Field.allCases.filter(\.isIdentifying)

    public static func encode(_ record: PersonRecord, fields: [Field]) -> [UInt8] {
        var writer = TLVWriter()
        for field in fields {
            let text = record.text(of: field)
            if !text.isEmpty { writer.append(field.tag, text: text) }
        }
        return writer.bytes
    }

    /// Sets each encoded field on `record`. Unknown tags or invalid values are errors.
    public static func decode(_ bytes: [UInt8], into record: inout PersonRecord) throws {
        var reader = TLVReader(bytes)
        while let (tag, value) = try reader.next() {
            guard let field = Field(tag: tag) else { throw TLVError() }
            try record.set(field, text: String(decoding: value, as: UTF8.self))
        }
    }
}
