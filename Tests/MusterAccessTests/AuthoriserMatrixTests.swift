import Testing

@testable import MusterAccess

/// Every permission × role × branch case against a table written out by hand. The table is the
/// policy as reviewed; it is not computed, so a change to ``Authoriser`` that does not also
/// change this table fails.
struct AuthoriserMatrixTests {
    /// Columns: national admin | DPO | branch officer | auditor. Within each, the target is
    /// (1) in the officer's branch, (2) in another branch, (3) in no branch / unscoped.
    /// A = allow, P = deny(notPermitted), O = deny(outsideBranch), N = deny(noBranch).
    static let expected: [Permission: String] = [
        //                     admin dpo officer auditor
        .readPerson: /*       */ "AAA AAA AON PPP",
        .searchPeople: /*     */ "AAA AAA AON PPP",
        .listPeople: /*       */ "AAA AAA AON PPP",
        .createPerson: /*     */ "AAA PPP PPP PPP",
        .updatePerson: /*     */ "AAA PPP AON PPP",
        .changeStatus: /*     */ "AAA PPP AON PPP",
        .erasePerson: /*      */ "AAA AAA PPP PPP",
        .importPeople: /*     */ "AAA PPP PPP PPP",
        .exportPeople: /*     */ "AAA AAA PPP PPP",
        .readStats: /*        */ "AAA AAA PPP AAA",
        .readEligibility: /*  */ "AAA AAA PPP PPP",
        .readHistory: /*      */ "AAA AAA PPP PPP",
        .readLedgerMetadata: /* */ "AAA AAA PPP AAA",
        .readCheckpoints: /*  */ "AAA AAA PPP AAA",
        .manageUsers: /*      */ "AAA PPP PPP PPP",
    ]

    static let cellMeaning: [Character: Authoriser.Decision] = [
        "A": .allow, "P": .deny(.notPermitted), "O": .deny(.outsideBranch), "N": .deny(.noBranch),
    ]
    static let roleColumns: [Role] = [.nationalAdmin, .dataProtectionOfficer, .branchOfficer, .auditor]
    static let ownBranch = "E14000530"
    static let otherBranch = "S14000021"
    /// Every staff member carries branches, so a role that ignores them is tested as if it had some.
    static let branchCases: [String?] = [ownBranch, otherBranch, nil]

    @Test func tableCoversEveryPermissionAndNothingElse() {
        #expect(Set(Self.expected.keys) == Set(Permission.allCases))
        #expect(Set(Self.roleColumns) == Set(Role.allCases))
        for (permission, row) in Self.expected {
            #expect(row.split(separator: " ").map(\.count) == [3, 3, 3, 3], "row for \(permission)")
        }
    }

    @Test(arguments: Permission.allCases, Role.allCases)
    func decisionMatchesTable(permission: Permission, role: Role) throws {
        let row = try #require(Self.expected[permission])
        let column = try #require(Self.roleColumns.firstIndex(of: role))
        let cells = Array(row.split(separator: " ")[column])
        let staff = Staff(username: "s", role: role, branches: [Self.ownBranch, "E14000531"])
        for (index, branch) in Self.branchCases.enumerated() {
            let want = try #require(Self.cellMeaning[cells[index]], "cell '\(cells[index])'")
            let got = Authoriser.decide(staff: staff, permission: permission, branch: branch)
            #expect(got == want, "\(role) \(permission) branch \(branch ?? "none")")
        }
    }

    @Test func stableRawValues() {
        #expect(Role.allCases.map(\.rawValue) == ["national-admin", "dpo", "branch-officer", "auditor"])
        #expect(
            Permission.allCases.map(\.rawValue) == [
                "read-person", "search-people", "list-people", "create-person", "update-person", "change-status",
                "erase-person", "import-people", "export-people", "read-stats", "read-eligibility", "read-history",
                "read-ledger-metadata", "read-checkpoints", "manage-users",
            ])
        #expect(Authoriser.DenialReason.allCases.map(\.rawValue) == ["not_permitted", "outside_branch", "no_branch"])
    }
}
