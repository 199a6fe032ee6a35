import MusterCore
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// The fast projection check digests typed values instead of texts: every column that
/// `LedgerAudit.difference` compares must still change the digest.
struct RowDigestTests {
    static let base = PersonRow(
        id: SubjectID(bytes: [UInt8](repeating: 1, count: 16))!, number: "M1", record: PersonRecord.blank,
        membership: Membership(statusSince: nil, continuousSince: nil), sealedIdentity: [1, 2, 3], indexes: .none, version: 7)

    static func digest(_ row: PersonRow) -> [UInt8] {
        var digest = RowDigest()
        digest.add(row)
        return digest.value
    }

    /// Texts that some clear field accepts; each field takes the first that changes it.
    static let candidates =
        ["M123", "2020-01-02", "2026-01-01T10:00:00Z", "4.50", "Y", "N", "X"]
        + Category.allCases.map(\.rawValue) + Status.allCases.map(\.rawValue)
        + DuesFrequency.allCases.map(\.rawValue) + PaymentMethod.allCases.map(\.rawValue)

    @Test(arguments: RecordCodec.clearFields)
    func everyClearFieldCounts(field: Field) throws {
        var changed = Self.base
        for text in Self.candidates {
            var record = Self.base.record
            guard (try? record.set(field, text: text)) != nil, record.text(of: field) != Self.base.record.text(of: field) else { continue }
            changed.record = record
            break
        }
        #expect(changed.record.text(of: field) != Self.base.record.text(of: field), "no candidate text changes \(field)")
        #expect(Self.digest(changed) != Self.digest(Self.base))
    }

    @Test func everyRowColumnCounts() {
        var rows: [PersonRow] = []
        for change in 0..<7 {
            var row = Self.base
            switch change {
            case 0: row.id = SubjectID(bytes: [UInt8](repeating: 2, count: 16))!
            case 1: row.number = "M2"
            case 2: row.version = 8
            case 3: row.erasedAt = Timestamp(secondsSinceEpoch: 0)
            case 4: row.membership.statusSince = Day(daysSinceEpoch: 0)
            case 5: row.membership.continuousSince = Day(daysSinceEpoch: 0)
            default: row.sealedIdentity = nil
            }
            rows.append(row)
        }
        let digests = Set(([Self.base] + rows).map(Self.digest))
        #expect(digests.count == rows.count + 1)
    }

    @Test func equalRowsGiveEqualDigests() {
        #expect(Self.digest(Self.base) == Self.digest(Self.base))
    }
}
