import Foundation
import Testing
@testable import MusterCrypto

struct KeyringTests {
    @Test func createWritesOwnerOnlyFilesInAnOwnerOnlyDirectory() throws {
        let scratch = ScratchDirectory()
        let keys = scratch.file("keys")
        _ = try Keyring.create(in: keys)
        #expect(mode(of: keys) == 0o700)
        #expect(mode(of: keys + "/master.key") == 0o600)
        #expect(mode(of: keys + "/signing.key") == 0o600)
        #expect(Keyring.exists(in: keys))
    }

    @Test func createMakesIntermediateDirectories() throws {
        let scratch = ScratchDirectory()
        let keys = scratch.file("a/b/keys")
        _ = try Keyring.create(in: keys)
        #expect(mode(of: keys) == 0o700)
        #expect(try Keyring.load(from: keys).master.fingerprint.count == 32)
    }

    @Test func keyFilesHoldALabelAndBase64() throws {
        let scratch = ScratchDirectory()
        let keyring = try Keyring.create(in: scratch.path)
        let master = try String(contentsOfFile: scratch.file("master.key"), encoding: .utf8)
        #expect(master == "muster-master-key-v1\n" + Data(keyring.master.rawBytes).base64EncodedString() + "\n")
        let signing = try String(contentsOfFile: scratch.file("signing.key"), encoding: .utf8)
        #expect(signing == "muster-signing-key-v1\n" + Data(keyring.signing.rawBytes).base64EncodedString() + "\n")
    }

    @Test func loadGivesBackTheSameKeys() throws {
        let scratch = ScratchDirectory()
        let created = try Keyring.create(in: scratch.path)
        let loaded = try Keyring.load(from: scratch.path)
        #expect(loaded.master.fingerprint == created.master.fingerprint)
        #expect(loaded.master.rawBytes == created.master.rawBytes)
        #expect(loaded.signing.publicKeyBytes == created.signing.publicKeyBytes)
        // The derived keys work across the reload.
        let owner: [UInt8] = Array(repeating: 5, count: 16)
        let dataKey = DataKey.generate()
        let wrapped = created.wrapper.wrap(dataKey, owner: owner)
        let sealed = dataKey.seal([1, 2, 3], owner: owner)
        #expect(try loaded.wrapper.unwrap(wrapped, owner: owner).open(sealed, owner: owner) == [1, 2, 3])
        #expect(loaded.blindIndexes.email.digest("x@example.org") == created.blindIndexes.email.digest("x@example.org"))
    }

    @Test func twoNewKeyringsDiffer() throws {
        let a = try Keyring.create(in: ScratchDirectory().path)
        let b = try Keyring.create(in: ScratchDirectory().path)
        #expect(a.master.fingerprint != b.master.fingerprint)
        #expect(a.signing.publicKeyBytes != b.signing.publicKeyBytes)
    }

    @Test func createRefusesWhenKeysExistAndLeavesThemAlone() throws {
        let scratch = ScratchDirectory()
        let first = try Keyring.create(in: scratch.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.file("master.key")))
        #expect(keyringErrorCode { try Keyring.create(in: scratch.path) } == .exists)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file("master.key"))) == before)
        #expect(try Keyring.load(from: scratch.path).master.fingerprint == first.master.fingerprint)
    }

    @Test func createRefusesWhenOnlyOneKeyFileExistsAndWritesNothing() throws {
        // A lone signing key (say, a half-restored keys directory) must not gain a fresh master
        // key beside it: that would load as a keyring that can read nothing.
        let scratch = ScratchDirectory()
        scratch.write("signing.key", Array("muster-signing-key-v1\nAAAA\n".utf8))
        #expect(Keyring.exists(in: scratch.path))
        #expect(keyringErrorCode { try Keyring.create(in: scratch.path) } == .exists)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("master.key")))

        let other = ScratchDirectory()
        other.write("master.key", Array("muster-master-key-v1\nAAAA\n".utf8))
        #expect(keyringErrorCode { try Keyring.create(in: other.path) } == .exists)
        #expect(!FileManager.default.fileExists(atPath: other.file("signing.key")))
    }

    @Test(arguments: ["master.key", "signing.key"], [0o644, 0o640, 0o604, 0o660, 0o606, 0o700])
    func loadRefusesKeyFilesOthersCouldRead(file: String, fileMode: Int) throws {
        let scratch = ScratchDirectory()
        _ = try Keyring.create(in: scratch.path)
        setMode(scratch.file(file), fileMode)
        let code = keyringErrorCode { try Keyring.load(from: scratch.path) }
        // 0700 only adds the owner's execute bit: odd, but nobody else can read the key.
        #expect(code == (fileMode == 0o700 ? nil : .insecure), "\(file) mode \(String(fileMode, radix: 8))")
    }

    @Test func loadAcceptsOwnerReadOnlyFiles() throws {
        let scratch = ScratchDirectory()
        let created = try Keyring.create(in: scratch.path)
        setMode(scratch.file("master.key"), 0o400)
        setMode(scratch.file("signing.key"), 0o400)
        #expect(try Keyring.load(from: scratch.path).master.fingerprint == created.master.fingerprint)
    }

    @Test func loadRefusesAMissingDirectory() {
        let scratch = ScratchDirectory()
        #expect(keyringErrorCode { try Keyring.load(from: scratch.file("nowhere")) } == .missing)
        #expect(!Keyring.exists(in: scratch.file("nowhere")))
    }

    @Test func loadRefusesAFileInPlaceOfTheDirectory() {
        let scratch = ScratchDirectory()
        let path = scratch.write("keys", [1, 2, 3])
        #expect(keyringErrorCode { try Keyring.load(from: path) } == .missing)
    }

    @Test(arguments: ["master.key", "signing.key"])
    func loadRefusesAMissingKeyFile(file: String) throws {
        let scratch = ScratchDirectory()
        _ = try Keyring.create(in: scratch.path)
        try FileManager.default.removeItem(atPath: scratch.file(file))
        #expect(keyringErrorCode { try Keyring.load(from: scratch.path) } == .missing)
    }

    @Test func loadRefusesAnEmptyDirectory() {
        let scratch = ScratchDirectory()
        #expect(keyringErrorCode { try Keyring.load(from: scratch.path) } == .missing)
        #expect(!Keyring.exists(in: scratch.path))
    }

    static let thirtyOne = Data([UInt8](repeating: 7, count: 31)).base64EncodedString()
    static let thirtyTwo = Data([UInt8](repeating: 7, count: 32)).base64EncodedString()

    /// Corrupted key files, each written over one of the two files of a good keyring.
    static let corruptions: [(file: String, bytes: [UInt8])] = [
        ("master.key", []),
        ("master.key", Array("muster-master-key-v1\n".utf8)),
        ("master.key", Array("muster-master-key-v1\n!!not base64!!\n".utf8)),
        ("master.key", Array("muster-master-key-v1\n\(thirtyOne)\n".utf8)),
        ("master.key", Array("muster-signing-key-v1\n\(thirtyTwo)\n".utf8)),
        ("master.key", Array("muster-master-key-v1\n\(thirtyTwo)\nextra\n".utf8)),
        ("master.key", [0xFF, 0xFE, 0x00, 0x80, 0xC3, 0x28, 0x9F]),
        ("signing.key", Array("muster-signing-key-v1\n\(thirtyOne)\n".utf8)),
        ("signing.key", Array("muster-master-key-v1\n\(thirtyTwo)\n".utf8)),
        ("signing.key", Array("garbage".utf8)),
        ("signing.key", [0x00, 0xFF, 0xC0, 0xAF, 0x0A, 0xED, 0xA0, 0x80]),
    ]

    @Test(arguments: corruptions)
    func loadRefusesACorruptedKeyFile(corruption: (file: String, bytes: [UInt8])) throws {
        let scratch = ScratchDirectory()
        _ = try Keyring.create(in: scratch.path)
        try FileManager.default.removeItem(atPath: scratch.file(corruption.file))
        scratch.write(corruption.file, corruption.bytes)
        #expect(keyringErrorCode { try Keyring.load(from: scratch.path) } == .malformed)
    }

    @Test func errorsNeverCarryKeyMaterial() throws {
        let scratch = ScratchDirectory()
        let created = try Keyring.create(in: scratch.path)
        setMode(scratch.file("master.key"), 0o644)
        do {
            _ = try Keyring.load(from: scratch.path)
            Issue.record("loaded an insecure keyring")
        } catch {
            #expect(error.code == .insecure)
            #expect(!error.description.contains(Data(created.master.rawBytes).base64EncodedString()))
            #expect(error.description.contains("chmod 600"))
        }
    }
}
