import MusterTesting
import Testing
@testable import MusterLedger

struct SubjectIDTests {
    @Test func randomIdsDiffer() {
        let ids = (0..<1_000).map { _ in SubjectID.random() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.bytes.count == 16 })
    }

    @Test func everyByteOfARandomIdIsRandom() {
        // Catches a generator that fills only some of the 16 bytes.
        let ids = (0..<64).map { _ in SubjectID.random() }
        for position in 0..<16 {
            #expect(Set(ids.map { $0.bytes[position] }).count > 1, "byte \(position) never varies")
        }
    }

    @Test func hexRoundTrips() {
        for _ in 0..<100 {
            let id = SubjectID.random()
            #expect(id.description.count == 32)
            #expect(SubjectID(hex: id.description) == id)
            #expect(SubjectID(hex: id.description.uppercased()) == id)
        }
    }

    @Test func descriptionIsLowerCaseHex() {
        let id = subject("00ff10ab0123456789abcdefABCDEF00")
        #expect(id.description == "00ff10ab0123456789abcdefabcdef00")
        #expect(id.bytes == bytes(hex: "00ff10ab0123456789abcdefabcdef00"))
    }

    @Test(arguments: [0, 1, 15, 17, 32])
    func initRejectsWrongByteLengths(length: Int) {
        #expect(SubjectID(bytes: [UInt8](repeating: 3, count: length)) == nil)
    }

    @Test func initAcceptsSixteenBytesFromAnyCollection() {
        let raw = (0..<16).map { UInt8($0) }
        #expect(SubjectID(bytes: raw)?.bytes == raw)
        #expect(SubjectID(bytes: raw[...]) == SubjectID(bytes: raw))
        #expect(SubjectID(bytes: [0] + raw)?.bytes == nil)
    }

    @Test(arguments: [
        "", "00", "000102030405060708090a0b0c0d0e", "000102030405060708090a0b0c0d0e0f10",
        "000102030405060708090a0b0c0d0e0", "000102030405060708090a0b0c0d0e0g", " 00102030405060708090a0b0c0d0e0f",
        "000102030405060708090a0b0c0d0e0f\n", "0x0102030405060708090a0b0c0d0e0f",
    ])
    func hexInitRejectsBadText(text: String) {
        #expect(SubjectID(hex: text) == nil)
    }
}
