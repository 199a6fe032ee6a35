import Foundation
import MusterCore
import MusterCrypto
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct RegisterLifecycleTests {
    @Test func initCreatesPrivateKeyFilesApartFromTheData() async throws {
        let test = try await TestRegister()
        for file in ["master.key", "signing.key"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: test.keys + "/" + file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
        let dataMode = try FileManager.default.attributesOfItem(atPath: test.data)[.posixPermissions] as? Int
        #expect(dataMode == 0o700)
        #expect(FileManager.default.fileExists(atPath: test.data + "/register.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: test.data + "/master.key"))
    }

    @Test func initRefusesKeysInsideTheDataDirectory() async throws {
        let directory = TemporaryDirectory()
        let configuration = RegisterConfiguration(
            dataDirectory: directory.file("data"), keysDirectory: directory.file("data/keys"), actor: "t")
        await #expect(throws: RegisterError.self) { try await Register.initialise(configuration) }
        #expect(!FileManager.default.fileExists(atPath: directory.file("data/keys/master.key")))
        // Also through a path that only resolves inside it.
        try FileManager.default.createDirectory(atPath: directory.file("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.file("link"), withDestinationPath: directory.file("data"))
        let sneaky = RegisterConfiguration(
            dataDirectory: directory.file("data"), keysDirectory: directory.file("link/k"), actor: "t")
        await #expect(throws: RegisterError.self) { try await Register.initialise(sneaky) }
    }

    @Test func initNeverReplacesKeysOrARegister() async throws {
        let test = try await TestRegister()
        let again = RegisterConfiguration(dataDirectory: test.directory.file("other"), keysDirectory: test.keys, actor: "t")
        await #expect(throws: RegisterError.self) { try await Register.initialise(again) }
        let sameData = RegisterConfiguration(dataDirectory: test.data, keysDirectory: test.directory.file("k2"), actor: "t")
        await #expect(throws: RegisterError.self) { try await Register.initialise(sameData) }
    }

    @Test func keysOfAnotherRegisterAreRefused() async throws {
        let first = try await TestRegister()
        let second = try await TestRegister()
        let mixed = RegisterConfiguration(dataDirectory: first.data, keysDirectory: second.keys, actor: "t")
        let error = await #expect(throws: RegisterError.self) { try await Register.open(mixed) }
        #expect(error?.code == .keys)
    }

    @Test func withoutTheKeysNoNameCanBeReadButCountsCan() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Grace", "Hopper", email: "grace@example.org"))
        try FileManager.default.moveItem(atPath: test.keys, toPath: test.directory.file("elsewhere"))
        let keyless = try await Register.open(test.register.configuration)
        let error = await #expect(throws: RegisterError.self) { try await keyless.person(number: number, disclosure: .test) }
        #expect(error?.code == .keys)
        await #expect(throws: RegisterError.self) { try await keyless.find(.email("grace@example.org"), disclosure: .test) }
        await #expect(throws: RegisterError.self) { try await keyless.export(to: .standardOutput, disclosure: .test) }
        #expect(try await keyless.statistics().total == 1)
    }
}

@Suite struct RegisterActorTests {
    @Test func overlongActorNamesAreRefused() async throws {
        let test = try await TestRegister()
        var configuration = test.register.configuration
        configuration.actor = String(repeating: "a", count: 257)
        await #expect(throws: RegisterError.self) { try await Register.open(configuration) }
        configuration.actor = ""
        await #expect(throws: RegisterError.self) { try await Register.open(configuration) }
    }
}
