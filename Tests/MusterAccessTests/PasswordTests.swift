import Testing

@testable import MusterAccess

struct PasswordTests {
    /// The lowest cost bcrypt allows, so the suite stays fast.
    let hasher = PasswordHasher(cost: 4)

    @Test func hashesAndVerifies() throws {
        let hash = try hasher.hash("correct horse battery")
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(hash.utf8.count == 60)
        #expect(hasher.verify("correct horse battery", against: hash))
        #expect(!hasher.verify("correct horse batterY", against: hash))
        #expect(!hasher.verify("", against: hash))
    }

    @Test func saltsEveryHash() throws {
        #expect(try hasher.hash("same password here") != hasher.hash("same password here"))
    }

    @Test func malformedStoredHashNeverMatches() {
        #expect(!hasher.verify("correct horse battery", against: "not a hash"))
        #expect(!hasher.verify("correct horse battery", against: ""))
    }

    @Test(arguments: [
        ("short pw 11", AccessError.Code.passwordTooShort),
        (String(repeating: "a", count: 73), .passwordTooLong),
        (String(repeating: "é", count: 37), .passwordTooLong),  // 37 characters but 74 bytes
        ("twelve chars\u{0}and more", .passwordInvalidCharacter),
    ])
    func policyRefuses(password: String, code: AccessError.Code) {
        #expect(throws: AccessError.self) { try hasher.hash(password) }
        do {
            try PasswordPolicy().check(password)
            Issue.record("accepted")
        } catch {
            #expect(error.code == code)
            #expect(!error.message.contains(password))
        }
    }

    @Test(arguments: ["exactly12chr", String(repeating: "a", count: 72), String(repeating: "é", count: 36), "🔐🔐🔐🔐🔐🔐🔐🔐🔐🔐🔐🔐"])
    func policyAccepts(password: String) throws {
        try PasswordPolicy().check(password)
        #expect(hasher.verify(password, against: try hasher.hash(password)))
    }

    @Test func longerPasswordDoesNotMatchItsTruncation() throws {
        // bcrypt reads 72 bytes: without the check, anything after them would be ignored.
        let base = String(repeating: "k", count: 72)
        let hash = try hasher.hash(base)
        #expect(hasher.verify(base, against: hash))
        #expect(!hasher.verify(base + "anything", against: hash))
        #expect(!hasher.verify(String(base.prefix(20)) + "\u{0}", against: try hasher.hash(String(base.prefix(20)))))
    }

    @Test func rehashWhenCostChanges() throws {
        let hash = try hasher.hash("correct horse battery")
        #expect(!hasher.needsRehash(hash))
        #expect(PasswordHasher(cost: 5).needsRehash(hash))
        #expect(hasher.needsRehash("garbage"))
        #expect(PasswordHasher.cost(of: "$2y$10$" + String(repeating: "a", count: 53)) == 10)
    }

    @Test func dummyHashUsesTheConfiguredCost() {
        #expect(PasswordHasher.cost(of: hasher.dummyHash) == 4)
        #expect(PasswordHasher.cost(of: PasswordHasher(cost: 6).dummyHash) == 6)
    }

    /// A missing account must cost what a wrong password costs: the dummy check runs bcrypt
    /// at the hasher's own cost (checked structurally; timings belong in benchmarks, not tests).
    @Test(arguments: [4, 6])
    func dummyVerifyRunsBcryptAtTheSameCost(_ cost: Int) throws {
        let hasher = PasswordHasher(cost: cost)
        let real = try hasher.hash("correct horse battery")
        #expect(hasher.dummyHash.hasPrefix(String(real.prefix(7))), "\(hasher.dummyHash.prefix(7)) vs \(real.prefix(7))")
        #expect(hasher.dummyHash.count == 60)
        #expect(!hasher.verify("correct horse battery", against: hasher.dummyHash))
    }

    /// The versions for tasks give the same answers as the others.
    @Test func offLoopVersionsAgree() async throws {
        let hash = try await hasher.hashOffLoop("correct horse battery")
        #expect(hasher.verify("correct horse battery", against: hash))
        #expect(await hasher.verifyOffLoop("correct horse battery", against: hash))
        #expect(!(await hasher.verifyOffLoop("wrong horse battery!", against: hash)))
        await hasher.dummyVerifyOffLoop()
        await #expect(throws: AccessError.self) { try await hasher.hashOffLoop("short") }
    }

    @Test func defaults() {
        #expect(PasswordHasher.defaultCost == 12)
        #expect(PasswordPolicy().minimumLength == 12)
        #expect(PasswordPolicy(maximumBytes: 100).maximumBytes == 72)
    }
}
