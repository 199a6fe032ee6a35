import Foundation
import MusterTesting
import Testing

@testable import MusterVault

/// Snapshot names carry the vault's UTC time to the second, parse strictly, and sort in time order.
struct SnapshotNameTests {
    @Test func formatsTheUTCTime() throws {
        let name = try SnapshotName(prefix: "keys-", time: Date(timeIntervalSince1970: 1_748_779_200.9))
        #expect(name.fileName.hasPrefix("keys-20250601T120000Z-"))
        #expect(name.fileName.count == "keys-20250601T120000Z-".count + 16)
        #expect(name.seconds == 1_748_779_200)
    }

    @Test(arguments: [0, 951_782_400, 1_748_779_200, 253_402_300_799] as [TimeInterval])
    func parsesWhatItFormats(seconds: TimeInterval) throws {
        let name = try SnapshotName(prefix: "keys-", time: Date(timeIntervalSince1970: seconds))
        #expect(SnapshotName(parsing: name.fileName, prefix: "keys-") == name)
        #expect(name.time == Date(timeIntervalSince1970: seconds))
    }

    @Test func sortsInTimeOrderAsText() throws {
        let names = try [5, 100_000, 3_000_000_000, 86_400].map {
            try SnapshotName(prefix: "keys-", time: Date(timeIntervalSince1970: $0))
        }
        #expect(names.sorted().map(\.fileName) == names.map(\.fileName).sorted())
        #expect(names.sorted().map(\.seconds) == [5, 86_400, 100_000, 3_000_000_000])
    }

    @Test(arguments: [
        "keys-20250601T120000Z-0123456789ABCDEF",
        "keys-20250631T120000Z-0123456789abcdef",
        "keys-20251301T120000Z-0123456789abcdef",
        "keys-20250601T250000Z-0123456789abcdef",
        "keys-20250601X120000Z-0123456789abcdef",
        "keys-20250601T120000Z_0123456789abcdef",
        "keys-20250601T120000Z-0123456789abcde",
        "keys-2025060lT120000Z-0123456789abcdef",
        "other-20250601T120000Z-0123456789abcdef",
        "keys-19690601T120000Z-0123456789abcdef",
        "keys-manual-copy",
    ])
    func refusesWhatIsNotASnapshotName(text: String) {
        #expect(SnapshotName(parsing: text, prefix: "keys-") == nil)
    }

    @Test func aValidNameParses() {
        #expect(SnapshotName(parsing: "keys-20250601T120000Z-0123456789abcdef", prefix: "keys-")?.seconds == 1_748_779_200)
    }

    @Test(arguments: ["keys", "", "a/b-", ".x-", "segment-", "segment-keys-", "s-x", "a..b-"] as [String])
    func refusesBadPrefixes(prefix: String) {
        let code = vaultErrorCode { try SnapshotName(prefix: prefix, time: Date()) }
        #expect(code == .invalidName || code == .notAllowed)
    }

    @Test func refusesTimesOutsideFourDigitYears() {
        #expect(vaultErrorCode { try SnapshotName(prefix: "keys-", time: Date(timeIntervalSince1970: -1)) } == .invalidName)
        #expect(vaultErrorCode { try SnapshotName(prefix: "keys-", time: Date(timeIntervalSince1970: 253_402_300_800)) } == .invalidName)
    }
}
