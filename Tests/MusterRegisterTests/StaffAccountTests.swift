import Foundation
import MusterAccess
import MusterCore
import MusterLedger
import MusterStore
import MusterTesting
import Synchronization
import Testing

@testable import MusterRegister

/// Staff accounts: enrolment, sign-in with password and TOTP, tokens, and what each refusal
/// (does not) reveal.
@Suite struct StaffAccountTests {
    /// A register whose clock the test moves.
    final class Clock: Sendable {
        let milliseconds = Mutex<Int64>(1_780_315_200_000)
    }

    final class Subject: Sendable {
        let directory = TemporaryDirectory("muster-staff")
        let clock = Clock()
        let register: Register
        let accounts: StaffAccounts

        init() async throws {
            let clock = self.clock
            register = try await Register.initialise(
                RegisterConfiguration(
                    dataDirectory: directory.file("data"), keysDirectory: directory.file("keys"), actor: "test:admin",
                    clock: { clock.milliseconds.withLock { $0 } }))
            accounts = StaffAccounts(register: register, passwordCost: 4)
        }

        var now: Timestamp { Timestamp(secondsSinceEpoch: clock.milliseconds.withLock { $0 } / 1000) }

        func advance(seconds: Int64) {
            clock.milliseconds.withLock { $0 += seconds * 1000 }
        }

        /// The current code for an enrolment, as the staff member's phone shows it.
        func code(_ enrolment: StaffEnrolment) throws -> String {
            try #require(try TOTPSecret(base32: enrolment.totpSecret).code(at: now))
        }
    }

    static let password = "correct horse battery staple"

    @Test func aStaffMemberSignsInWithPasswordAndCodeAndTheTokenAuthenticates() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(
            username: "bo.north", role: .branchOfficer, branches: ["North branch"], password: Self.password)
        #expect(enrolment.otpauthURI.hasPrefix("otpauth://totp/Muster:bo.north?secret=\(enrolment.totpSecret)"))
        let signIn = try await subject.accounts.signIn(username: "bo.north", password: Self.password, code: try subject.code(enrolment))
        #expect(signIn.staff == Staff(username: "bo.north", role: .branchOfficer, branches: ["North branch"]))
        #expect(try await subject.accounts.authenticate(token: signIn.token) == signIn.staff)
        let listed = try await subject.accounts.list()
        #expect(listed.map(\.username) == ["bo.north"] && listed[0].mfaEnrolled && !listed[0].disabled)
    }

    @Test func everyFailedSignInLooksTheSame() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(username: "dpo", role: .dataProtectionOfficer, branches: [], password: Self.password)
        let code = try subject.code(enrolment)
        let attempts: [(String, String, String)] = [
            ("nobody", Self.password, code),  // no such account
            ("dpo", "wrong password here", code),  // wrong password
            ("dpo", Self.password, code == "000000" ? "111111" : "000000"),  // wrong code
            ("dpo", Self.password, "12345"),  // malformed code
        ]
        var messages: Set<String> = []
        for (username, password, code) in attempts {
            do {
                _ = try await subject.accounts.signIn(username: username, password: password, code: code)
                Issue.record("sign-in as \(username) should have failed")
            } catch let error as RegisterError {
                #expect(error.code == .denied)
                messages.insert(error.message)
            }
        }
        #expect(messages.count == 1, "\(messages)")
    }

    @Test func aCodeWorksOnceOnly() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(username: "admin", role: .nationalAdmin, branches: [], password: Self.password)
        let code = try subject.code(enrolment)
        _ = try await subject.accounts.signIn(username: "admin", password: Self.password, code: code)
        await #expect(throws: RegisterError.self) {
            try await subject.accounts.signIn(username: "admin", password: Self.password, code: code)
        }
        subject.advance(seconds: 30)
        _ = try await subject.accounts.signIn(username: "admin", password: Self.password, code: try subject.code(enrolment))
    }

    @Test func tokensExpireAndDisablingRevokesThemAtOnce() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(username: "audit", role: .auditor, branches: [], password: Self.password)
        let short = try await subject.accounts.signIn(
            username: "audit", password: Self.password, code: try subject.code(enrolment), lifetime: .seconds(60))
        _ = try await subject.accounts.authenticate(token: short.token)
        subject.advance(seconds: 61)
        await #expect(throws: RegisterError.self) { try await subject.accounts.authenticate(token: short.token) }

        let live = try await subject.accounts.signIn(username: "audit", password: Self.password, code: try subject.code(enrolment))
        _ = try await subject.accounts.authenticate(token: live.token)
        try await subject.accounts.disable(username: "audit")
        await #expect(throws: RegisterError.self) { try await subject.accounts.authenticate(token: live.token) }
        subject.advance(seconds: 30)
        await #expect(throws: RegisterError.self) {
            try await subject.accounts.signIn(username: "audit", password: Self.password, code: try subject.code(enrolment))
        }
        await #expect(throws: RegisterError.self) { try await subject.accounts.authenticate(token: "mst_forged") }
    }

    @Test func signingOutRevokesOnlyThatToken() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(username: "admin", role: .nationalAdmin, branches: [], password: Self.password)
        let one = try await subject.accounts.signIn(username: "admin", password: Self.password, code: try subject.code(enrolment))
        subject.advance(seconds: 30)
        let two = try await subject.accounts.signIn(username: "admin", password: Self.password, code: try subject.code(enrolment))
        try await subject.accounts.revoke(token: one.token)
        await #expect(throws: RegisterError.self) { try await subject.accounts.authenticate(token: one.token) }
        _ = try await subject.accounts.authenticate(token: two.token)
    }

    /// Another process (here another set of accounts on the same register, as the CLI or a
    /// second server would be) revokes a token this one has just checked: it is refused here
    /// once the recheck time has passed, not before, and never after a read that saw it revoked.
    @Test func aRevocationElsewhereReachesThisProcessWithinTheRecheckTime() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(username: "dpo", role: .dataProtectionOfficer, branches: [], password: Self.password)
        let signIn = try await subject.accounts.signIn(username: "dpo", password: Self.password, code: try subject.code(enrolment))
        _ = try await subject.accounts.authenticate(token: signIn.token)
        let elsewhere = StaffAccounts(register: subject.register, passwordCost: 4)
        try await elsewhere.revoke(token: signIn.token)
        await #expect(throws: RegisterError.self) { try await elsewhere.authenticate(token: signIn.token) }
        #expect(try await subject.accounts.authenticate(token: signIn.token).username == "dpo", "trusted from memory for a moment")
        subject.advance(seconds: 2)
        await #expect(throws: RegisterError.self) { try await subject.accounts.authenticate(token: signIn.token) }
        subject.advance(seconds: -2)
        await #expect(throws: RegisterError.self, "a refusal is not cached as a success") {
            try await subject.accounts.authenticate(token: signIn.token)
        }

        let uncached = StaffAccounts(register: subject.register, passwordCost: 4, recheckTokensAfter: .zero)
        subject.advance(seconds: 30)
        let second = try await uncached.signIn(username: "dpo", password: Self.password, code: try subject.code(enrolment))
        _ = try await uncached.authenticate(token: second.token)
        try await elsewhere.disable(username: "dpo")
        await #expect(throws: RegisterError.self) { try await uncached.authenticate(token: second.token) }
    }

    @Test func resettingMFAReplacesTheSecretAndRevokesTokens() async throws {
        let subject = try await Subject()
        let old = try await subject.accounts.add(username: "admin", role: .nationalAdmin, branches: [], password: Self.password)
        let signIn = try await subject.accounts.signIn(username: "admin", password: Self.password, code: try subject.code(old))
        let new = try await subject.accounts.resetMFA(username: "admin")
        #expect(new.totpSecret != old.totpSecret)
        await #expect(throws: RegisterError.self) { try await subject.accounts.authenticate(token: signIn.token) }
        subject.advance(seconds: 30)
        let oldCode = try subject.code(old)
        let newCode = try subject.code(new)
        if oldCode != newCode {
            await #expect(throws: RegisterError.self) {
                try await subject.accounts.signIn(username: "admin", password: Self.password, code: oldCode)
            }
        }
        _ = try await subject.accounts.signIn(username: "admin", password: Self.password, code: newCode)
    }

    @Test func accountRulesAreChecked() async throws {
        let subject = try await Subject()
        await #expect(throws: RegisterError.self) {
            try await subject.accounts.add(username: "bo", role: .branchOfficer, branches: [], password: Self.password)
        }
        await #expect(throws: RegisterError.self) {
            try await subject.accounts.add(username: "Bad Name", role: .auditor, branches: [], password: Self.password)
        }
        await #expect(throws: AccessError.self) {
            try await subject.accounts.add(username: "short", role: .auditor, branches: [], password: "short")
        }
        _ = try await subject.accounts.add(username: "one", role: .auditor, branches: [], password: Self.password)
        await #expect(throws: RegisterError.self) {
            try await subject.accounts.add(username: "one", role: .auditor, branches: [], password: Self.password)
        }
    }

    /// Account changes are on the ledger (no secrets there), the ledger still verifies, and the
    /// database holds neither the TOTP secret nor the password nor any token in clear.
    @Test func accountChangesAreLedgeredAndSecretsNeverStoredInClear() async throws {
        let subject = try await Subject()
        let enrolment = try await subject.accounts.add(username: "dpo", role: .dataProtectionOfficer, branches: [], password: Self.password)
        let signIn = try await subject.accounts.signIn(username: "dpo", password: Self.password, code: try subject.code(enrolment))
        try await subject.accounts.disable(username: "dpo")
        let kinds = try await subject.register.store.read { tx in
            var kinds: [EntryKind] = []
            try tx.forEachEntry(from: 1) { _, bytes, _ in kinds.append(try LedgerEntry(encoded: bytes).kind) }
            return kinds
        }
        #expect(kinds == [.staff, .staff])
        _ = try await subject.register.verify()
        let secret = try TOTPSecret(base32: enrolment.totpSecret)
        let hits = try CanaryScan.scan(subject.directory.file("data"), for: [enrolment.totpSecret, Self.password, signIn.token])
        #expect(hits.isEmpty, "\(hits)")
        var raw: [UInt8] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: subject.directory.file("data")) {
            raw += Array(FileManager.default.contents(atPath: subject.directory.file("data/\(file)")) ?? Data())
        }
        #expect(CanaryScan.occurrences(of: secret.bytes, in: raw).isEmpty)
        #expect(!CanaryScan.occurrences(of: Array("dpo".utf8), in: raw).isEmpty, "the scan sees the files")
    }
}
