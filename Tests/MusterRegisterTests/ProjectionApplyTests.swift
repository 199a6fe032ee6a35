import MusterCore
import MusterLedger
import MusterStore
import MusterDemo
import Testing

@testable import MusterRegister

/// `Projection.apply` reads payloads in place and sets fields from their bytes; the write path,
/// rebuild, restore and verify all rely on it giving exactly the rows (and the errors) that
/// decoding a `PersonPayload` and setting each field from its text gave.
@Suite struct ProjectionApplyTests {
    /// `Projection.apply` as it was written before: the payload decoded whole with `TLVReader`,
    /// a `String` per clear field, each set with `set(_:text:)`.
    static func referenceApply(_ entry: LedgerEntry, to before: PersonRow?) throws -> PersonRow {
        guard let subject = entry.subject else { throw RegisterError(.corrupt, "person entry \(entry.sequence) names no subject") }
        var clearFields: [(Field, String)] = []
        var sealedIdentity: [UInt8]?
        var membership: Membership?
        var reader = TLVReader(entry.payload)
        var statusSince: Day?
        var continuousSince: Day?
        var sawMembership = false
        while let (tag, value) = try reader.next() {
            switch tag {
            case PersonPayload.Tag.sealedIdentity: sealedIdentity = Array(value)
            case PersonPayload.Tag.sealedReason: break
            case PersonPayload.Tag.statusSince:
                sawMembership = true
                statusSince = Day(iso: String(decoding: value, as: UTF8.self))
            case PersonPayload.Tag.continuousSince:
                sawMembership = true
                continuousSince = Day(iso: String(decoding: value, as: UTF8.self))
            default:
                guard let field = Field(tag: tag), !field.isIdentifying else { throw TLVError() }
                clearFields.append((field, String(decoding: value, as: UTF8.self)))
            }
        }
        if sawMembership { membership = Membership(statusSince: statusSince, continuousSince: continuousSince) }
        switch entry.kind {
        case .create:
            guard before == nil else { throw RegisterError(.corrupt, "entry \(entry.sequence) creates a person who exists") }
            var record = PersonRecord.blank
            for (field, text) in clearFields { try record.set(field, text: text) }
            guard let number = record.membershipNumber else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) creates a person without a number")
            }
            return PersonRow(
                id: subject, number: number, record: record, membership: membership ?? Membership(statusSince: nil, continuousSince: nil),
                sealedIdentity: sealedIdentity, indexes: .none, version: entry.sequence)
        case .update, .statusChange:
            guard var row = before, row.erasedAt == nil else {
                throw RegisterError(.corrupt, "entry \(entry.sequence) changes a person who does not exist")
            }
            for (field, text) in clearFields { try row.record.set(field, text: text) }
            row.number = row.record.membershipNumber ?? row.number
            if let membership { row.membership = membership }
            if let sealedIdentity { row.sealedIdentity = sealedIdentity }
            row.version = entry.sequence
            return row
        case .erase:
            guard var row = before else { throw RegisterError(.corrupt, "entry \(entry.sequence) erases a person who does not exist") }
            row.sealedIdentity = nil
            row.indexes = .none
            row.erasedAt = Timestamp(secondsSinceEpoch: entry.time / 1000)
            row.version = entry.sequence
            return row
        case .importBatch, .disclosure, .staff:
            throw RegisterError(.corrupt, "entry \(entry.sequence) is not a change to a person")
        }
    }

    /// A row, or the type and text of the error.
    static func outcome(_ body: () throws -> PersonRow) -> Result<PersonRow, Failure> {
        do {
            return .success(try body())
        } catch {
            return .failure(Failure(text: "\(type(of: error)): \(error)"))
        }
    }

    struct Failure: Error, Equatable {
        var text: String
    }

    /// Expects both to give the same; returns whether they gave a row.
    @discardableResult
    static func expectAgreement(_ entry: LedgerEntry, _ before: PersonRow?, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let fast = outcome { try Projection.apply(entry, to: before) }
        let reference = outcome { try referenceApply(entry, to: before) }
        #expect(fast == reference, "\(entry.kind) \(entry.payload)", sourceLocation: sourceLocation)
        return (try? reference.get()) != nil
    }

    @Test func everyEntryOfARealRegisterAgrees() async throws {
        let test = try await VerifyTests.busy()
        var rows: [SubjectID: PersonRow] = [:]
        for entry in try await test.changes() {
            guard let subject = entry.subject, Register.changesPerson(entry.kind) else { continue }
            Self.expectAgreement(entry, rows[subject])
            // Also against the wrong starting point: a change to no one, a create over someone.
            Self.expectAgreement(entry, rows[subject] == nil ? Self.someone : nil)
            rows[subject] = try Projection.apply(entry, to: rows[subject])
        }
        #expect(rows.count == 13)
    }

    static let someone = PersonRow(
        id: SubjectID(bytes: [UInt8](repeating: 9, count: 16))!, number: "M9", record: PersonRecord.blank,
        membership: Membership(statusSince: nil, continuousSince: nil), sealedIdentity: [9], indexes: .none, version: 3)

    /// Field texts, good and bad, for generated payloads.
    static let texts = [
        "", " ", "M1012345", " M1012345 ", "M 1", "member", "MEMBER", "volunteer", "active", "in_arrears", "2018-03-28",
        "2018-02-30", "2024-06-07T14:22:14Z", "2024-06-07T14:22:14.5Z", "4.50", "4.5", "4.555", "monthly", "Monthly",
        "card", "cash", "Y", "N", "yes", "x", "London", "  Greater   London ", "Ynys Môn", String(repeating: "r", count: 101),
    ]

    /// Payloads built from random fields, sealed parts, dates, bad tags, and cut or damaged
    /// encodings, for every kind, from nothing, from a row and from an erased row.
    @Test func generatedPayloadsAgree() {
        var random = SplitMix64(state: 2026)
        var erased = Self.someone
        erased.erasedAt = Timestamp(secondsSinceEpoch: 1)
        let tags: [UInt8] = Field.allCases.map(\.tag) + [0, 32, 199, 200, 201, 202, 203, 204, 255]
        var rows = 0
        for _ in 0..<4000 {
            var writer = TLVWriter()
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                let anyTag = Int.random(in: 0..<3, using: &random) == 0
                let tag = anyTag ? tags.randomElement(using: &random)! : RecordCodec.clearFields.randomElement(using: &random)!.tag
                writer.append(tag, text: Self.texts.randomElement(using: &random)!)
            }
            var payload = writer.bytes
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !payload.isEmpty: payload.removeLast(Int.random(in: 1...payload.count, using: &random))
            case 1 where !payload.isEmpty:
                payload[Int.random(in: 0..<payload.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 2: payload += [UInt8(1), 0x80, 0x00]  // an overlong length
            default: break
            }
            let kind = [EntryKind.create, .update, .statusChange, .erase, .disclosure].randomElement(using: &random)!
            let entry = LedgerEntry(
                sequence: 42, time: 1_700_000_000_000, actor: "test", kind: kind,
                subject: Int.random(in: 0..<20, using: &random) == 0 ? nil : Self.someone.id, payload: payload,
                previousHash: EntryHash(bytes: [UInt8](repeating: 0, count: 32))!)
            for before in [nil, Self.someone, erased] where Self.expectAgreement(entry, before) { rows += 1 }
        }
        // Enough of them valid that the rows, not only the errors, are compared.
        #expect(rows > 500)
    }
}
