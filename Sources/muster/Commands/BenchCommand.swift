import ArgumentParser
import Foundation
import MusterCSV
import MusterCore
import MusterCrypto
import MusterDemo
import MusterLedger
import MusterRegister

/// `muster bench`: micro-benchmarks of the hot paths, so a regression shows up in numbers.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the hot paths: encryption, blind indexes, Merkle appends, CSV parsing, disclosures.",
        discussion: "Run on a release build. The disclosure measurement writes to the register at --data (use a demo register).")

    @OptionGroup var options: RegisterOptions

    @Option(name: .long, help: "Records per measurement (default 200,000).")
    var count = 200_000

    @Option(name: .long, help: "Concurrent disclosures to record (default 2,000; 0 to skip).")
    var disclosures = 2_000

    func run() async throws {
        try await runCommand {
            let demo = DemoRegister(seed: 1, referenceDay: Day(iso: "2026-01-01")!)
            let people = (0..<min(count, 10_000)).map(demo.person(at:))
            let keyring = Keyring(master: .generate(), signing: .generate())
            let identities = people.map { RecordCodec.encode($0, fields: RecordCodec.identifyingFields) }
            let owner = Array(repeating: UInt8(7), count: 16)
            let key = DataKey.generate()

            report("seal identity (AES-256-GCM, \(identities[0].count) B)", count) { i in
                _ = key.seal(identities[i % identities.count], owner: owner)
            }
            let sealed = identities.map { key.seal($0, owner: owner) }
            report("open identity", count) { i in _ = try? key.open(sealed[i % sealed.count], owner: owner) }
            report("wrap data key", count) { _ in _ = keyring.wrapper.wrap(key, owner: owner) }
            let emails = people.map { MatchKey.email($0.identity.email) ?? "x" }
            report("blind index (HMAC-SHA256)", count) { i in _ = keyring.blindIndexes.email.digest(emails[i % emails.count]) }
            var tree = MerkleAppender()
            let leaves = (0..<1024).map { MerkleHash.leaf([UInt8(truncatingIfNeeded: $0)]) }
            report("Merkle append", count) { i in _ = tree.append(leafHash: leaves[i % leaves.count]) }

            var csv = RegisterCSV.headerRow.joined(separator: ",") + "\n"
            for person in people { csv += CSVWriter.encode(RegisterCSV.fields(of: person)) + "\n" }
            let bytes = Array(csv.utf8)
            let started = Date()
            var reader = CSVReader(bytes: bytes)
            let header = try RegisterHeader(reader.next()!, file: "bench")
            var rows = 0
            while let row = try reader.next() {
                if case .success = header.record(from: row, file: "bench") { rows += 1 }
            }
            let seconds = Date().timeIntervalSince(started)
            print(line("CSV parse + validate", String(format: "%10.0f rows/s  %6.1f MB/s", Double(rows) / seconds, Double(bytes.count) / seconds / 1e6)))

            if disclosures > 0 {
                let register = try await options.open()
                for grouped in [false, true] {
                    let (time, transactions, checkpoints) = try await register.benchmarkDisclosures(count: disclosures, grouped: grouped)
                    print(line(
                        "\(disclosures) disclosures, \(grouped ? "group commit" : "one transaction each")",
                        String(format: "%10.0f /s  (%d transactions, %d checkpoints)", Double(disclosures) / time, transactions, checkpoints)))
                }
            }
        }
    }

    private func report(_ name: String, _ iterations: Int, _ body: (Int) -> Void) {
        let started = Date()
        for i in 0..<iterations { body(i) }
        let seconds = Date().timeIntervalSince(started)
        print(line(name, String(format: "%10.2f µs  %10.0f /s", seconds / Double(iterations) * 1e6, Double(iterations) / seconds)))
    }

    private func line(_ name: String, _ figures: String) -> String {
        name.padding(toLength: 48, withPad: " ", startingAt: 0) + figures
    }
}
