import Foundation
import GRDB
import MusterCore
import MusterLedger

/// Maps ``PersonRow`` to and from the `people` table.
enum PersonRowMapping {
    static let columns = [
        "id", "number", "category", "status", "status_since", "continuous_since", "join_date", "region",
        "constituency", "branch", "union_name", "dues_pence", "dues_frequency", "payment_method", "consent_email",
        "consent_phone", "consent_post", "consent_sms", "consent_updated_at", "updated_at", "identity", "email_index",
        "phone_index", "postcode_name_index", "erased_at", "version",
    ]

    static let insertSQL =
        "INSERT INTO people (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"

    /// Updates every column but `id`, matched by `id` (the first argument is bound last).
    static let updateSQL =
        "UPDATE people SET \(columns.dropFirst().enumerated().map { "\($1) = ?\($0 + 2)" }.joined(separator: ", ")) WHERE id = ?1"

    static func column(for kind: BlindIndexKind) -> String {
        switch kind {
        case .email: "email_index"
        case .phone: "phone_index"
        case .postcodeAndLastName: "postcode_name_index"
        }
    }

    static func arguments(_ row: PersonRow) -> StatementArguments {
        let r = row.record
        let values: [(any DatabaseValueConvertible)?] = [
            Data(row.id.bytes), row.number, r.category.rawValue, r.status.rawValue,
            row.membership.statusSince?.daysSinceEpoch, row.membership.continuousSince?.daysSinceEpoch,
            r.joinDate?.daysSinceEpoch, r.region, r.constituency, r.branch, r.unionName, r.dues.amountPence,
            r.dues.frequency.rawValue, r.dues.method?.rawValue, r.consents.email, r.consents.phone, r.consents.post,
            r.consents.sms, r.consents.updatedAt?.secondsSinceEpoch, r.updatedAt?.secondsSinceEpoch,
            row.sealedIdentity.map { Data($0) }, row.indexes.email.map { Data($0) }, row.indexes.phone.map { Data($0) },
            row.indexes.postcodeAndLastName.map { Data($0) }, row.erasedAt?.secondsSinceEpoch, Int64(row.version),
        ]
        return StatementArguments(values)
    }

    static func decode(_ row: Row) throws -> PersonRow {
        guard let id = SubjectID(bytes: [UInt8](row["id"] as Data)),
            let category = Category(rawValue: row["category"]), let status = Status(rawValue: row["status"]),
            let frequency = DuesFrequency(rawValue: row["dues_frequency"])
        else { throw StoreError(.corrupt, "a row of the people table does not decode") }
        var record = PersonRecord(
            membershipNumber: row["number"], category: category, status: status, identity: Identity(),
            joinDate: day(row["join_date"]), region: row["region"], constituency: row["constituency"],
            branch: row["branch"], unionName: row["union_name"],
            dues: Dues(
                amountPence: row["dues_pence"], frequency: frequency,
                method: (row["payment_method"] as String?).flatMap(PaymentMethod.init(rawValue:))),
            consents: Consents(
                email: row["consent_email"], phone: row["consent_phone"], post: row["consent_post"],
                sms: row["consent_sms"], updatedAt: timestamp(row["consent_updated_at"])),
            updatedAt: timestamp(row["updated_at"]))
        record.identity = Identity()
        return PersonRow(
            id: id, number: row["number"], record: record,
            membership: Membership(statusSince: day(row["status_since"]), continuousSince: day(row["continuous_since"])),
            sealedIdentity: (row["identity"] as Data?).map { [UInt8]($0) },
            indexes: BlindIndexes(
                email: (row["email_index"] as Data?).map { [UInt8]($0) },
                phone: (row["phone_index"] as Data?).map { [UInt8]($0) },
                postcodeAndLastName: (row["postcode_name_index"] as Data?).map { [UInt8]($0) }),
            erasedAt: timestamp(row["erased_at"]), version: UInt64(row["version"] as Int64))
    }

    private static func day(_ value: Int?) -> Day? { value.map(Day.init(daysSinceEpoch:)) }
    private static func timestamp(_ value: Int64?) -> Timestamp? { value.map(Timestamp.init(secondsSinceEpoch:)) }
}
