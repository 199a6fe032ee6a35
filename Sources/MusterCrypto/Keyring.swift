import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The keys of one register, as loaded from its keys directory.
///
/// The keys directory holds two files, each readable by its owner only (0600):
/// `master.key` (256-bit master key) and `signing.key` (Ed25519). It is kept apart from the data
/// directory, so a copy of the data is useless without it.
public struct Keyring: Sendable {
    public let master: MasterKey
    public let signing: SigningKey
    public let wrapper: KeyWrapper
    public let blindIndexes: BlindIndexKeys

    public init(master: MasterKey, signing: SigningKey) {
        self.master = master
        self.signing = signing
        self.wrapper = KeyWrapper(master: master)
        self.blindIndexes = BlindIndexKeys(master: master)
    }

    static let masterFile = "master.key"
    static let signingFile = "signing.key"
    static let masterLabel = "muster-master-key-v1"
    static let signingLabel = "muster-signing-key-v1"

    /// Creates a new keyring in `directory` (made 0700 if absent). Refuses to overwrite keys.
    public static func create(in directory: String) throws(KeyringError) -> Keyring {
        // Check both files first: O_EXCL alone would refuse the second file only after writing
        // the first, leaving a fresh master key beside an old signing key (or the reverse).
        guard !exists(in: directory) else {
            throw KeyringError(.exists, "the keys directory \(directory) already holds keys")
        }
        let keyring = Keyring(master: .generate(), signing: .generate())
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KeyringError(.unreadable, "cannot create the keys directory \(directory)")
        }
        try writeKeyFile(directory + "/" + masterFile, label: masterLabel, bytes: keyring.master.rawBytes)
        try writeKeyFile(directory + "/" + signingFile, label: signingLabel, bytes: keyring.signing.rawBytes)
        return keyring
    }

    /// Loads the keyring from `directory`, refusing key files that others could read.
    public static func load(from directory: String) throws(KeyringError) -> Keyring {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KeyringError(.missing, "no keys directory at \(directory): personal data cannot be read or written without it")
        }
        do {
            let master = try MasterKey(rawBytes: readKeyFile(directory + "/" + masterFile, label: masterLabel))
            let signing = try SigningKey(rawBytes: readKeyFile(directory + "/" + signingFile, label: signingLabel))
            return Keyring(master: master, signing: signing)
        } catch let error as KeyringError {
            throw error
        } catch {
            throw KeyringError(.malformed, "a key file in \(directory) is not valid")
        }
    }

    /// Whether `directory` holds any key file (so `create` would refuse).
    public static func exists(in directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + masterFile)
            || FileManager.default.fileExists(atPath: directory + "/" + signingFile)
    }

    private static func writeKeyFile(_ path: String, label: String, bytes: [UInt8]) throws(KeyringError) {
        let text = label + "\n" + Data(bytes).base64EncodedString() + "\n"
        // O_EXCL: never replace an existing key; the mode is set at creation, never widened.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw KeyringError(errno == EEXIST ? .exists : .unreadable, "cannot create key file \(path)")
        }
        defer { close(fd) }
        let written = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count, fsync(fd) == 0 else {
            throw KeyringError(.unreadable, "cannot write key file \(path)")
        }
    }

    private static func readKeyFile(_ path: String, label: String) throws(KeyringError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw KeyringError(.missing, "missing key file \(path)") }
        guard info.st_mode & 0o077 == 0 else {
            throw KeyringError(.insecure, "key file \(path) is readable by others; run: chmod 600 \(path)")
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw KeyringError(.unreadable, "cannot read key file \(path)")
        }
        guard let text = String(data: contents, encoding: .utf8) else {
            throw KeyringError(.malformed, "key file \(path) is not a \(label) file")
        }
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == label, let data = Data(base64Encoded: String(lines[1])) else {
            throw KeyringError(.malformed, "key file \(path) is not a \(label) file")
        }
        return Array(data)
    }
}

/// Why a keyring could not be created or loaded.
public struct KeyringError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case missing, exists, insecure, malformed, unreadable
    }

    public var code: Code
    public var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
