import ArgumentParser

/// `muster`: the membership register's command-line interface.
@main
struct Muster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muster",
        abstract: "A membership register that keeps personal data encrypted and every change on a ledger.",
        discussion: """
            Every command takes --data DIR and --keys DIR (defaults: $MUSTER_DATA or ./muster-data, \
            $MUSTER_KEYS or ./muster-keys). Keep the keys directory apart from the data: without it \
            no one can read a name.

            Exit status: 0 success; 1 unexpected failure; 64 bad usage; 65 invalid data (the \
            message names the file, line and column); 66 register, file or person not found; \
            69 a vault cannot be reached; 73 cannot create (already exists); 77 keys or token \
            missing or wrong.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self, AddCommand.self,
            ShowCommand.self, FindCommand.self, UpdateCommand.self, StatusCommand.self, EraseCommand.self,
            StatsCommand.self, EligibleCommand.self, LedgerCommand.self, ShipCommand.self, VaultCommand.self, RestoreCommand.self, DrillCommand.self, UserCommand.self, BenchCommand.self, ServeCommand.self,
        ])
}
