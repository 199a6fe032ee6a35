import Foundation
import MusterStore
import MusterTesting

/// The backends the conformance suite runs against. Each test gets a new, empty store.
enum StoreBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite

    var description: String { rawValue }

    /// A fresh, empty store.
    func make() throws -> StoreUnderTest {
        let directory = TemporaryDirectory("muster-store")
        switch self {
        case .sqlite:
            return StoreUnderTest(store: try SQLiteStore(path: directory.file("register.sqlite"), create: true), directory: directory)
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
