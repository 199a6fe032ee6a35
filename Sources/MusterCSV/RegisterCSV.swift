public import MusterCore

/// The register CSV's columns, for exports: every field, in ``Field/csvOrder``.
///
/// Imports go through ``RegisterHeader``, which accepts the columns in any order.
public enum RegisterCSV {
    /// The header row of an export.
    public static var headerRow: [String] { Field.csvOrder.map(\.rawValue) }

    /// A record's values in ``Field/csvOrder``, as the register CSV writes them.
    public static func fields(of record: PersonRecord) -> [String] {
        Field.csvOrder.map { record.text(of: $0) }
    }
}
