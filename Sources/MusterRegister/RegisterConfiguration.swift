import Foundation
import MusterStore

/// Where a register lives and who is acting on it. Only the executable reads the environment;
/// everything below takes this value.
public struct RegisterConfiguration: Sendable {
    /// The data directory: the database and anything else the register writes.
    public var dataDirectory: String
    /// The keys directory, kept apart from the data directory.
    public var keysDirectory: String
    /// Who is acting, as recorded in the ledger (e.g. `cli:alice`).
    public var actor: String
    /// A PostgreSQL URL (`postgres://user@host:port/db`); `nil` for the embedded SQLite database
    /// in the data directory.
    public var database: String?
    /// Milliseconds since the epoch; injectable so tests control time.
    public var clock: @Sendable () -> Int64
    /// SQLite only: read the database through a memory map. It speeds up the long scans of
    /// verify, restore and export; a server, whose every write grows the file and makes each
    /// reader connection remap it, is faster without (measured: about 15% more person reads).
    public var memoryMappedReads = true
    /// SQLite only: how long, in seconds, a transaction waits for another process's write (the
    /// server beside an import, or two commands) before it gives up with a "busy" error.
    public var busyTimeout = RegisterConfiguration.standardBusyTimeout
    public static let standardBusyTimeout = SQLiteStore.standardBusyTimeout
    /// How long a disclosure batch may wait for its signed checkpoint: a batch that commits less
    /// than this after this process's last signature does not sign, and one checkpoint at the
    /// end of the interval covers every batch committed meanwhile. Every other write signs at
    /// once; zero makes every batch sign.
    ///
    /// A signature costs each commit a signature, a consistency proof and an insert, and a
    /// verifier checks every checkpoint: signed per group commit, a busy server's checkpoints took
    /// about 30% of `ledger verify`. Transparency logs likewise sign on an interval, not per entry.
    public var checkpointInterval: Duration = .milliseconds(100)
    /// The clock that interval is measured by (a test's, to end intervals when it says).
    public var cadenceClock: any CadenceClock = MonotonicCadenceClock()

    public init(
        dataDirectory: String, keysDirectory: String, actor: String, database: String? = nil,
        clock: @escaping @Sendable () -> Int64 = RegisterConfiguration.systemClock
    ) {
        self.dataDirectory = dataDirectory
        self.keysDirectory = keysDirectory
        self.actor = actor
        self.database = database
        self.clock = clock
    }

    /// The wall clock, in milliseconds since the epoch.
    public static let systemClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    var databasePath: String { dataDirectory + "/register.sqlite" }
}
