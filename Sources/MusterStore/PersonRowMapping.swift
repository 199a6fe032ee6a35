import Foundation
import GRDB
import MusterCore
import MusterLedger

/// The `people` table's columns, in the order every backend binds and decodes them.
public enum PersonColumns {
    public static let names = [
        "id", "number", "category", "status", "status_since", "continuous_since", "join_date", "region",
        "constituency", "branch", "union_name", "dues_pence", "dues_frequency", "payment_method", "consent_email",
        "consent_phone", "consent_post", "consent_sms", "consent_updated_at", "updated_at", "identity", "email_index",
        "phone_index", "postcode_name_index", "erased_at", "version",
    ]

    /// ``names``, with each blind-index column replaced by `null` (SQL for a null of its type):
    /// the columns for scans that cannot use blind indexes, which are then not loaded at all.
    public static func withoutIndexes(null: String) -> [String] {
        let indexes = Set(BlindIndexKind.allCases.map(index))
        return names.map { indexes.contains($0) ? null : $0 }
    }

    /// The column holding the blind index of `kind`.
    public static func index(_ kind: BlindIndexKind) -> String {
        switch kind {
        case .email: "email_index"
        case .phone: "phone_index"
        case .postcodeAndLastName: "postcode_name_index"
        }
    }
}

/// Maps ``PersonRow`` to and from SQLite's `people` table.
enum PersonRowMapping {
    static let columns = PersonColumns.names

    /// `SELECT` of every column, in ``columns`` order, for ``decode(_:)-(RawStatement)``.
    static let selectColumns = columns.joined(separator: ", ")

    /// ``selectColumns`` with the blind indexes left out (decoded as `.none`).
    static let selectColumnsWithoutIndexes = PersonColumns.withoutIndexes(null: "NULL").joined(separator: ", ")

    static let insertSQL =
        "INSERT INTO people (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"

    /// Updates every column, matched by membership number (parameter 2), which never changes and
    /// whose index is never set aside.
    static let updateSQL =
        "UPDATE people SET \(columns.enumerated().map { "\($1) = ?\($0 + 1)" }.joined(separator: ", ")) WHERE number = ?2"

    static func column(for kind: BlindIndexKind) -> String { PersonColumns.index(kind) }

    /// Binds every column of `row`, in ``columns`` order, as parameters 1 to 26.
    static func bind(_ row: PersonRow, to statement: RawStatement) {
        let r = row.record
        statement.bind(1, row.id.bytes)
        statement.bind(2, row.number)
        statement.bind(3, r.category.rawValue)
        statement.bind(4, r.status.rawValue)
        statement.bind(5, row.membership.statusSince?.daysSinceEpoch)
        statement.bind(6, row.membership.continuousSince?.daysSinceEpoch)
        statement.bind(7, r.joinDate?.daysSinceEpoch)
        statement.bind(8, r.region)
        statement.bind(9, r.constituency)
        statement.bind(10, r.branch)
        statement.bind(11, r.unionName)
        statement.bind(12, r.dues.amountPence)
        statement.bind(13, r.dues.frequency.rawValue)
        statement.bind(14, r.dues.method?.rawValue)
        statement.bind(15, r.consents.email)
        statement.bind(16, r.consents.phone)
        statement.bind(17, r.consents.post)
        statement.bind(18, r.consents.sms)
        statement.bind(19, r.consents.updatedAt?.secondsSinceEpoch)
        statement.bind(20, r.updatedAt?.secondsSinceEpoch)
        statement.bind(21, row.sealedIdentity)
        statement.bind(22, row.indexes.email)
        statement.bind(23, row.indexes.phone)
        statement.bind(24, row.indexes.postcodeAndLastName)
        statement.bind(25, row.erasedAt?.secondsSinceEpoch)
        statement.bind(26, Int64(row.version))
    }

    /// Decodes the current row of a statement that selected ``selectColumns``. Reads go through
    /// the C API rather than GRDB's `Row`, which builds a dictionary of column names per row.
    static func decode(_ s: RawStatement) throws -> PersonRow {
        guard let id = SubjectID(bytes: s.blob(0)), let category = Category(rawValue: s.text(2)),
            let status = Status(rawValue: s.text(3)), let frequency = DuesFrequency(rawValue: s.text(12)),
            let version = UInt64(exactly: s.int64(25))
        else { throw StoreError(.corrupt, "a row of the people table does not decode") }
        let number = s.text(1)
        let record = PersonRecord(
            membershipNumber: number, category: category, status: status, identity: Identity(),
            joinDate: s.optionalInt64(6).map { Day(daysSinceEpoch: Int($0)) }, region: s.text(7),
            constituency: s.text(8), branch: s.text(9), unionName: s.text(10),
            dues: Dues(
                amountPence: Int(s.int64(11)), frequency: frequency,
                method: s.optionalText(13).flatMap(PaymentMethod.init(rawValue:))),
            consents: Consents(
                email: s.int64(14) != 0, phone: s.int64(15) != 0, post: s.int64(16) != 0, sms: s.int64(17) != 0,
                updatedAt: s.optionalInt64(18).map(Timestamp.init(secondsSinceEpoch:))),
            updatedAt: s.optionalInt64(19).map(Timestamp.init(secondsSinceEpoch:)))
        return PersonRow(
            id: id, number: number, record: record,
            membership: Membership(
                statusSince: s.optionalInt64(4).map { Day(daysSinceEpoch: Int($0)) },
                continuousSince: s.optionalInt64(5).map { Day(daysSinceEpoch: Int($0)) }),
            sealedIdentity: s.optionalBlob(20),
            indexes: BlindIndexes(email: s.optionalBlob(21), phone: s.optionalBlob(22), postcodeAndLastName: s.optionalBlob(23)),
            erasedAt: s.optionalInt64(24).map(Timestamp.init(secondsSinceEpoch:)), version: version)
    }

}
