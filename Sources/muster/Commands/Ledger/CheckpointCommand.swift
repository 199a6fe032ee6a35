import ArgumentParser
import MusterRegister

struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the latest signed checkpoint (C2SP tlog-checkpoint), exactly as signed.",
        discussion: "Check it with `muster ledger public-key` and any signed-note verifier. Needs no keys.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "The checkpoint signed at this tree size instead of the latest.")
    var size: UInt64?

    func run() async throws {
        try await runCommand {
            print(try await options.open().checkpoint(size: size), terminator: "")
        }
    }
}

struct PublicKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print the verifier key for this register's checkpoints (name+keyID+base64 key).",
        discussion: "Publish it: with it, anyone can check checkpoints and proofs, and no secret is needed.")

    @OptionGroup var options: RegisterOptions

    func run() async throws {
        try await runCommand {
            print(try await options.open().verifierKey())
        }
    }
}
