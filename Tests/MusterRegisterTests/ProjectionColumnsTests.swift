import MusterCore
import MusterLedger
import MusterStore
import Testing

@testable import MusterRegister

/// The fast projection check compares typed values instead of texts: every column that
/// `LedgerAudit.difference` compares must still count, and nothing it leaves out may.
struct ProjectionColumnsTests {
    static let base = PersonRow(
        id: SubjectID(bytes: [UInt8](repeating: 1, count: 16))!, number: "M1", record: PersonRecord.blank,
        membership: Membership(statusSince: nil, continuousSince: nil), sealedIdentity: [1, 2, 3], indexes: .none, version: 7)

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
        #expect(!changed.sameColumns(as: Self.base))
        #expect(LedgerAudit.difference(changed, Self.base) == field.rawValue)
    }

    @Test func everyRowColumnCounts() {
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
            #expect(!row.sameColumns(as: Self.base), "change \(change) does not count")
            #expect(!Self.base.sameColumns(as: row), "change \(change) does not count")
        }
    }

    @Test func equalRowsAreTheSame() {
        #expect(Self.base.sameColumns(as: Self.base))
    }

    /// What the replay cannot know and `difference` does not compare: blind indexes (they need
    /// the master key) and the identity (never in a row).
    @Test func blindIndexesAndIdentityDoNotCount() {
        var stored = Self.base
        stored.indexes = BlindIndexes(email: [1], phone: [2], postcodeAndLastName: [3])
        stored.record.identity.firstName = "Ada"
        #expect(Self.base.sameColumns(as: stored))
        #expect(LedgerAudit.difference(Self.base, stored) == nil)
    }

    /// `difference` compares texts, in which an absent membership number reads as an empty one.
    @Test func anAbsentMembershipNumberIsAnEmptyOne() {
        var empty = Self.base
        empty.record.membershipNumber = ""
        var absent = Self.base
        absent.record.membershipNumber = nil
        #expect(empty.sameColumns(as: absent))
        #expect(LedgerAudit.difference(empty, absent) == nil)
    }
}
