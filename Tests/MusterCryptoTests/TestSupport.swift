import Foundation
import MusterTesting
import Testing
@testable import MusterCrypto


/// The raw bytes of a derived key, for comparisons.
func raw(_ purpose: KeyPurpose, of master: MasterKey) -> [UInt8] {
    master.derive(purpose).withUnsafeBytes { Array($0) }
}

/// A master key from the bytes 0x00, 0x01, …, 0x1f: fixed, so derived values can be pinned.
func countingMasterKey() -> MasterKey {
    try! MasterKey(rawBytes: (0..<32).map { UInt8($0) })
}

/// The code a throwing crypto call fails with, or `nil` when it succeeds.
func cryptoFailureCode<T>(_ body: () throws -> T) -> CryptoFailure.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as CryptoFailure {
        return error.code
    } catch {
        Issue.record("expected a CryptoFailure, got \(error)")
        return nil
    }
}

/// The code a throwing keyring call fails with, or `nil` when it succeeds.
func keyringErrorCode<T>(_ body: () throws -> T) -> KeyringError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as KeyringError {
        return error.code
    } catch {
        Issue.record("expected a KeyringError, got \(error)")
        return nil
    }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class ScratchDirectory: @unchecked Sendable {
    let path: String

    init(_ label: String = "muster-crypto-test") {
        path = NSTemporaryDirectory() + "/\(label)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to a file inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o600) -> String {
        let target = file(name)
        try! Data(bytes).write(to: URL(fileURLWithPath: target))
        setMode(target, mode)
        return target
    }
}

/// The permission bits of the file at `path`.
func mode(of path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
}

func setMode(_ path: String, _ mode: Int) {
    try! FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
}
