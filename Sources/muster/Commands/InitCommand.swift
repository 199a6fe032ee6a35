import ArgumentParser
import MusterRegister

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a register: its data directory, and a new master key and signing key in the keys directory.",
        discussion: "Refuses a keys directory inside the data directory, and never overwrites existing keys.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "The ledger's name in its signed checkpoints, e.g. members.example.org/ledger (default: a random muster.local name).")
    var origin: String?

    func run() async throws {
        try await runCommand {
            let configuration = options.configuration
            _ = try await Register.initialise(configuration, origin: origin)
            print("created register in \(configuration.dataDirectory)")
            print("created keys in \(configuration.keysDirectory) (master.key, signing.key: keep them apart from the data, and backed up)")
        }
    }
}
