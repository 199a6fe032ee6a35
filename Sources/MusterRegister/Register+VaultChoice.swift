import Foundation
import MusterCrypto
public import MusterVault

extension Register {
    /// Restores from the best of several vaults holding copies of the same log.
    ///
    /// Each vault is fetched and verified in turn (every hash, signature and consistency step,
    /// as for one vault). One that fails (a tampered or missing segment, or a vault that cannot
    /// be reached) is passed over and named in the report. Of those that verify, the one with
    /// the most entries up to `point` is restored from, the first given on a tie: a vault that
    /// fell behind while it was down is not preferred to one that is up to date. The chosen
    /// vault's verified segments are kept (in memory, beside the next vault's while that one is
    /// fetched) and restored as ``restore(from:into:until:)`` does, without fetching them again.
    public static func restore(
        from vaults: [any Vault], into configuration: RegisterConfiguration, until point: RestorePoint = .latest
    ) async throws -> RestoreReport {
        guard vaults.count > 1 else {
            guard let vault = vaults.first else { throw RegisterError(.invalid, "name a vault to restore from") }
            return try await restore(from: vault, into: configuration, until: point)
        }
        let started = Date()
        let keyring = try Keyring.load(from: configuration.keysDirectory)
        var passedOver: [String] = []
        var firstError: (any Error)?
        var best: (vault: any Vault, backup: VerifiedBackup, entries: Int)?
        for vault in vaults {
            do {
                let backup = try await VerifiedBackup.fetch(from: vault, keyring: keyring, point: point)
                let entries = try backup.count(upTo: point)
                if entries > best?.entries ?? -1 { best = (vault, backup, entries) }
            } catch {
                firstError = firstError ?? error
                passedOver.append("\(vault.location): \(describe(error))")
            }
        }
        guard let best else {
            let code = (firstError as? RegisterError)?.code ?? .corrupt
            throw RegisterError(code, "no vault could be restored from: " + passedOver.joined(separator: "; "))
        }
        var report = try await restore(from: best.vault, verified: best.backup, into: configuration, until: point)
        report.vault = best.vault.location
        report.passedOver = passedOver
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
