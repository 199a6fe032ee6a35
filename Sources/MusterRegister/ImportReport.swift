public import MusterCSV

/// How far a long import has got, for progress bars.
public struct ImportProgress: Sendable {
    public var rows: Int
    public var bytesRead: Int
    public var totalBytes: Int?
}

/// Options for a bulk import.
public struct ImportOptions: Sendable {
    /// When set, valid rows are imported and rejected rows are written here with their reasons;
    /// otherwise any problem rejects the whole file.
    public var rejectFile: String?
    /// Called now and then while the import runs.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    public init(rejectFile: String? = nil, progress: (@Sendable (ImportProgress) -> Void)? = nil) {
        self.rejectFile = rejectFile
        self.progress = progress
    }
}

/// What an import did.
public struct ImportReport: Sendable, Equatable {
    public var rows = 0
    public var created = 0
    public var updated = 0
    /// Rows identical to what the register already held.
    public var unchanged = 0
    public var rejected = 0
    /// Rows sharing an email with someone else (households): allowed, counted.
    public var sharedEmails = 0
    /// Rows without a number matching an existing person exactly (name, date of birth, email):
    /// not imported, reported here with the number they matched.
    public var likelyDuplicates: [LikelyDuplicate] = []
    /// The problems of rejected rows (only with a reject file; otherwise the import fails).
    public var problems: [ImportProblem] = []
    public var bytes = 0
    public var seconds = 0.0

    public struct LikelyDuplicate: Sendable, Equatable {
        public var line: Int
        public var matches: String
    }

    /// People written (created or updated).
    public var imported: Int { created + updated }
}

/// An import that changed nothing because the file has problems. Lists them all (up to a bound).
public struct ImportFailed: Error, Sendable, CustomStringConvertible {
    /// The first problems, in file order.
    public var problems: [ImportProblem]
    /// How many problems there were in all (may exceed `problems.count`).
    public var total: Int

    public var description: String {
        var lines = problems.map(\.description)
        if total > problems.count { lines.append("… and \(total - problems.count) more problems") }
        lines.append("nothing was imported: \(total) problem\(total == 1 ? "" : "s") found")
        return lines.joined(separator: "\n")
    }
}
