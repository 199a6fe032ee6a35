import MusterTesting
import Testing

@testable import MusterLedger

/// The header-only check that full verification uses must accept and refuse exactly what the
/// full parser does, and read the same sequence and previous hash.
@Suite struct LedgerEntryLinksTests {
    @Test func linksAgreeWithTheFullParserOnEveryCorruption() throws {
        let fixture = LedgerFixture(count: 40)
        var checked = 0
        for bytes in fixture.entries {
            let entry = try LedgerEntry(encoded: bytes)
            let links = try LedgerEntry.links(of: bytes)
            #expect(links.sequence == entry.sequence && Array(links.previousHash) == entry.previousHash.bytes)
            // Truncations, extensions and single-byte changes at every position.
            var variants: [[UInt8]] = (0..<bytes.count).map { Array(bytes.prefix($0)) } + [bytes + [0], bytes + [1, 2, 3]]
            for position in 0..<bytes.count {
                for value: UInt8 in [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFF] where bytes[position] != value {
                    var changed = bytes
                    changed[position] = value
                    variants.append(changed)
                }
            }
            for variant in variants {
                let full = Result { try LedgerEntry(encoded: variant) }
                let header = Result { try LedgerEntry.links(of: variant) }
                switch (full, header) {
                case (.success(let entry), .success(let links)):
                    #expect(links.sequence == entry.sequence && Array(links.previousHash) == entry.previousHash.bytes)
                case (.failure, .failure):
                    break
                default:
                    Issue.record("the parsers disagree on a variant of entry \(entry.sequence)")
                }
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }
}
