import Foundation
import MusterPostgres
import MusterStore
import MusterTesting

/// The backends the conformance suite runs against. Each test gets a new, empty store.
///
/// PostgreSQL runs when `MUSTER_TEST_DATABASE` names a server (scripts/test starts a throwaway
/// cluster and sets it); each test then gets a database of its own.
enum StoreBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// The backends available here: SQLite always, PostgreSQL when a test server is configured.
    static var available: [StoreBackend] {
        TestDatabase.adminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A fresh, empty store.
    func make() async throws -> StoreUnderTest {
        let directory = TemporaryDirectory("muster-store")
        switch self {
        case .sqlite:
            return StoreUnderTest(store: try SQLiteStore(path: directory.file("register.sqlite"), create: true), directory: directory)
        case .postgres:
            let url = try await TestDatabase.create()
            return StoreUnderTest(store: try await PostgresStore.connect(url: url, create: true), directory: directory)
        }
    }
}

/// A store and whatever must live as long as it (its temporary directory).
final class StoreUnderTest: Sendable {
    let store: any Store
    let directory: TemporaryDirectory

    init(store: any Store, directory: TemporaryDirectory) {
        self.store = store
        self.directory = directory
    }
}
