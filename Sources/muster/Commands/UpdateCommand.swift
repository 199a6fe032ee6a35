import ArgumentParser
import MusterCore
import MusterRegister

struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of one person: muster update NUMBER field=value…",
        discussion: "Field names and value formats are the register CSV's. Use `muster status` for status changes.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The membership number.")
    var number: String

    @Argument(help: ArgumentHelp("Changes as field=value (e.g. email=new@example.org 'town=Hebden Bridge').", valueName: "field=value"))
    var changes: [String]

    func validate() throws {
        if changes.isEmpty { throw ValidationError("give at least one field=value") }
        _ = try parsedChanges()
    }

    func parsedChanges() throws -> [(Field, String)] {
        try changes.map { change in
            guard let equals = change.firstIndex(of: "=") else {
                throw ValidationError("'\(change.prefix(40))…' is not field=value")
            }
            let name = String(change[..<equals])
            guard let field = Field(rawValue: name) else {
                throw ValidationError("unknown field '\(name)'; fields are: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (field, String(change[change.index(after: equals)...]))
        }
    }

    func run() async throws {
        try await runCommand {
            let changed = try await options.open().update(number: number, changes: try parsedChanges())
            print(changed.isEmpty ? "\(number): nothing changed" : "\(number): updated \(changed.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
