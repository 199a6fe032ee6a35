import MusterCore
import MusterStore
import MusterTesting
import PostgresNIO
import Testing

@testable import MusterPostgres

/// The batched lookups of a bulk import go through their indexes while the import's own rows
/// are not in the planner's statistics yet. Planned as for an unanalysed table, `= ANY` of a
/// batch looked like it matched nearly every row: each batch scanned the whole table, and an
/// import of 430,000 people spent most of its time in those scans.
@Suite struct PostgresBulkPlanTests {
    @Test(arguments: StoreBackend.available.filter { $0 == .postgres })
    func bulkLookupsUseTheirIndexes(_ backend: StoreBackend) async throws {
        let subject = try await backend.make()
        defer { withExtendedLifetime(subject) {} }
        let plans = try await subject.store.write { tx in
            let tx = tx as! PostgresTransaction
            try tx.beginBulkWrites(expectedRows: 30_000)
            for index in 1...3_000 { try tx.insert(StoreFixtures.row("M\(index)", email: [UInt8](repeating: UInt8(index & 0xFF), count: 32))) }
            var numbers = PostgresBindings()
            numbers.append((1...1_000).map { "M\($0 * 3)" })
            var digests = PostgresBindings()
            digests.append((0..<200).map { ByteBuffer(bytes: [UInt8](repeating: UInt8($0), count: 32)) })
            let plans = try [
                tx.run(PostgresQuery(unsafeSQL: "EXPLAIN " + PostgresTransaction.peopleByNumbersSQL, binds: numbers)),
                tx.run(PostgresQuery(unsafeSQL: "EXPLAIN " + PostgresTransaction.numbersByIndexSQL(.email), binds: digests)),
            ].map { result in try result.map { row in try row.decode(String.self) }.joined(separator: "\n") }
            try tx.endBulkWrites()
            return plans
        }
        for plan in plans {
            #expect(plan.contains("Index") && !plan.contains("Seq Scan"), "\(plan)")
        }
    }
}
