import ArgumentParser

/// `muster user …`: the staff accounts that may sign in to `muster serve`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage staff accounts: roles, passwords and mandatory TOTP.",
        discussion: """
            Roles: national-admin (everything), dpo (data-protection officer: history, exports, \
            erasure; no edits), branch-officer (read and update people in their --branch only; no \
            export), auditor (ledger metadata and checkpoints; no personal data). Every account \
            signs in with a password and a TOTP code.
            """,
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserResetMFACommand.self, UserPasswordCommand.self])
}
