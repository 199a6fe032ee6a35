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
        holdsEveryColumn(of: e)
    }

    /// The columns as ``PersonRowMapping`` selects them (``PersonColumns/names``), each compared
    /// as `decode` reads it.
    func holds(_ field: Field, _ value: ClearValue) -> Bool {
        let s = statement
        switch (field, value) {
        case (.membershipNumber, .text(let bytes)): return s.textEquals(1, bytes)
        case (.category, .category(let category)): return s.textEquals(2, category.rawValue)
        case (.status, .status(let status)): return s.textEquals(3, status.rawValue)
        case (.joinDate, .day(let day)): return s.optionalInt64(6) == day.map({ Int64($0.daysSinceEpoch) })
        case (.region, .text(let bytes)): return s.textEquals(7, bytes)
        case (.constituency, .text(let bytes)): return s.textEquals(8, bytes)
        case (.branch, .text(let bytes)): return s.textEquals(9, bytes)
        case (.unionName, .text(let bytes)): return s.textEquals(10, bytes)
        case (.duesAmount, .pence(let pence)): return s.int64(11) == Int64(pence)
        case (.duesFrequency, .frequency(let frequency)): return s.textEquals(12, frequency.rawValue)
        case (.paymentMethod, .method(let method)): return sameMethod(method)
        case (.consentEmail, .flag(let given)): return (s.int64(14) != 0) == given
        case (.consentPhone, .flag(let given)): return (s.int64(15) != 0) == given
        case (.consentPost, .flag(let given)): return (s.int64(16) != 0) == given
        case (.consentSMS, .flag(let given)): return (s.int64(17) != 0) == given
        case (.consentUpdatedAt, .timestamp(let stamp)): return s.optionalInt64(18) == stamp?.secondsSinceEpoch
        case (.updatedAt, .timestamp(let stamp)): return s.optionalInt64(19) == stamp?.secondsSinceEpoch
        default: return false
        }
    }

    func holds(id: (UInt64, UInt64), membership: Membership, sealedIdentity: UnsafeRawBufferPointer?, erasedAt: Timestamp?, version: UInt64) -> Bool {
        let s = statement
        guard let words = idWords, words == id else { return false }
        return s.optionalInt64(4) == membership.statusSince.map({ Int64($0.daysSinceEpoch) })
            && s.optionalInt64(5) == membership.continuousSince.map({ Int64($0.daysSinceEpoch) })
            && sameSealedIdentity(sealedIdentity) && s.optionalInt64(24) == erasedAt?.secondsSinceEpoch
            && UInt64(exactly: s.int64(25)) == version
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
    private func sameSealedIdentity(_ sealed: UnsafeRawBufferPointer?) -> Bool {
        guard let sealed else { return statement.isNull(20) }
        return !statement.isNull(20) && statement.blobEquals(20, sealed)
    }
}
