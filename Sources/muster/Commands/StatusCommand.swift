import ArgumentParser
import MusterCore
import MusterRegister

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Change a person's lifecycle status, e.g. muster status M1000001 lapsed.",
        discussion: "Only allowed transitions are accepted (deceased is final); suspension, expulsion and readmission need --reason.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The membership number.")
    var number: String

    @Argument(help: ArgumentHelp("The new status: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
    var status: String

    @Option(name: .long, help: "Why (kept encrypted with the person's data).")
    var reason: String?

    func validate() throws {
        if Status(rawValue: status) == nil { throw ValidationError("unknown status '\(status)'") }
    }

    func run() async throws {
        try await runCommand {
            try await options.open().changeStatus(number: number, to: Status(rawValue: status)!, reason: reason)
            print("\(number): status is now \(status)")
        }
    }
}
