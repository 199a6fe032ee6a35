import ArgumentParser
import MusterRegister

struct FindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find people by exact email, phone, or postcode and last name.",
        discussion: "Matching ignores case and spacing (and how a UK phone number is written). Everyone sharing an email is listed.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "An email address.")
    var email: String?

    @Option(name: .long, help: "A phone number.")
    var phone: String?

    @Option(name: .long, help: "A postcode (with --last-name).")
    var postcode: String?

    @Option(name: .long, help: "A last name (with --postcode).")
    var lastName: String?

    @Option(name: .long, help: "Why you are looking (recorded in clear on the ledger: no personal data).")
    var reason: String?

    func validate() throws {
        let chosen = [email != nil, phone != nil, postcode != nil || lastName != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of --email, --phone, or --postcode with --last-name") }
        if (postcode == nil) != (lastName == nil) { throw ValidationError("--postcode and --last-name go together") }
    }

    var query: SearchQuery {
        if let email { return .email(email) }
        if let phone { return .phone(phone) }
        return .postcodeAndLastName(postcode: postcode ?? "", lastName: lastName ?? "")
    }

    func run() async throws {
        try await runCommand {
            let people = try await options.open().find(query, disclosure: Disclosure(channel: "cli find", reason: reason))
            for (index, person) in people.enumerated() {
                if index > 0 { print("") }
                PersonPrinter.lines(person).forEach { print($0) }
            }
            Terminal.printError("\(people.count) \(people.count == 1 ? "person" : "people") found")
            if people.isEmpty { throw ExitCode(66) }
        }
    }
}
