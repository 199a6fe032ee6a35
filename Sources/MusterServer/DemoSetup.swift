import Foundation
public import MusterAccess
import MusterCore
import MusterDemo
public import MusterRegister
import MusterStore

/// `muster serve --demo`: a register of synthetic people and a national admin, so that an
/// empty directory gives a working server.
public enum DemoSetup {
    /// What the demo created, to print once.
    public struct Report: Sendable {
        /// Synthetic people added (0 when the register already existed).
        public var peopleAdded = 0
        /// The demo admin's one-time credentials, when one was created.
        public var admin: (username: String, password: String, enrolment: StaffEnrolment)?
    }

    /// The demo admin's username.
    public static let adminUsername = "demo-admin"

    /// Opens the register, or creates it with `people` synthetic people; then adds a national
    /// admin with a random password if the register has none.
    public static func prepare(
        _ configuration: RegisterConfiguration, people: Int, passwordCost: Int = PasswordHasher.defaultCost
    ) async throws -> (Register, Report) {
        var report = Report()
        let register: Register
        do {
            register = try await Register.open(configuration)
        } catch let error as StoreError where error.code == .notInitialised {
            register = try await Register.initialise(configuration)
            let today = Timestamp(secondsSinceEpoch: configuration.clock() / 1000).day
            let generator = DemoRegister(seed: 1, referenceDay: today)
            report.peopleAdded = try await register.importRecords(count: people, source: "demo", record: generator.person(at:)).created
        }
        let accounts = StaffAccounts(register: register, passwordCost: passwordCost)
        let admins = try await accounts.list().filter { $0.role == Role.nationalAdmin.rawValue && !$0.disabled }
        if admins.isEmpty {
            let password = randomPassword()
            let enrolment = try await accounts.add(username: adminUsername, role: .nationalAdmin, branches: [], password: password)
            report.admin = (adminUsername, password, enrolment)
        }
        return (register, report)
    }

    /// 24 random characters from a 62-letter alphabet (about 143 bits).
    static func randomPassword() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
