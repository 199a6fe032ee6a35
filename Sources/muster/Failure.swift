import ArgumentParser
import Foundation
import MusterAccess
import MusterCSV
import MusterCore
import MusterCrypto
import MusterLedger
import MusterRegister
import MusterStore
import MusterVault

/// Runs a command body, turning any failure into a one-line reason on standard error and an exit
/// status from the documented contract.
func runCommand(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let failure as ImportFailed {
        Terminal.printError(failure.description)
        throw ExitCode(65)
    } catch {
        let (message, status) = describe(error)
        Terminal.printError("muster: \(message)")
        throw ExitCode(status)
    }
}

/// The message and exit status for an error. Messages of Muster's own errors never carry
/// personal data; anything else is reported by its type only.
private func describe(_ error: any Error) -> (String, Int32) {
    switch error {
    case let e as RegisterError:
        switch e.code {
        case .notFound: return (e.message, 66)
        case .keys: return (e.message, 77)
        case .layout, .duplicate: return (e.message, 73)
        case .invalid, .importFailed, .erased: return (e.message, 65)
        case .corrupt: return (e.message, 1)
        case .denied: return (e.message, 77)
        }
    case let e as DomainError: return (e.message, 65)
    case let e as AccessError: return (e.message, 65)
    case let e as VaultError:
        switch e.code {
        case .notFound: return (e.description, 66)
        case .notAllowed: return (e.description, 77)
        case .conflict: return (e.description, 73)
        case .io: return (e.description, 69)
        default: return (e.description, 65)
        }
    case let e as KeyringError: return (e.message, e.code == .exists ? 73 : 77)
    case let e as CryptoFailure: return (e.message, 77)
    case let e as StoreError:
        switch e.code {
        case .notInitialised: return (e.message, 66)
        // EX_TEMPFAIL: try again later. A conflict is a write that met another made at the same
        // moment (two adds of one number, an update of someone just renumbered): tried again,
        // it gets the register's own answer (73 for a duplicate, 66 for someone gone).
        case .busy, .conflict: return (e.message, 75)
        default: return (e.message, 1)
        }
    case let e as CSVError: return (e.description, 65)
    case let e as ProofError: return ("proof rejected: \(e.message)", 65)
    case let e as MerkleError: return ("proof rejected: \(e.message)", 65)
    case let e as NoteError: return ("signature or checkpoint rejected: \(e.message)", 65)
    case let e as LedgerError: return ("verification failed: \(e.description)", 65)
    case let e as VerificationFailure: return ("verification failed: \(e.description)", 65)
    default: return ("unexpected failure (\(type(of: error)))", 1)
    }
}
