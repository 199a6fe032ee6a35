import MusterCSV
import MusterCore
import MusterLedger
import MusterStore

/// Applies a stream of records to the register inside one transaction, with the import rules:
///
/// - the membership number is the identity: a known number updates that person, a number seen
///   twice in one input is a problem;
/// - a row without a number gets one, unless an existing person matches exactly (same name,
///   date of birth and email), which is reported as a likely duplicate and not imported;
/// - once a problem is found in an all-or-nothing import, later rows are still checked (to report
///   every problem) but no longer written, since the transaction will be rolled back.
struct BulkImporter {
    let writer: PersonWriter
    let stopWritingOnProblem: Bool
    private(set) var report = ImportReport()
    private(set) var problemCount = 0
    private var seenNumbers: Set<String> = []
    private var lookup: ImportLookup

    /// Problems kept for the report; beyond this they are only counted.
    static let maxKeptProblems = 1000

    init(writer: PersonWriter, stopWritingOnProblem: Bool) {
        self.writer = writer
        self.stopWritingOnProblem = stopWritingOnProblem
        self.lookup = ImportLookup(tx: writer.tx)
    }

    /// Fetches in one go what the next rows to ingest (`records`) will ask of the register.
    mutating func prepare(_ records: [(record: PersonRecord, sealed: SealedPerson)]) throws {
        lookup = try ImportLookup(tx: writer.tx, for: records)
    }

    var shouldWrite: Bool { !(stopWritingOnProblem && problemCount > 0) }

    /// Records problems for a row that could not be read or failed validation.
    mutating func reject(_ problems: [ImportProblem]) {
        report.rows += 1
        report.rejected += 1
        note(problems)
    }

    /// Applies one valid record. Returns the problems that rejected it, if any.
    /// `sealed` is the record's cryptographic material when it was prepared ahead.
    @discardableResult
    mutating func ingest(_ record: PersonRecord, sealed: SealedPerson? = nil, file: String, line: Int) throws -> [ImportProblem] {
        report.rows += 1
        let problems = try apply(record, sealed: sealed ?? writer.cipher.sealNew(record.identity), file: file, line: line)
        if !problems.isEmpty {
            report.rejected += 1
            note(problems)
        }
        return problems
    }

    private mutating func note(_ problems: [ImportProblem]) {
        problemCount += problems.count
        let room = Self.maxKeptProblems - report.problems.count
        if room > 0 { report.problems.append(contentsOf: problems.prefix(room)) }
    }

    private mutating func apply(_ record: PersonRecord, sealed: SealedPerson, file: String, line: Int) throws -> [ImportProblem] {
        let tx = writer.tx
        let emailDigest = sealed.indexes.email
        let household = try emailDigest.map { try lookup.household(email: $0) } ?? []

        guard let number = record.membershipNumber else {
            let candidates = try household.isEmpty ? [] : tx.people(index: .email, digest: emailDigest!)
            if let match = try exactMatch(for: record, among: candidates) {
                report.likelyDuplicates.append(.init(line: line, matches: match.number))
                return []
            }
            if !household.isEmpty { report.sharedEmails += 1 }
            guard shouldWrite else { return [] }
            var numbered = record
            numbered.membershipNumber = try tx.allocateMembershipNumber()
            lookup.noteWritten(try writer.create(numbered, sealed: sealed))
            report.created += 1
            return []
        }

        guard seenNumbers.insert(number).inserted else {
            return [problem(file, line, .membershipNumber, "membership number \(number) appears more than once in the file")]
        }
        if household.contains(where: { $0 != number }) { report.sharedEmails += 1 }
        guard let existing = try lookup.person(number: number) else {
            if shouldWrite {
                lookup.noteWritten(try writer.create(record, sealed: sealed))
            }
            report.created += 1
            return []
        }
        if existing.erasedAt != nil {
            return [problem(file, line, .membershipNumber, "membership number \(number) belongs to an erased person")]
        }
        if record.status != existing.record.status {
            do {
                try StatusChange(from: existing.record.status, to: record.status, reason: nil).validate()
            } catch {
                let hint = error.code == .reasonRequired ? " (use `muster status` with --reason)" : ""
                return [problem(file, line, .status, error.message + hint)]
            }
        }
        guard shouldWrite else { return [] }
        let identity = try writer.cipher.identity(of: existing, in: tx)
        if let updated = try writer.update(existing, current: identity, to: record) {
            lookup.noteWritten(updated)
            report.updated += 1
        } else {
            report.unchanged += 1
        }
        return []
    }

    /// The first person among `candidates` with the same first and last name, date of birth
    /// and email as `record` (compared after decryption, case-insensitively for names).
    private func exactMatch(for record: PersonRecord, among candidates: [PersonRow]) throws -> PersonRow? {
        let wanted = record.identity
        for candidate in candidates where candidate.erasedAt == nil {
            let identity = try writer.cipher.identity(of: candidate, in: writer.tx)
            if identity.firstName.lowercased() == wanted.firstName.lowercased()
                && identity.lastName.lowercased() == wanted.lastName.lowercased()
                && identity.dateOfBirth == wanted.dateOfBirth && identity.email == wanted.email
            {
                return candidate
            }
        }
        return nil
    }

    private func problem(_ file: String, _ line: Int, _ field: Field, _ message: String) -> ImportProblem {
        ImportProblem(file: file, line: line, column: field.rawValue, message: message)
    }

    /// The ledger entry that closes the batch: counts and the input's fingerprint, nothing personal.
    func summary(source: String, sha256: String?, bytes: Int) -> EntryDraft {
        var tlv = TLVWriter()
        tlv.append(1, text: source)
        if let sha256 { tlv.append(2, text: sha256) }
        tlv.append(3, text: String(bytes))
        tlv.append(4, text: String(report.created))
        tlv.append(5, text: String(report.updated))
        tlv.append(6, text: String(report.unchanged))
        tlv.append(7, text: String(report.rejected))
        tlv.append(8, text: String(report.likelyDuplicates.count))
        return EntryDraft(time: writer.time, actor: writer.actor, kind: .importBatch, subject: nil, payload: tlv.bytes)
    }
}
