import Testing
@testable import MusterLedger

/// A 100-entry chain verifies; each way of rewriting stored history is caught at the right entry.
struct ChainVerifierTests {
    static let count = 100
    static let chain = buildChain(count)
    static let positions = [1, 2, 50, 99, 100]

    @Test func anIntactChainVerifies() throws {
        let head = try verify(Self.chain.rows)
        #expect(head == Self.chain.heads[Self.count])
        #expect(head.size == UInt64(Self.count))
    }

    @Test func anEmptyChainVerifiesToTheEmptyHead() throws {
        #expect(try verify([]) == .empty)
        #expect(ChainVerifier().head == .empty)
    }

    @Test(arguments: positions)
    func aFlippedByteIsAHashMismatch(k: Int) {
        var rows = Self.chain.rows
        rows[k - 1].bytes[rows[k - 1].bytes.count / 2] ^= 0x01
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .hashMismatch)
        #expect(error?.sequence == UInt64(k))
    }

    @Test func aFlipInAnyByteOfAnEntryIsAHashMismatch() {
        let k = 37
        let start = Self.chain.heads[k - 1]
        let row = Self.chain.rows[k - 1]
        for offset in 0..<row.bytes.count {
            for bit in [0, 7] {
                var tampered = row
                tampered.bytes[offset] ^= 1 << bit
                let error = ledgerError { try verify([tampered], after: start) }
                #expect(error?.code == .hashMismatch, "byte \(offset) bit \(bit)")
                #expect(error?.sequence == UInt64(k))
            }
        }
    }

    @Test(arguments: [1, 50, 100])
    func aFlippedStoredHashIsAHashMismatch(k: Int) {
        var rows = Self.chain.rows
        rows[k - 1].hash[0] ^= 0x80
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .hashMismatch)
        #expect(error?.sequence == UInt64(k))
    }

    @Test(arguments: [0, 31, 33])
    func aStoredHashOfTheWrongLengthIsAHashMismatch(length: Int) {
        var rows = Self.chain.rows
        rows[9].hash = Array(rows[9].hash.prefix(length)) + [UInt8](repeating: 0, count: max(0, length - 32))
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .hashMismatch)
        #expect(error?.sequence == 10)
    }

    /// Entry k rewritten with its stored hash recomputed to match: k itself looks fine, but
    /// entry k+1 still names the old hash.
    @Test(arguments: [1, 2, 50, 99])
    func aConsistentRewriteBreaksTheNextLink(k: Int) throws {
        var rows = Self.chain.rows
        var entry = try LedgerEntry(encoded: rows[k - 1].bytes)
        entry.payload = Array("rewritten".utf8)
        entry.actor = "intruder"
        let forged = SealedEntry(entry)
        rows[k - 1] = StoredRow(forged)
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .chainBroken)
        #expect(error?.sequence == UInt64(k + 1))
    }

    @Test func aConsistentRewriteOfTheLastEntryChangesTheHead() throws {
        // Nothing follows the last entry, so only a trusted head (a signed checkpoint) catches it.
        var rows = Self.chain.rows
        var entry = try LedgerEntry(encoded: rows[Self.count - 1].bytes)
        entry.payload = []
        rows[Self.count - 1] = StoredRow(SealedEntry(entry))
        let head = try verify(rows)
        #expect(head.size == UInt64(Self.count))
        #expect(head != Self.chain.heads[Self.count])
    }

    @Test func rewritingTheSequenceInsideTheBytesIsASequenceGap() throws {
        var rows = Self.chain.rows
        var entry = try LedgerEntry(encoded: rows[29].bytes)
        entry.sequence = 31
        let forged = SealedEntry(entry)
        rows[29] = StoredRow(sequence: 30, bytes: forged.bytes, hash: forged.hash.bytes)
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .sequenceGap)
        #expect(error?.sequence == 30)
    }

    @Test func hashedGarbageIsAMalformedEntryAtItsPlace() {
        var rows = Self.chain.rows
        let garbage: [UInt8] = [1, 2, 3, 4]
        rows[19] = StoredRow(sequence: 20, bytes: garbage, hash: MerkleHash.leaf(garbage).bytes)
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .malformedEntry)
        #expect(error?.sequence == 20)
    }

    @Test(arguments: positions)
    func aDeletedEntryIsASequenceGap(k: Int) {
        var rows = Self.chain.rows
        rows.remove(at: k - 1)
        if k == Self.count {
            // Deleting the last entry leaves a shorter valid chain: the head shows it.
            #expect((try? verify(rows)) == Self.chain.heads[Self.count - 1])
            return
        }
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .sequenceGap)
        #expect(error?.sequence == UInt64(k))
    }

    @Test func aDeletedRunAndRenumberedRowsAreCaught() {
        // Rows 40–42 deleted and the later rows' stored sequence numbers shifted down to hide it:
        // the bytes still say 43, so the verifier sees a gap at 40.
        var rows = Self.chain.rows
        rows.removeSubrange(39..<42)
        for i in 39..<rows.count { rows[i].sequence = UInt64(i + 1) }
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .sequenceGap)
        #expect(error?.sequence == 40)
    }

    @Test(arguments: [1, 50, 99])
    func swappedEntriesAreCaughtAtTheFirstSwappedPosition(k: Int) {
        var rows = Self.chain.rows
        rows.swapAt(k - 1, k)
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .sequenceGap || error?.code == .chainBroken)
        #expect(error?.sequence == UInt64(k))
    }

    @Test(arguments: [1, 50, 99])
    func swappedEntriesWithRenumberedRowsAreCaught(k: Int) {
        // The rows' sequence column follows the position, the bytes do not.
        var rows = Self.chain.rows
        rows.swapAt(k - 1, k)
        rows[k - 1].sequence = UInt64(k)
        rows[k].sequence = UInt64(k + 1)
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .sequenceGap || error?.code == .chainBroken)
        #expect(error?.sequence == UInt64(k))
    }

    @Test(arguments: [1, 50, 99])
    func swappedEntriesReencodedWithNewNumbersBreakTheChain(k: Int) throws {
        // The most careful swap: each entry re-encoded with the number of its new place and its
        // hash recomputed. The previous-hash links still point the old way.
        var rows = Self.chain.rows
        var first = try LedgerEntry(encoded: rows[k].bytes)
        var second = try LedgerEntry(encoded: rows[k - 1].bytes)
        first.sequence = UInt64(k)
        second.sequence = UInt64(k + 1)
        rows[k - 1] = StoredRow(SealedEntry(first))
        rows[k] = StoredRow(SealedEntry(second))
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .chainBroken)
        #expect(error?.sequence == UInt64(k))
    }

    @Test func aDuplicatedEntryIsASequenceGap() {
        var rows = Self.chain.rows
        rows.insert(rows[9], at: 10)
        let error = ledgerError { try verify(rows) }
        #expect(error?.code == .sequenceGap)
        #expect(error?.sequence == 11)
    }

    @Test(arguments: [0, 1, 50, 99])
    func verifyingAfterATrustedHeadContinuesTheChain(k: Int) throws {
        let head = try verify(Self.chain.rows[k...], after: Self.chain.heads[k])
        #expect(head == Self.chain.heads[Self.count])
    }

    @Test func verifyingAfterTheWrongHeadFails() {
        let rows = Array(Self.chain.rows[50...])  // entries 51...100
        // A head one entry short: entry 51 arrives where 50 was expected.
        let short = ledgerError { try verify(rows, after: Self.chain.heads[49]) }
        #expect(short?.code == .sequenceGap)
        #expect(short?.sequence == 50)
        // The right size with another hash: entry 51 does not link to it.
        let forged = ChainHead(size: 50, hash: EntryHash.of([0]))
        let broken = ledgerError { try verify(rows, after: forged) }
        #expect(broken?.code == .chainBroken)
        #expect(broken?.sequence == 51)
        // The default start is the empty head: entry 51 is not entry 1.
        let fromEmpty = ledgerError { try verify(rows) }
        #expect(fromEmpty?.code == .sequenceGap)
        #expect(fromEmpty?.sequence == 1)
    }

    @Test func theHeadStopsAtTheLastGoodEntry() throws {
        var rows = Self.chain.rows
        rows[59].bytes[0] ^= 0xFF
        var verifier = ChainVerifier()
        var failure: LedgerError?
        for row in rows {
            do {
                try verifier.check(sequence: row.sequence, bytes: row.bytes, storedHash: row.hash)
            } catch {
                failure = error
                break
            }
        }
        #expect(failure?.code == .hashMismatch)
        #expect(verifier.head == Self.chain.heads[59])
        // The same verifier resumes once the good bytes are back.
        try verifier.check(sequence: 60, bytes: Self.chain.rows[59].bytes, storedHash: Self.chain.rows[59].hash)
        #expect(verifier.head == Self.chain.heads[60])
    }

    @Test func errorsNameTheirEntry() {
        var rows = Self.chain.rows
        rows[4].bytes[20] ^= 1
        let error = ledgerError { try verify(rows) }
        #expect(error?.description.hasPrefix("entry 5: ") == true)
        #expect(error?.code.rawValue == "hash_mismatch")
    }
}
