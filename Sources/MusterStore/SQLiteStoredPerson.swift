import MusterCore
import MusterLedger

/// The current row of a statement that selected ``PersonRowMapping/selectColumnsWithoutIndexes``,
/// compared with an expected row where SQLite holds it. ``isSame(as:)`` answers exactly what
/// ``PersonRowMapping/decode(_:)`` and then ``PersonRow/sameColumns(as:)`` would, column by
/// column as `decode` reads them (`SQLiteStoredPersonTests` checks the two agree for a change
/// to each column).
struct SQLiteStoredPerson: StoredPerson {
    let statement: RawStatement

    var idWords: (UInt64, UInt64)? {
        statement.withBlob(0) { $0.count == 16 ? SubjectID.words(in: $0) : nil }
    }

    func isSame(as e: PersonRow) -> Bool {
        let s = statement
        let r = e.record
        guard let words = idWords, words == e.id.words, s.textEquals(1, e.number), (r.membershipNumber ?? "") == e.number,
            s.textEquals(2, r.category.rawValue), s.textEquals(3, r.status.rawValue),
            s.optionalInt64(4) == e.membership.statusSince.map({ Int64($0.daysSinceEpoch) }),
            s.optionalInt64(5) == e.membership.continuousSince.map({ Int64($0.daysSinceEpoch) }),
            s.optionalInt64(6) == r.joinDate.map({ Int64($0.daysSinceEpoch) })
        else { return false }
        guard s.textEquals(7, r.region), s.textEquals(8, r.constituency), s.textEquals(9, r.branch), s.textEquals(10, r.unionName),
            s.int64(11) == Int64(r.dues.amountPence), s.textEquals(12, r.dues.frequency.rawValue), sameMethod(r.dues.method),
            (s.int64(14) != 0) == r.consents.email, (s.int64(15) != 0) == r.consents.phone,
            (s.int64(16) != 0) == r.consents.post, (s.int64(17) != 0) == r.consents.sms,
            s.optionalInt64(18) == r.consents.updatedAt?.secondsSinceEpoch, s.optionalInt64(19) == r.updatedAt?.secondsSinceEpoch
        else { return false }
        return sameSealedIdentity(e.sealedIdentity) && s.optionalInt64(24) == e.erasedAt?.secondsSinceEpoch
            && UInt64(exactly: s.int64(25)) == e.version
    }

    func decoded() throws -> PersonRow {
        try PersonRowMapping.decode(statement)
    }

    /// `decode` reads a payment method that is not one as none.
    private func sameMethod(_ method: PaymentMethod?) -> Bool {
        if let method { return !statement.isNull(13) && statement.textEquals(13, method.rawValue) }
        return statement.isNull(13) || PaymentMethod(rawValue: statement.text(13)) == nil
    }

    /// `decode` reads NULL as none and any other value as its bytes.
    private func sameSealedIdentity(_ sealed: [UInt8]?) -> Bool {
        guard let sealed else { return statement.isNull(20) }
        return !statement.isNull(20) && statement.blobEquals(20, sealed)
    }
}
