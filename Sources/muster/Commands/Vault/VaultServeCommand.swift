import ArgumentParser
import Foundation
import Hummingbird
import MusterLedger
import MusterVaultServer

struct VaultServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run an append-only vault server (on another host, under other credentials).",
        discussion: """
            Accepts only new segments that extend the register's verified log (checked against \
            --public-key), from holders of the token, and serves them for restore. Nothing can be \
            deleted or overwritten through it; key-store snapshots older than --retention-days \
            (default 30, by this server's clock) are the only files it ever removes.
            """)

    @Option(name: .long, help: ArgumentHelp("The vault directory (created 0700 if missing).", valueName: "dir"))
    var dir: String

    @Option(name: .long, help: ArgumentHelp("Address and port to listen on (default 127.0.0.1:8440).", valueName: "host:port"))
    var listen = "127.0.0.1:8440"

    @Option(name: .long, help: ArgumentHelp("The register's verifier key (`muster ledger public-key`).", valueName: "key"))
    var publicKey: String

    @Option(name: .long, help: ArgumentHelp("A file holding the token shippers must present.", valueName: "file"))
    var tokenFile: String

    @Option(name: .long, help: "Days to keep key-store snapshots (default 30).")
    var retentionDays = 30

    func run() async throws {
        try await runCommand {
            let verifier = try NoteVerifier(verifierKey: publicKey)
            guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
                token.utf8.count >= 16
            else {
                throw ValidationError("the token file must hold a token of at least 16 characters")
            }
            let (host, port) = try Self.address(listen)
            if !FileManager.default.fileExists(atPath: dir) {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            let keeper = try VaultKeeper(directory: dir, verifier: verifier, retention: TimeInterval(retentionDays) * 24 * 3600)
            let app = Application(
                router: VaultServer.router(keeper: keeper, token: token),
                configuration: .init(address: .hostname(host, port: port), serverName: "muster-vault"),
                onServerRunning: { channel in
                    let line = "vault serving \(dir) on \(channel.localAddress.map { "\($0)" } ?? listen), holding \(await keeper.head) entries\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                })
            try await app.runService()
        }
    }

    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen takes host:port, e.g. 127.0.0.1:8440")
        }
        return (String(text[..<colon]), port)
    }
}
