/// The single authorisation point: every request asks ``decide(staff:permission:branch:)`` and
/// handlers hold no role checks of their own.
///
/// The policy is least privilege, written out per role in ``grant(for:_:)``:
///
/// | role | may |
/// |---|---|
/// | national admin | everything, everywhere |
/// | DPO | read, search, list, history, eligibility, export, erase, stats, ledger metadata, checkpoints — everywhere; no edits, no imports, no staff management |
/// | branch officer | read, search, list, update, change status — only in their own branches |
/// | auditor | stats, ledger metadata, checkpoints; no personal data at all |
///
/// What `branch` means depends on the permission:
/// - for an action on one person, it is that person's branch (`nil`: the person has none);
/// - for ``Permission/listPeople``, ``Permission/searchPeople`` and ``Permission/exportPeople``
///   it is the branch the request is confined to (`nil`: all branches). A branch officer asking
///   for all branches is denied; the server should instead confine the query to
///   ``visibleBranches(staff:permission:)``;
/// - for the other permissions it is ignored.
///
/// ```swift
/// switch Authoriser.decide(staff: staff, permission: .updatePerson, branch: person.branch) {
/// case .allow: try await register.update(person)
/// case .deny(let reason): throw HTTPError(.forbidden, message: reason.rawValue)
/// }
/// ```
public enum Authoriser {
    /// The outcome of an authorisation check.
    public enum Decision: Sendable, Hashable {
        /// The request may proceed.
        case allow
        /// The request is refused, for a reason that is safe to log and to return.
        case deny(DenialReason)

        /// Whether the request may proceed.
        public var isAllowed: Bool { self == .allow }
    }

    /// Why a request was refused. Raw values are stable: they are logged and returned.
    public enum DenialReason: String, Sendable, Hashable, CaseIterable {
        /// The role never has this permission.
        case notPermitted = "not_permitted"
        /// The role has it only in its own branches, and this branch is not one of them.
        case outsideBranch = "outside_branch"
        /// The role has it only in its own branches, and the person has no branch or the request
        /// is not confined to one.
        case noBranch = "no_branch"
    }

    /// How far a role's permission reaches.
    enum Grant: Sendable, Equatable {
        case none
        case ownBranches
        case everywhere
    }

    /// Decides whether `staff` may use `permission` on `branch` (see the type's documentation
    /// for what `branch` means).
    public static func decide(staff: Staff, permission: Permission, branch: String?) -> Decision {
        switch grant(for: staff.role, permission) {
        case .none:
            return .deny(.notPermitted)
        case .everywhere:
            return .allow
        case .ownBranches:
            // A record with no branch belongs to nobody's patch, so only national roles see it.
            guard let branch else { return .deny(.noBranch) }
            return staff.branches.contains(branch) ? .allow : .deny(.outsideBranch)
        }
    }

    /// The branches whose people `staff` may see or act on with `permission`: `nil` means all
    /// branches (and people with no branch); an empty set means none.
    ///
    /// List and search queries must be confined to this set.
    public static func visibleBranches(staff: Staff, permission: Permission) -> Set<String>? {
        switch grant(for: staff.role, permission) {
        case .none: []
        case .ownBranches: staff.branches
        case .everywhere: nil
        }
    }

    /// The policy table. The national admin has everything by definition; for every other role
    /// each permission is listed, so that a new permission does not compile until someone decides
    /// who gets it.
    static func grant(for role: Role, _ permission: Permission) -> Grant {
        switch role {
        case .nationalAdmin:
            return .everywhere
        case .dataProtectionOfficer:
            switch permission {
            case .readPerson, .searchPeople, .listPeople, .readHistory, .readEligibility, .exportPeople,
                .erasePerson, .readStats, .readLedgerMetadata, .readCheckpoints:
                return .everywhere
            // No bulk or single edits: the DPO answers for the data, the branches keep it.
            case .createPerson, .updatePerson, .changeStatus, .importPeople, .manageUsers:
                return .none
            }
        case .branchOfficer:
            switch permission {
            case .readPerson, .searchPeople, .listPeople, .updatePerson, .changeStatus:
                return .ownBranches
            case .createPerson, .erasePerson, .importPeople, .exportPeople, .readStats, .readEligibility,
                .readHistory, .readLedgerMetadata, .readCheckpoints, .manageUsers:
                return .none
            }
        case .auditor:
            switch permission {
            case .readStats, .readLedgerMetadata, .readCheckpoints:
                return .everywhere
            case .readPerson, .searchPeople, .listPeople, .createPerson, .updatePerson, .changeStatus,
                .erasePerson, .importPeople, .exportPeople, .readEligibility, .readHistory, .manageUsers:
                return .none
            }
        }
    }
}
