import ArgumentParser
import Foundation
import MusterLedger

struct CheckProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-proof",
        abstract: "Verify a proof offline from the public key and signed checkpoint(s) alone.",
        discussion: "Needs no register and no keys directory: anyone given the files can run it.")

    @Option(name: .long, help: "The verifier key (from `muster ledger public-key`).")
    var publicKey: String

    @Option(name: .long, help: ArgumentHelp("The signed checkpoint the proof is against.", valueName: "file"))
    var checkpoint: String

    @Option(name: .long, help: ArgumentHelp("For a consistency proof: the older signed checkpoint.", valueName: "file"))
    var oldCheckpoint: String?

    @Option(name: .long, help: ArgumentHelp("The proof (from `muster ledger prove` or `consistency`).", valueName: "file"))
    var proof: String

    func run() async throws {
        try await runCommand {
            let proofFile = try ProofFile(text: try read(proof))
            let verdict = try ProofChecker.check(
                proof: proofFile, checkpoint: try read(checkpoint), previousCheckpoint: try oldCheckpoint.map(read),
                verifierKey: publicKey)
            print("verified: \(verdict)")
        }
    }

    private func read(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        return text
    }
}
