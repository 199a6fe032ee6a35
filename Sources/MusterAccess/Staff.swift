/// A signed-in staff member, as established by authentication (password, then TOTP where the
/// role requires it). Carries only what authorisation needs.
public struct Staff: Sendable, Hashable {
    /// The sign-in name; recorded in the ledger with each access.
    public var username: String
    /// What the staff member may do.
    public var role: Role
    /// The branch codes (constituency or ward) a branch officer looks after. Ignored for roles
    /// that work across all branches.
    public var branches: Set<String>

    /// Creates a staff member.
    public init(username: String, role: Role, branches: Set<String> = []) {
        self.username = username
        self.role = role
        self.branches = branches
    }
}
