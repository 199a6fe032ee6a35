import ArgumentParser
import MusterRegister

struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Print an inclusion proof that an entry is in the ledger.",
        discussion: "Check it offline with `muster ledger check-proof`, the public key and the checkpoint of that size.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "The entry's sequence number.")
    var entry: UInt64

    @Option(name: .long, help: "The tree size to prove against (default: the latest checkpoint's).")
    var size: UInt64?

    func run() async throws {
        try await runCommand {
            print(try await options.open().inclusionProof(entry: entry, size: size).text, terminator: "")
        }
    }
}

struct ConsistencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "Print a consistency proof: the ledger at --to extends the ledger at --from, unrewritten.")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "The older tree size (a checkpointed size).")
    var from: UInt64

    @Option(name: .long, help: "The newer tree size (a checkpointed size).")
    var to: UInt64

    func run() async throws {
        try await runCommand {
            print(try await options.open().consistencyProof(from: from, to: to).text, terminator: "")
        }
    }
}
