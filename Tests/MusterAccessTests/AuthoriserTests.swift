import Testing

@testable import MusterAccess

struct AuthoriserTests {
    let officer = Staff(username: "bo", role: .branchOfficer, branches: ["E14000530", "E14000531"])

    @Test func visibleBranchesPerRole() {
        let admin = Staff(username: "na", role: .nationalAdmin)
        let dpo = Staff(username: "dpo", role: .dataProtectionOfficer, branches: ["ignored"])
        let auditor = Staff(username: "au", role: .auditor)
        #expect(Authoriser.visibleBranches(staff: admin, permission: .listPeople) == nil)
        #expect(Authoriser.visibleBranches(staff: dpo, permission: .searchPeople) == nil)
        #expect(Authoriser.visibleBranches(staff: officer, permission: .listPeople) == ["E14000530", "E14000531"])
        #expect(Authoriser.visibleBranches(staff: officer, permission: .exportPeople) == [])
        #expect(Authoriser.visibleBranches(staff: auditor, permission: .listPeople) == [])
    }

    @Test func officerWithoutBranchesSeesNobody() {
        let lonely = Staff(username: "new", role: .branchOfficer)
        #expect(Authoriser.visibleBranches(staff: lonely, permission: .readPerson) == [])
        #expect(Authoriser.decide(staff: lonely, permission: .readPerson, branch: "E14000530") == .deny(.outsideBranch))
        #expect(Authoriser.decide(staff: lonely, permission: .readPerson, branch: nil) == .deny(.noBranch))
    }

    @Test func branchMatchIsExact() {
        // A prefix or different case is another branch, not a sub-branch.
        #expect(!Authoriser.decide(staff: officer, permission: .readPerson, branch: "E1400053").isAllowed)
        #expect(!Authoriser.decide(staff: officer, permission: .readPerson, branch: "e14000530").isAllowed)
        #expect(Authoriser.decide(staff: officer, permission: .readPerson, branch: "E14000531").isAllowed)
    }

    @Test func personalDataPermissionsAreTheReadsThatReturnPeople() {
        let personal = Set(Permission.allCases.filter(\.carriesPersonalData))
        #expect(personal == [.readPerson, .searchPeople, .listPeople, .exportPeople, .readEligibility, .readHistory])
    }

    @Test func auditorNeverReachesPersonalData() {
        let auditor = Staff(username: "au", role: .auditor, branches: ["E14000530"])
        for permission in Permission.allCases where permission.carriesPersonalData {
            for branch in ["E14000530", nil] as [String?] {
                #expect(!Authoriser.decide(staff: auditor, permission: permission, branch: branch).isAllowed)
            }
        }
    }

    @Test func mfaRequirementPerRole() {
        #expect(Role.allCases.filter(\.requiresMFA) == [.nationalAdmin, .dataProtectionOfficer, .branchOfficer])
    }

    /// Cross-check: any role that can reach personal data anywhere must require MFA.
    @Test(arguments: Role.allCases)
    func everyRoleThatReadsPersonalDataRequiresMFA(role: Role) {
        let staff = Staff(username: "s", role: role, branches: ["E14000530"])
        let reachesPersonalData = Permission.allCases.contains { permission in
            permission.carriesPersonalData
                && ["E14000530", "elsewhere", nil].contains { (branch: String?) in
                    Authoriser.decide(staff: staff, permission: permission, branch: branch).isAllowed
                }
        }
        if reachesPersonalData { #expect(role.requiresMFA) }
    }
}
