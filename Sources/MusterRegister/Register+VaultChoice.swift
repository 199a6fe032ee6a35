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
    /// vault is then restored from as ``restore(from:into:until:)`` does, which fetches it
    /// again: a restore from several vaults reads the chosen one twice.
    public static func restore(
        from vaults: [any Vault], into configuration: RegisterConfiguration, until point: RestorePoint = .latest
    ) async throws -> RestoreReport {
        guard vaults.count > 1 else {
            guard let vault = vaults.first else { throw RegisterError(.invalid, "name a vault to restore from") }
            return try await restore(from: vault, into: configuration, until: point)
        }
        let keyring = try Keyring.load(from: configuration.keysDirectory)
        var passedOver: [String] = []
        var firstError: (any Error)?
        var best: (vault: any Vault, entries: Int)?
        for vault in vaults {
            do {
                let entries = try await VerifiedBackup.fetch(from: vault, keyring: keyring, point: point).count(upTo: point)
                if entries > best?.entries ?? -1 { best = (vault, entries) }
            } catch {
                firstError = firstError ?? error
                passedOver.append("\(vault.location): \(describe(error))")
            }
        }
        guard let best else {
            let code = (firstError as? RegisterError)?.code ?? .corrupt
            throw RegisterError(code, "no vault could be restored from: " + passedOver.joined(separator: "; "))
        }
        var report = try await restore(from: best.vault, into: configuration, until: point)
        report.vault = best.vault.location
        report.passedOver = passedOver
        return report
    }
}
