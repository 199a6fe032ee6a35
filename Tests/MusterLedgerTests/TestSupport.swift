import MusterTesting
import Testing
@testable import MusterLedger


/// The error a throwing ledger call fails with, or `nil` when it succeeds.
func ledgerError<T>(_ body: () throws -> T) -> LedgerError? {
    do {
        _ = try body()
        return nil
    } catch let error as LedgerError {
        return error
    } catch {
        Issue.record("expected a LedgerError, got \(error)")
        return nil
    }
}

/// The code a throwing ledger call fails with, or `nil` when it succeeds.
func ledgerErrorCode<T>(_ body: () throws -> T) -> LedgerError.Code? {
    ledgerError(body)?.code
}

func subject(_ text: String) -> SubjectID {
    guard let id = SubjectID(bytes: bytes(hex: text)) else { fatalError("bad test subject \(text)") }
    return id
}

/// A varied draft: kinds cycle, every third has no subject, payloads and actors differ in length.
func draft(_ n: Int) -> EntryDraft {
    let kinds = EntryKind.allCases
    return EntryDraft(
        time: 1_700_000_000_000 + Int64(n) * 1_234, actor: n % 5 == 0 ? "cli:root" : "staff:\(n % 7)-Siobhán",
        kind: kinds[n % kinds.count], subject: n % 3 == 0 ? nil : .random(),
        payload: (0..<(n * 13 % 97)).map { UInt8(truncatingIfNeeded: $0 &+ n) })
}

/// One stored row of the ledger, as a store would hold it.
struct StoredRow: Sendable {
    var sequence: UInt64
    var bytes: [UInt8]
    var hash: [UInt8]

    init(_ sealed: SealedEntry) {
        sequence = sealed.entry.sequence
        bytes = sealed.bytes
        hash = sealed.hash.bytes
    }

    init(sequence: UInt64, bytes: [UInt8], hash: [UInt8]) {
        self.sequence = sequence
        self.bytes = bytes
        self.hash = hash
    }
}

/// A chain of `count` entries built with ``ChainHead/append(_:)``, and the head after each.
func buildChain(_ count: Int) -> (rows: [StoredRow], heads: [ChainHead]) {
    var head = ChainHead.empty
    var rows: [StoredRow] = []
    var heads: [ChainHead] = [head]
    for n in 1...count {
        rows.append(StoredRow(head.append(draft(n))))
        heads.append(head)
    }
    return (rows, heads)
}

/// Verifies `rows` in order after `start`; returns the final head or throws the first failure.
func verify(_ rows: some Sequence<StoredRow>, after start: ChainHead = .empty) throws(LedgerError) -> ChainHead {
    var verifier = ChainVerifier(after: start)
    for row in rows {
        try verifier.check(sequence: row.sequence, bytes: row.bytes, storedHash: row.hash)
    }
    return verifier.head
}
