import ArgumentParser
import NIOCore
import NIOPosix

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
            69 a vault cannot be reached; 73 cannot create (already exists); 75 the register's \
            database was busy (another process wrote to it for longer than --wait, 30 s unless \
            set), or another process changed the same person at the same moment: try again; \
            77 keys or token missing or wrong.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self, AddCommand.self,
            ShowCommand.self, FindCommand.self, UpdateCommand.self, StatusCommand.self, EraseCommand.self,
            StatsCommand.self, EligibleCommand.self, LedgerCommand.self, ShipCommand.self, VaultCommand.self, RestoreCommand.self, DrillCommand.self, UserCommand.self, BenchCommand.self, ServeCommand.self,
        ])

    /// ArgumentParser's own `main`, with one step first: `muster serve` runs Swift's tasks on
    /// NIO's event loops instead of a second pool of threads. A request's task then runs on the
    /// loop that reads its connection, instead of hopping to a pool thread and back: measured on
    /// person GETs under 32 connections, 125 µs of CPU a request instead of 140. The hook must be
    /// installed before any task is made, by the main thread, so it is done here; only for
    /// `serve`, whose tasks never block for long (bcrypt runs off the loops: see
    /// `PasswordHasher`; SQLite writes on GRDB's writer thread).
    static func main() async {
        if CommandLine.arguments.dropFirst().first == ServeCommand.configuration.commandName {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch {
            exit(withError: error)
        }
    }
}
