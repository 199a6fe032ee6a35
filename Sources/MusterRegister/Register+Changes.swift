public import MusterCore
import MusterStore

extension Register {
    /// Adds a person. Assigns a membership number when the record has none; a number already
    /// in use is refused. Returns the membership number.
    public func add(_ record: PersonRecord) async throws -> String {
        try record.validate()
        return try await writing { writer in
            var record = record
            if let number = record.membershipNumber {
                if try writer.tx.person(number: number) != nil {
                    throw RegisterError(.duplicate, "membership number \(number) is already in use")
                }
            } else {
                record.membershipNumber = try writer.tx.allocateMembershipNumber()
            }
            return try writer.create(record).number
        }
    }

    /// Sets fields from their text form (as in the CSV). Returns the names of the fields that
    /// changed (empty when nothing did). Status and membership number are not changed this way.
    public func update(number: String, changes: [(Field, String)]) async throws -> [Field] {
        for (field, _) in changes where field == .status || field == .membershipNumber {
            throw RegisterError(
                .invalid, field == .status ? "change a status with `muster status`, which records a reason"
                    : "a membership number cannot be changed")
        }
        return try await writing { writer in
            let row = try Register.requirePerson(number, in: writer.tx)
            let identity = try writer.cipher.identity(of: row, in: writer.tx)
            var before = row.record
            before.identity = identity
            var record = before
            for (field, text) in changes { try record.set(field, text: text) }
            try record.validate()
            guard try writer.update(row, current: identity, to: record) != nil else { return [] }
            return Field.allCases.filter { record.text(of: $0) != before.text(of: $0) }
        }
    }

    /// Changes a lifecycle status, enforcing the allowed transitions and reasons.
    public func changeStatus(number: String, to status: Status, reason: String?) async throws {
        try await writing { writer in
            let row = try Register.requirePerson(number, in: writer.tx)
            guard row.erasedAt == nil else { throw RegisterError(.erased, "\(number) has been erased") }
            try writer.changeStatus(row, to: status, reason: reason)
        }
    }

    /// Erases a person by destroying their data key (crypto-shredding). Irreversible.
    public func erase(number: String, reason: String?) async throws {
        try await writing { writer in
            let row = try Register.requirePerson(number, in: writer.tx)
            guard row.erasedAt == nil else { throw RegisterError(.erased, "\(number) has already been erased") }
            try writer.erase(row, reason: reason)
        }
        // Push the deleted key out of the WAL as well, so no file still holds it.
        try await (store as? SQLiteStore)?.checkpoint()
    }
}
