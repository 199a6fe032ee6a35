import Foundation
import MusterCore
import MusterCrypto
import MusterLedger
import MusterPostgres
import MusterStore

/// A membership register: the application's entry point. Every operation authorises nothing
/// itself (callers do), validates with the domain core, encrypts identifying fields, and writes
/// the ledger entry and projection in one transaction.
public final class Register: Sendable {
    public let configuration: RegisterConfiguration
    let store: any Store
    let keyring: Keyring?
    let ledger: LedgerWriter
    let disclosures: DisclosureRecorder

    /// The ledger's name in its checkpoints (C2SP origin line).
    let origin: String

    /// The longest actor name recorded (entry bytes give it a 16-bit length; no real name nears this).
    static let maximumActorBytes = 256

    init(configuration: RegisterConfiguration, store: any Store, keyring: Keyring?, origin: String) throws {
        try Self.checkActor(configuration.actor)
        self.configuration = configuration
        self.store = store
        self.keyring = keyring
        self.origin = origin
        let checkpointer = try keyring.map { try Checkpointer(keyring: $0, origin: origin, clock: configuration.cadenceClock) }
        let ledger = LedgerWriter(
            store: store, checkpointer: checkpointer, clock: configuration.clock, checkpointInterval: configuration.checkpointInterval)
        self.ledger = ledger
        self.disclosures = DisclosureRecorder(
            interval: configuration.checkpointInterval, clock: configuration.cadenceClock, appendSeries: ledger.appendBatches,
            seal: ledger.sealUncovered)
    }

    /// Refuses an actor name the ledger cannot hold.
    static func checkActor(_ actor: String) throws {
        guard !actor.isEmpty, actor.utf8.count <= maximumActorBytes else {
            throw RegisterError(.invalid, "the actor name must be 1 to \(maximumActorBytes) bytes")
        }
    }

    /// A register that shares `other`'s store, ledger writer and disclosure recorder, with
    /// another configuration (another actor).
    init(sharing other: Register, configuration: RegisterConfiguration) throws {
        try Self.checkActor(configuration.actor)
        self.configuration = configuration
        self.store = other.store
        self.keyring = other.keyring
        self.origin = other.origin
        self.ledger = other.ledger
        self.disclosures = other.disclosures
    }

    /// Creates a new register: the data directory, its database, and a new keyring in the keys
    /// directory. Refuses if either already holds a register or keys, or if one is inside the other.
    ///
    /// `origin` names the ledger in its signed checkpoints; by default a random name.
    public static func initialise(_ configuration: RegisterConfiguration, origin: String? = nil) async throws -> Register {
        try DirectoryLayout.checkSeparate(data: configuration.dataDirectory, keys: configuration.keysDirectory)
        if configuration.database == nil && FileManager.default.fileExists(atPath: configuration.databasePath) {
            throw RegisterError(.layout, "a register already exists in \(configuration.dataDirectory)")
        }
        // An existing register is named before existing keys, on either backend; on SQLite the
        // keys are checked before the database file is created, so a refusal leaves nothing behind.
        let keysExist = Keyring.exists(in: configuration.keysDirectory)
        let keysError = RegisterError(.keys, "keys already exist in \(configuration.keysDirectory): refusing to replace them")
        if keysExist && configuration.database == nil { throw keysError }
        let store = try await openStore(configuration, create: true)
        if try await store.read({ try $0.metadata("key_fingerprint") }) != nil {
            throw RegisterError(.layout, "that database already holds a register")
        }
        if keysExist { throw keysError }
        try DirectoryLayout.makePrivateDirectory(configuration.dataDirectory)
        let keyring = try Keyring.create(in: configuration.keysDirectory)
        let fingerprint = keyring.master.fingerprint
        let created = Timestamp(secondsSinceEpoch: configuration.clock() / 1000).description
        let origin = origin ?? Register.defaultOrigin()
        try await store.write { tx in
            try tx.setMetadata("key_fingerprint", fingerprint)
            try tx.setMetadata("created_at", created)
            try tx.setMetadata("origin", origin)
        }
        return try Register(configuration: configuration, store: store, keyring: keyring, origin: origin)
    }

    /// Opens an existing register. Keys are loaded when the keys directory exists and must
    /// belong to this register; operations that need them fail clearly without them.
    public static func open(_ configuration: RegisterConfiguration) async throws -> Register {
        try DirectoryLayout.checkSeparate(data: configuration.dataDirectory, keys: configuration.keysDirectory)
        let store = try await openStore(configuration, create: false)
        var keyring: Keyring?
        if FileManager.default.fileExists(atPath: configuration.keysDirectory) {
            let loaded = try Keyring.load(from: configuration.keysDirectory)
            let expected = try await store.read { try $0.metadata("key_fingerprint") }
            guard expected == loaded.master.fingerprint else {
                throw RegisterError(.keys, "the keys in \(configuration.keysDirectory) do not belong to this register")
            }
            keyring = loaded
        }
        let origin = try await store.read { try $0.metadata("origin") } ?? Register.defaultOrigin()
        return try Register(configuration: configuration, store: store, keyring: keyring, origin: origin)
    }

    /// The configured backend: PostgreSQL when a database URL is given, else SQLite in the data
    /// directory.
    static func openStore(_ configuration: RegisterConfiguration, create: Bool) async throws -> any Store {
        if let url = configuration.database {
            return try await PostgresStore.connect(url: url, create: create)
        }
        if create { try DirectoryLayout.makePrivateDirectory(configuration.dataDirectory) }
        return try SQLiteStore(
            path: configuration.databasePath, create: create, memoryMapped: configuration.memoryMappedReads,
            busyTimeout: configuration.busyTimeout)
    }

    /// `muster.local/` and 8 random hex digits: unique enough to tell registers apart.
    static func defaultOrigin() -> String {
        "muster.local/" + Hex.encode(RandomPool.shared.bytes(4))
    }

    func cipher() throws -> PersonCipher {
        guard let keyring else {
            throw RegisterError(
                .keys, "no keys directory at \(configuration.keysDirectory): personal data cannot be read or written without it")
        }
        return PersonCipher(keyring: keyring)
    }

    /// Runs `body` with a ``PersonWriter`` in one write transaction.
    func writing<T: Sendable>(_ body: @escaping @Sendable (PersonWriter) throws -> T) async throws -> T {
        let cipher = try cipher()
        let actor = configuration.actor
        let time = configuration.clock()
        return try await ledger.transact { tx in
            try body(PersonWriter(tx: tx, cipher: cipher, actor: actor, time: time))
        }
    }

    /// Signs a checkpoint now if committed entries are left that none covers (disclosures of the
    /// last checkpoint interval): the shipper calls it before each round, so what it ships is
    /// everything committed, and a process about to stop can call it last.
    public func sealUncoveredEntries() async throws {
        try await ledger.sealUncovered()
    }

    /// Records that `subjects` were disclosed, returning once the entries are committed.
    func recordDisclosure(_ disclosure: Disclosure, of subjects: [SubjectID], summary: Bool = false) async throws {
        let time = configuration.clock()
        let actor = configuration.actor
        var drafts = subjects.map {
            EntryDraft(time: time, actor: actor, kind: .disclosure, subject: $0, payload: disclosure.payload())
        }
        if summary {
            drafts.append(EntryDraft(time: time, actor: actor, kind: .disclosure, subject: nil, payload: disclosure.payload(count: subjects.count)))
        }
        try await disclosures.record(drafts)
    }

    static func requirePerson(_ number: String, in tx: any StoreReading) throws -> PersonRow {
        guard let row = try tx.person(number: number) else {
            throw RegisterError(.notFound, "no person with membership number \(number)")
        }
        return row
    }
}
