import MusterTesting
import Testing
@testable import MusterCrypto

struct KeyWrapperTests {
    static let owner: [UInt8] = bytes(hex: "a1a2a3a4a5a6a7a8a9aaabacadaeafb0")
    static let otherOwner: [UInt8] = bytes(hex: "a1a2a3a4a5a6a7a8a9aaabacadaeafb1")

    @Test func unwrappedKeyOpensWhatTheOriginalSealed() throws {
        let wrapper = KeyWrapper(master: .generate())
        let dataKey = DataKey.generate()
        let sealed = dataKey.seal(Array("pking@hotmail.co.uk".utf8), owner: Self.owner)
        let wrapped = wrapper.wrap(dataKey, owner: Self.owner)
        let unwrapped = try wrapper.unwrap(wrapped, owner: Self.owner)
        #expect(try unwrapped.open(sealed, owner: Self.owner) == Array("pking@hotmail.co.uk".utf8))
        // And the other way round: the original opens what the unwrapped copy seals.
        let resealed = unwrapped.seal([9, 8, 7], owner: Self.owner)
        #expect(try dataKey.open(resealed, owner: Self.owner) == [9, 8, 7])
    }

    @Test func aWrappedKeyIs61Bytes() {
        let wrapper = KeyWrapper(master: .generate())
        let wrapped = wrapper.wrap(.generate(), owner: Self.owner)
        #expect(wrapped.count == 61)
        #expect(wrapped.count == 32 + Sealing.overhead)
    }

    @Test func wrappingTwiceGivesDifferentBytes() throws {
        let wrapper = KeyWrapper(master: .generate())
        let dataKey = DataKey.generate()
        let first = wrapper.wrap(dataKey, owner: Self.owner)
        let second = wrapper.wrap(dataKey, owner: Self.owner)
        #expect(first != second)
        let a = try wrapper.unwrap(first, owner: Self.owner)
        let b = try wrapper.unwrap(second, owner: Self.owner)
        #expect(a.key.withUnsafeBytes { Array($0) } == b.key.withUnsafeBytes { Array($0) })
    }

    @Test func wrappedBytesDoNotContainTheKey() {
        let wrapper = KeyWrapper(master: .generate())
        let dataKey = DataKey.generate()
        let rawKey = dataKey.key.withUnsafeBytes { Array($0) }
        let wrapped = wrapper.wrap(dataKey, owner: Self.owner)
        let window = Array(rawKey.prefix(8))
        let found = (0...(wrapped.count - window.count)).contains { Array(wrapped[$0..<($0 + 8)]) == window }
        #expect(!found)
    }

    @Test func unwrapForAnotherOwnerFails() {
        let wrapper = KeyWrapper(master: .generate())
        let wrapped = wrapper.wrap(.generate(), owner: Self.owner)
        #expect(cryptoFailureCode { try wrapper.unwrap(wrapped, owner: Self.otherOwner) } == .authenticationFailed)
    }

    @Test func unwrapWithAnotherMasterKeyFails() {
        let wrapped = KeyWrapper(master: .generate()).wrap(.generate(), owner: Self.owner)
        let stranger = KeyWrapper(master: .generate())
        #expect(cryptoFailureCode { try stranger.unwrap(wrapped, owner: Self.owner) } == .authenticationFailed)
    }

    @Test func theSameMasterKeyLoadedAgainUnwraps() throws {
        let master = MasterKey.generate()
        let dataKey = DataKey.generate()
        let wrapped = KeyWrapper(master: master).wrap(dataKey, owner: Self.owner)
        let reloaded = try MasterKey(rawBytes: master.rawBytes)
        let unwrapped = try KeyWrapper(master: reloaded).unwrap(wrapped, owner: Self.owner)
        #expect(unwrapped.key.withUnsafeBytes { Array($0) } == dataKey.key.withUnsafeBytes { Array($0) })
    }

    @Test func aWrappedKeyIsNotTheMasterKeyItself() throws {
        // The wrapping key is derived, not the master key: sealing under the raw master key
        // must not produce something the wrapper accepts.
        let master = MasterKey.generate()
        let dataKey = DataKey.generate()
        let underMaster = Sealing.seal(dataKey.key.withUnsafeBytes { Array($0) }, key: master.key, context: Self.owner)
        #expect(cryptoFailureCode { try KeyWrapper(master: master).unwrap(underMaster, owner: Self.owner) }
            == .authenticationFailed)
    }

    @Test func anAuthenticSealOfTheWrongLengthIsAMalformedKey() {
        // Bytes that authenticate under the wrapping key but hold 31 or 33 bytes are not a data key.
        let master = MasterKey.generate()
        let wrapper = KeyWrapper(master: master)
        for length in [0, 31, 33] {
            let sealed = Sealing.seal(
                [UInt8](repeating: 7, count: length), key: master.derive(.dataKeyWrapping), context: Self.owner)
            #expect(cryptoFailureCode { try wrapper.unwrap(sealed, owner: Self.owner) } == .malformedKey)
        }
    }

    @Test func everyTruncationAndBitFlipOfAWrappedKeyFails() {
        let wrapper = KeyWrapper(master: .generate())
        let wrapped = wrapper.wrap(.generate(), owner: Self.owner)
        for length in 0..<wrapped.count {
            #expect(cryptoFailureCode { try wrapper.unwrap(Array(wrapped.prefix(length)), owner: Self.owner) } != nil)
        }
        for bit in 0..<(wrapped.count * 8) {
            var tampered = wrapped
            tampered[bit / 8] ^= 1 << (bit % 8)
            let code = cryptoFailureCode { try wrapper.unwrap(tampered, owner: Self.owner) }
            #expect(code == .authenticationFailed || code == .malformedCiphertext, "bit \(bit)")
        }
    }
}
