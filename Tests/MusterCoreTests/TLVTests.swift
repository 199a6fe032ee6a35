import Testing
@testable import MusterCore

struct TLVTests {
    func readAll(_ bytes: [UInt8]) throws(TLVError) -> [(UInt8, [UInt8])] {
        var reader = TLVReader(bytes)
        var out: [(UInt8, [UInt8])] = []
        while let (tag, value) = try reader.next() { out.append((tag, Array(value))) }
        return out
    }

    static let lengths = [0, 1, 127, 128, 129, 300, 16_383, 16_384, 16_385, 70_000, 2_097_152]

    @Test(arguments: lengths)
    func roundTripsEveryLength(length: Int) throws {
        let value = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var writer = TLVWriter()
        writer.append(9, value)
        let back = try readAll(writer.bytes)
        #expect(back.count == 1)
        #expect(back.first?.0 == 9)
        #expect(back.first?.1 == value)
    }

    @Test(arguments: [
        (0, [0x00] as [UInt8]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
        (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]), (2_097_151, [0xFF, 0xFF, 0x7F]),
        (2_097_152, [0x80, 0x80, 0x80, 0x01]),
    ])
    func lengthsAreMinimalLEB128(length: Int, encoded: [UInt8]) {
        var writer = TLVWriter()
        writer.append(0xAB, [UInt8](repeating: 0x5A, count: length))
        #expect(Array(writer.bytes.prefix(1 + encoded.count)) == [0xAB] + encoded)
        #expect(writer.bytes.count == 1 + encoded.count + length)
    }

    @Test func manyEntriesIncludingEmptyValuesAndEveryTag() throws {
        var writer = TLVWriter(capacity: 0)
        var expected: [(UInt8, [UInt8])] = []
        for tag in UInt8.min...UInt8.max {
            let value = tag % 3 == 0 ? [] : Array("value \(tag) ✓".utf8)
            writer.append(tag, value)
            expected.append((tag, value))
        }
        writer.append(7, text: "")
        expected.append((7, []))
        writer.append(8, text: "Siobhán O’Brien, \"notes\"\r\n")
        expected.append((8, Array("Siobhán O’Brien, \"notes\"\r\n".utf8)))
        let back = try readAll(writer.bytes)
        #expect(back.map(\.0) == expected.map(\.0))
        #expect(back.map(\.1) == expected.map(\.1))
    }

    @Test func emptyInputHasNoEntries() throws {
        var reader = TLVReader([])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test func endIsSticky() throws {
        var writer = TLVWriter()
        writer.append(1, text: "x")
        var reader = TLVReader(writer.bytes)
        #expect(try reader.next() != nil)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    /// Every cut of a valid encoding either ends on an entry boundary (and reads back those entries)
    /// or throws.
    @Test func everyTruncationThrows() throws {
        var writer = TLVWriter()
        let values: [[UInt8]] = [[], Array("a".utf8), [UInt8](repeating: 1, count: 200), [UInt8](repeating: 2, count: 16_400), [3]]
        var boundaries: [Int: Int] = [0: 0]
        for (i, value) in values.enumerated() {
            writer.append(UInt8(i + 1), value)
            boundaries[writer.bytes.count] = i + 1
        }
        let full = writer.bytes
        // Check every cut in the small entries and around the length bytes of the large one.
        let cuts = Array(0...260) + Array(16_600...full.count)
        for cut in cuts where cut <= full.count {
            let prefix = Array(full.prefix(cut))
            if let entries = boundaries[cut] {
                #expect((try? readAll(prefix))?.count == entries, "cut \(cut)")
            } else {
                #expect(throws: TLVError.self, "cut \(cut)") { try readAll(prefix) }
            }
        }
    }

    @Test(arguments: [
        [0x01] as [UInt8],  // a tag and nothing else
        [0x01, 0x80],  // a length that goes on past the end
        [0x01, 0xFF, 0xFF],
        [0x01, 0x05, 0x61, 0x62],  // length 5, two bytes
        [0x01, 0x80, 0x01],  // length 128, no bytes
        [0x01, 0x00, 0x02, 0x01],  // a good empty entry, then a short one
        [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],  // 2^35 - 1 bytes claimed
        [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // a length longer than five groups
        [0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
        [0x01, 0x80, 0x00],  // zero written in two bytes: not the canonical form
        [0x01, 0x81, 0x00, 0x61],  // one written in two bytes
        [0x01, 0xFF, 0x80, 0x00] + [UInt8](repeating: 0x61, count: 127),
    ])
    func malformedInputThrows(bytes: [UInt8]) {
        #expect(throws: TLVError.self) { try readAll(bytes) }
    }

    @Test func garbageNeverCrashesAndDecodesOnlyWhatItSays() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        var threw = 0
        for _ in 0..<2_000 {
            let bytes = (0..<Int(next() % 64)).map { _ in next() }
            do {
                let entries = try readAll(bytes)
                // Whatever decodes must re-encode to exactly the input.
                var writer = TLVWriter()
                for (tag, value) in entries { writer.append(tag, value) }
                #expect(writer.bytes == bytes)
            } catch {
                threw += 1
            }
        }
        #expect(threw > 1_000)
    }

    @Test func onlyTheMinimalLengthEncodingIsAccepted() throws {
        // The same lengths written with a redundant zero group: entries are hashed, so these must not decode.
        #expect(try readAll([0x01, 0x00]).count == 1)
        #expect(throws: TLVError.self) { try readAll([0x01, 0x80, 0x00]) }
        #expect(throws: TLVError.self) { try readAll([0x01, 0x80, 0x80, 0x00]) }
        #expect(throws: TLVError.self) { try readAll([0x01, 0x85, 0x00] + Array("hello".utf8)) }
        #expect(try readAll([0x01, 0x85, 0x01] + [UInt8](repeating: 0x61, count: 133)).first?.1.count == 133)
    }

    @Test func errorDescriptionIsSafe() {
        #expect(TLVError().description == "malformed record encoding")
    }
}
