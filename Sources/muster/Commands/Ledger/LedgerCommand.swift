import ArgumentParser

/// `muster ledger …`: the append-only ledger: history, checkpoints, proofs, verification.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The append-only ledger of every change and disclosure.",
        subcommands: [
            HistoryCommand.self, CheckpointCommand.self, PublicKeyCommand.self, ProveCommand.self, ConsistencyCommand.self,
            CheckProofCommand.self, VerifyCommand.self, RebuildCommand.self,
        ])
}
