import Foundation
import MusterCore
import MusterCrypto
import MusterStore
import MusterTesting
import Testing

@testable import MusterRegister

@Suite struct TamperTests {
    @Test func aFlippedCiphertextByteIsAnErrorNotGarbage() async throws {
        let test = try await TestRegister()
        let number = try await test.register.add(person("Ann", "Smith"))
        var row = try #require(try await test.row(number))
        var sealed = try #require(row.sealedIdentity)
        sealed[sealed.count / 2] ^= 0x01
        row.sealedIdentity = sealed
        let tampered = row
        try await test.register.store.write { try $0.update(tampered) }
        let error = await #expect(throws: CryptoFailure.self) { try await test.register.person(number: number, disclosure: .test) }
        #expect(error?.code == .authenticationFailed)
    }

    @Test func ciphertextMovedToAnotherPersonDoesNotOpen() async throws {
        let test = try await TestRegister()
        let a = try await test.register.add(person("Ann", "Smith"))
        let b = try await test.register.add(person("Bob", "Jones"))
        let rowA = try #require(try await test.row(a))
        var rowB = try #require(try await test.row(b))
        rowB.sealedIdentity = rowA.sealedIdentity
        let moved = rowB
        try await test.register.store.write { try $0.update(moved) }
        await #expect(throws: CryptoFailure.self) { try await test.register.person(number: b, disclosure: .test) }
        // And a wrapped key moved to another person does not unwrap.
        let keyA = try #require(try await test.register.store.read { try $0.wrappedKey(for: rowA.id) })
        let idB = moved.id
        try await test.register.store.write { tx in
            try tx.deleteWrappedKey(for: idB)
            try tx.putWrappedKey(keyA, for: idB)
        }
        await #expect(throws: CryptoFailure.self) { try await test.register.person(number: b, disclosure: .test) }
    }
}
