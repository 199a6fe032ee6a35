/// Everything the API lets staff do. Each endpoint asks ``Authoriser`` for exactly one of these.
///
/// The raw values are written to the ledger with each access, so they never change.
public enum Permission: String, Sendable, Hashable, CaseIterable, Codable {
    /// View one person's record.
    case readPerson = "read-person"
    /// Exact-match search (blind indexes) across people.
    case searchPeople = "search-people"
    /// Page through people, optionally filtered by branch.
    case listPeople = "list-people"
    /// Add a new person.
    case createPerson = "create-person"
    /// Edit a person's details.
    case updatePerson = "update-person"
    /// Move a person through the status lifecycle (lapsed, resigned, suspended…).
    case changeStatus = "change-status"
    /// Crypto-shred a person: delete their data key.
    case erasePerson = "erase-person"
    /// Bulk-load people from a CSV file.
    case importPeople = "import-people"
    /// Bulk-export people (subject access, processor shares).
    case exportPeople = "export-people"
    /// Aggregate counts by category, status and branch; no individual appears.
    case readStats = "read-stats"
    /// Who may vote in a ballot: a list of people.
    case readEligibility = "read-eligibility"
    /// A person's change and disclosure history from the ledger.
    case readHistory = "read-history"
    /// Ledger size, entry hashes and pseudonymous ids: ciphertext only.
    case readLedgerMetadata = "read-ledger-metadata"
    /// Signed checkpoints and consistency proofs.
    case readCheckpoints = "read-checkpoints"
    /// Create, change and disable staff accounts.
    case manageUsers = "manage-users"

    /// Whether the response discloses people's personal data (and so is a recorded disclosure,
    /// and needs a role that passed MFA).
    ///
    /// True for every read that returns people. Writes also touch personal data, but what they
    /// disclose is what the caller sent; they are recorded as changes, not disclosures.
    public var carriesPersonalData: Bool {
        switch self {
        case .readPerson, .searchPeople, .listPeople, .exportPeople, .readEligibility, .readHistory:
            true
        case .createPerson, .updatePerson, .changeStatus, .erasePerson, .importPeople, .readStats,
            .readLedgerMetadata, .readCheckpoints, .manageUsers:
            false
        }
    }
}
