import MusterStore
import Testing

@testable import MusterServer

/// What a client is told when the store refuses a write: a conflict with a write made at the
/// same moment is 409 (try again), not a bare 500, and names no constraint of the schema.
@Suite struct StoreErrorMappingTests {
    @Test func aConflictIsA409ThatSaysToTryAgain() {
        let error = APIError.from(StoreError(.conflict, #"PostgreSQL: duplicate key value violates unique constraint "people_number_key""#))
        #expect(error.status == .conflict && error.code == "conflict")
        #expect(error.message.contains("try again") && !error.message.contains("people_number_key"))
    }

    @Test func aBusyStoreIsA503WithRetryAfter() {
        let error = APIError.from(StoreError(.busy, "database is locked"))
        #expect(error.status == .serviceUnavailable && error.retryAfter == 5)
    }

    @Test func anyOtherStoreErrorIsABare500() {
        let error = APIError.from(StoreError(.io, "SQLite: disk I/O error"))
        #expect(error.status == .internalServerError && !error.message.contains("disk"))
    }
}
