import ArgumentParser
import Foundation
import MusterCore
import MusterRegister

struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one person; each register field is an option (e.g. --first-name, --last-name, --category).",
        discussion: "Values use the register CSV's formats. Prints the membership number.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .customLong("membership-number"), help: "Assigned when omitted.")
    var membershipNumber: String?

    @Option(name: .customLong("category"), help: "member, affiliated_supporter, registered_supporter or contact.")
    var category: String?

    @Option(name: .customLong("status"), help: "The starting status (default: active).")
    var status: String?

    @Option(name: .customLong("title"), help: "The register CSV's title column.")
    var title: String?

    @Option(name: .customLong("first-name"), help: "The register CSV's first_name column.")
    var firstName: String?

    @Option(name: .customLong("last-name"), help: "The register CSV's last_name column.")
    var lastName: String?

    @Option(name: .customLong("email"), help: "The register CSV's email column.")
    var email: String?

    @Option(name: .customLong("phone"), help: "The register CSV's phone column.")
    var phone: String?

    @Option(name: .customLong("address-line1"), help: "The register CSV's address_line1 column.")
    var addressLine1: String?

    @Option(name: .customLong("address-line2"), help: "The register CSV's address_line2 column.")
    var addressLine2: String?

    @Option(name: .customLong("address-line3"), help: "The register CSV's address_line3 column.")
    var addressLine3: String?

    @Option(name: .customLong("town"), help: "The register CSV's town column.")
    var town: String?

    @Option(name: .customLong("county"), help: "The register CSV's county column.")
    var county: String?

    @Option(name: .customLong("postcode"), help: "The register CSV's postcode column.")
    var postcode: String?

    @Option(name: .customLong("date-of-birth"), help: "YYYY-MM-DD.")
    var dateOfBirth: String?

    @Option(name: .customLong("join-date"), help: "YYYY-MM-DD (default: today).")
    var joinDate: String?

    @Option(name: .customLong("region"), help: "The register CSV's region column.")
    var region: String?

    @Option(name: .customLong("constituency"), help: "The register CSV's constituency column.")
    var constituency: String?

    @Option(name: .customLong("branch"), help: "The register CSV's branch column.")
    var branch: String?

    @Option(name: .customLong("union-name"), help: "The register CSV's union_name column.")
    var unionName: String?

    @Option(name: .customLong("union-membership-number"), help: "The register CSV's union_membership_number column.")
    var unionMembershipNumber: String?

    @Option(name: .customLong("dues-amount"), help: "Pounds, e.g. 4.50.")
    var duesAmount: String?

    @Option(name: .customLong("dues-frequency"), help: "The register CSV's dues_frequency column.")
    var duesFrequency: String?

    @Option(name: .customLong("payment-method"), help: "The register CSV's payment_method column.")
    var paymentMethod: String?

    @Option(name: .customLong("consent-email"), help: "The register CSV's consent_email column.")
    var consentEmail: String?

    @Option(name: .customLong("consent-phone"), help: "The register CSV's consent_phone column.")
    var consentPhone: String?

    @Option(name: .customLong("consent-post"), help: "The register CSV's consent_post column.")
    var consentPost: String?

    @Option(name: .customLong("consent-sms"), help: "The register CSV's consent_sms column.")
    var consentSMS: String?

    @Option(name: .customLong("consent-updated-at"), help: "The register CSV's consent_updated_at column.")
    var consentUpdatedAt: String?

    @Option(name: .customLong("updated-at"), help: "The register CSV's updated_at column.")
    var updatedAt: String?

    @Option(name: .customLong("notes"), help: "The register CSV's notes column.")
    var notes: String?

    /// The options given, as register fields.
    var givenFields: [(Field, String)] {
        let all: [(Field, String?)] = [
            (.membershipNumber, membershipNumber),
            (.category, category),
            (.status, status),
            (.title, title),
            (.firstName, firstName),
            (.lastName, lastName),
            (.email, email),
            (.phone, phone),
            (.addressLine1, addressLine1),
            (.addressLine2, addressLine2),
            (.addressLine3, addressLine3),
            (.town, town),
            (.county, county),
            (.postcode, postcode),
            (.dateOfBirth, dateOfBirth),
            (.joinDate, joinDate),
            (.region, region),
            (.constituency, constituency),
            (.branch, branch),
            (.unionName, unionName),
            (.unionMembershipNumber, unionMembershipNumber),
            (.duesAmount, duesAmount),
            (.duesFrequency, duesFrequency),
            (.paymentMethod, paymentMethod),
            (.consentEmail, consentEmail),
            (.consentPhone, consentPhone),
            (.consentPost, consentPost),
            (.consentSMS, consentSMS),
            (.consentUpdatedAt, consentUpdatedAt),
            (.updatedAt, updatedAt),
            (.notes, notes),
        ]
        return all.compactMap { field, value in value.map { (field, $0) } }
    }

    func validate() throws {
        if category == nil { throw ValidationError("--category is required") }
    }

    func run() async throws {
        try await runCommand {
            let today = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).day
            var record = PersonRecord.blank
            record.status = .active
            record.joinDate = today
            for (field, text) in givenFields {
                do throws(DomainError) {
                    try record.set(field, text: text)
                } catch {
                    throw RegisterError(.invalid, "--\(field.rawValue.replacingOccurrences(of: "_", with: "-")): \(error.message)")
                }
            }
            let number = try await options.open().add(record)
            print(number)
        }
    }
}
