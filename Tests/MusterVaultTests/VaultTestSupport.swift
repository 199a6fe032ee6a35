import Foundation
import MusterLedger
import MusterTesting
import Testing

@testable import MusterVault

/// The error a throwing vault call fails with, or `nil` when it succeeds.
func vaultError<T>(_ body: () throws -> T) -> VaultError? {
    do {
        _ = try body()
        return nil
    } catch let error as VaultError {
        return error
    } catch {
        Issue.record("expected a VaultError, got \(error)")
        return nil
    }
}

/// The code a throwing vault call fails with, or `nil` when it succeeds.
func vaultErrorCode<T>(_ body: () throws -> T) -> VaultError.Code? {
    vaultError(body)?.code
}

/// `bytes` with its trailing SHA-256 recomputed, so that a test reaches the parser.
func rehashed(_ bytes: [UInt8]) -> [UInt8] {
    let body = Array(bytes.dropLast(32))
    return body + EntryHash.of(body).bytes  // plain SHA-256
}

extension TemporaryDirectory {
    /// Every name in the directory, hidden ones included.
    var allNames: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
}
