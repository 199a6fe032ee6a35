/// What a ledger entry records. The raw value is written into every entry, so it never changes.
public enum EntryKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// A person entered the register.
    case create = 1
    /// Some of a person's fields changed.
    case update = 2
    /// A person's lifecycle status changed.
    case statusChange = 3
    /// A person's data key was destroyed (crypto-shredding).
    case erase = 4
    /// A bulk import finished; its payload summarises the batch.
    case importBatch = 5
    /// Personal data was disclosed (viewed, found, exported, shared).
    case disclosure = 6
    /// A staff account was added, disabled, re-enrolled or changed (no member's data).
    case staff = 7

    public var description: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .statusChange: "status"
        case .erase: "erase"
        case .importBatch: "import"
        case .disclosure: "disclosure"
        case .staff: "staff"
        }
    }
}
