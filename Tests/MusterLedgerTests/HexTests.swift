import MusterTesting
import Testing
@testable import MusterLedger

struct HexTests {
    @Test(arguments: [
        ([] as [UInt8], ""), ([0x00], "00"), ([0x0F], "0f"), ([0xF0], "f0"), ([0xFF], "ff"),
        ([0xDE, 0xAD, 0xBE, 0xEF], "deadbeef"), ([0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF], "0123456789abcdef"),
    ])
    func encodesLowerCase(bytes: [UInt8], text: String) {
        #expect(Hex.encode(bytes) == text)
        #expect(Hex.decode(text) == bytes)
    }

    @Test func everyByteValueRoundTrips() {
        let all = (0...255).map { UInt8($0) }
        let text = Hex.encode(all)
        #expect(text.count == 512)
        #expect(text == hexString(all))
        #expect(Hex.decode(text) == all)
        #expect(Hex.decode(text.uppercased()) == all)
    }

    @Test(arguments: [("DEADBEEF", [0xDE, 0xAD, 0xBE, 0xEF]), ("aBcD", [0xAB, 0xCD]), ("Ff0A", [0xFF, 0x0A])] as [(String, [UInt8])])
    func decodesUpperAndMixedCase(text: String, bytes: [UInt8]) {
        #expect(Hex.decode(text) == bytes)
    }

    @Test func encodesAnySequence() {
        #expect(Hex.encode([0xAB, 0xCD][...]) == "abcd")
        #expect(Hex.encode(stride(from: 0, to: 3, by: 1).lazy.map { UInt8($0) }) == "000102")
    }

    @Test(arguments: [
        "0", "abc", "0g", "g0", "zz", " 0", "0 ", "0x00", "--", "0\n", "é", "١٢", "0:", "@A", "`a", "/0", "G0", "ff f",
    ])
    func rejectsInvalidInput(text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
