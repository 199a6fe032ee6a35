/// A staff member's role. Roles are deliberately few and coarse; what each may do is decided in
/// one place, ``Authoriser``.
///
/// The raw values are stored in the user table and written to the ledger, so they never change.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    /// Runs the whole register: every permission, in every branch.
    case nationalAdmin = "national-admin"
    /// The data protection officer: reads, exports and erases to answer subject-access and erasure
    /// requests and breaches, but cannot edit records or manage staff.
    case dataProtectionOfficer = "dpo"
    /// Keeps the records of the people in their own branches up to date.
    case branchOfficer = "branch-officer"
    /// Checks the ledger's integrity and the aggregate figures; never sees a person.
    case auditor = "auditor"

    /// Whether staff with this role must pass a TOTP check at sign-in.
    ///
    /// Every role that can read personal data (any permission whose
    /// ``Permission/carriesPersonalData`` is true) needs a second factor, because a phished
    /// password alone must never open special-category data. Written out rather than derived so
    /// that a policy change cannot silently drop the requirement; a test checks it against
    /// ``Authoriser``.
    public var requiresMFA: Bool {
        switch self {
        case .nationalAdmin, .dataProtectionOfficer, .branchOfficer: true
        case .auditor: false
        }
    }
}
