import ArgumentParser
import Foundation
import MusterRegister
import MusterServer
import MusterVault

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API server (JSON under /api/v1, /healthz, /readyz, /metrics).",
        discussion: """
            Logs are JSON lines on standard error, with a request id and never any personal data. \
            SIGTERM or SIGINT stops accepting connections, lets requests in flight finish, and exits 0. \
            With --demo, an empty data directory gets a synthetic register and a national admin \
            whose password and TOTP enrolment are printed once.
            """)

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on, host:port (port 0: any free port).", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @ArgumentParser.Flag(name: .long, help: "Create a demo register and a demo national admin when there are none.")
    var demo = false

    @Option(name: .long, help: "How many synthetic people --demo creates.")
    var demoPeople = 10_000

    @Option(name: .long, help: "Requests per second allowed per client address (burst: twice this).")
    var rate = 50.0

    @Option(name: .long, help: "Requests served at once; more are refused with 503.")
    var maxInFlight = 256

    @Option(name: .long, help: "The largest import body, in MiB.")
    var maxImportMib = 512

    @ArgumentParser.Flag(name: .long, help: "Take the client address from X-Forwarded-For (only behind a proxy that sets it).")
    var trustForwardedFor = false

    @Option(name: .long, help: "Requests per second allowed per staff account (burst: twice this).")
    var accountRate = 50.0

    @ArgumentParser.Flag(name: .long, help: ArgumentHelp("Add GET /bench/hello, a hello-world route, for benchmarks.", visibility: .hidden))
    var benchmarkRoute = false

    @OptionGroup var vaults: VaultOptions

    @Option(name: .long, help: ArgumentHelp("Where imports and exports are staged (outside the data directory; default: the system's temporary directory).", valueName: "dir"))
    var staging: String?

    func validate() throws {
        if Self.parseListen(listen) == nil { throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8080") }
        if demoPeople < 0 { throw ValidationError("--demo-people cannot be negative") }
        if !(rate > 0 && rate.isFinite) { throw ValidationError("--rate must be positive") }
        if !(accountRate > 0 && accountRate.isFinite) { throw ValidationError("--account-rate must be positive") }
        if maxInFlight < 1 { throw ValidationError("--max-in-flight must be at least 1") }
        if maxImportMib < 1 { throw ValidationError("--max-import-mib must be at least 1") }
    }

    func run() async throws {
        try await runCommand {
            MusterServer.bootstrapJSONLogging()
            let register: Register
            if demo {
                let (opened, report) = try await DemoSetup.prepare(options.serverConfiguration, people: demoPeople)
                register = opened
                Self.announce(report)
            } else {
                register = try await Register.open(options.serverConfiguration)
            }
            let (host, port) = Self.parseListen(listen)!
            var configuration = ServerConfiguration(
                host: host, port: port, perClient: .init(requestsPerSecond: rate, burst: max(1, Int(rate * 2))),
                maxInFlight: maxInFlight, maxImportBodyBytes: maxImportMib * 1024 * 1024, trustForwardedFor: trustForwardedFor,
                temporaryDirectory: staging)
            configuration.perAccount = .init(requestsPerSecond: accountRate, burst: max(1, Int(accountRate * 2)))
            configuration.benchmarkRoute = benchmarkRoute
            let shipper = vaults.urls.isEmpty ? nil : ContinuousShipper(register: register, vaults: try vaults.open())
            try await MusterServer.run(register: register, configuration: configuration, shipper: shipper) { address in
                Self.say("listening on http://\(address)")
            }
            Terminal.printError("muster: server stopped")
        }
    }

    /// `host:port`, `[v6]:port`.
    static func parseListen(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    static func announce(_ report: DemoSetup.Report) {
        if report.peopleAdded > 0 { say("demo: created a register of \(Terminal.grouped(report.peopleAdded)) synthetic people") }
        guard let admin = report.admin else { return }
        say("demo: national admin \(admin.username), password \(admin.password) (shown once)")
        say("demo: scan this into an authenticator app (shown once): \(admin.enrolment.otpauthURI)")
    }

    /// Prints a line and flushes at once (standard output may be a pipe).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
