import Foundation
import GRDB
import Synchronization

/// Another process's transaction on a SQLite register, holding the database's write lock (a
/// write) or a snapshot of it (a read) until ended: a second connection to the same file, on a
/// thread of its own, stands in for the server or a command beside the one under test. It opens
/// the file as Muster does (a GRDB pool, which leaves the write-ahead log non-empty), so what
/// waits for it here waits for a real Muster process.
public final class OtherProcessTransaction: Sendable {
    public enum Kind: Sendable { case write, read }

    /// What stopped the other connection from taking what it was asked to.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let release = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    private let failure = Mutex<String?>(nil)
    private let released = Atomic(false)
    public var isReleased: Bool { released.load(ordering: .sequentiallyConsistent) }

    /// Returns once the other connection holds what `kind` takes.
    public init(path: String, _ kind: Kind) async throws {
        let held = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            do {
                let pool = try DatabasePool(path: path)
                try pool.writeWithoutTransaction { db in
                    switch kind {
                    case .write: try db.execute(sql: "BEGIN IMMEDIATE")
                    case .read: try db.execute(sql: "BEGIN; SELECT count(*) FROM ledger")
                    }
                    held.signal()
                    self.release.wait()
                    try db.execute(sql: "COMMIT")
                }
            } catch {
                self.failure.withLock { $0 = "\(error)" }
                held.signal()
            }
            self.ended.signal()
        }
        await offThePool { held.wait() }
        if let failure = failure.withLock({ $0 }) { throw Failure(description: failure) }
    }

    /// Ends the other transaction, and returns once it has.
    public func end() async {
        released.store(true, ordering: .sequentiallyConsistent)
        release.signal()
        await offThePool { [ended] in ended.wait() }
    }
}
