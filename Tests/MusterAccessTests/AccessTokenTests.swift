import MusterCore
import Testing

@testable import MusterAccess

struct AccessTokenTests {
    let now = Timestamp(secondsSinceEpoch: 1_700_000_000)

    @Test func shapeAndStoredForm() {
        let token = AccessToken.generate(now: now, lifetime: .seconds(3600))
        #expect(token.text.hasPrefix("mst_"))
        #expect(token.text.utf8.count == 4 + 43)
        #expect(AccessToken.isWellFormed(token.text))
        #expect(token.digest.utf8.count == 64)
        #expect(token.digest.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(token.digest == AccessToken.digest(of: token.text))
        #expect(token.expiresAt == Timestamp(secondsSinceEpoch: 1_700_003_600))
        #expect(!"\(token)".contains(token.text))
    }

    @Test func tokensAreUnique() {
        let texts = Set((0..<100).map { _ in AccessToken.generate(now: now, lifetime: .seconds(60)).text })
        #expect(texts.count == 100)
    }

    @Test func digestIsSHA256Hex() {
        #expect(AccessToken.digest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func matchesOnlyItsOwnDigest() {
        let token = AccessToken.generate(now: now, lifetime: .seconds(60))
        let other = AccessToken.generate(now: now, lifetime: .seconds(60))
        #expect(AccessToken.matches(token.text, digest: token.digest))
        #expect(!AccessToken.matches(other.text, digest: token.digest))
        #expect(!AccessToken.matches(token.text, digest: token.digest.uppercased()))
        #expect(!AccessToken.matches(token.text, digest: ""))
        // The digest itself is not a token: presenting a stolen digest does not work.
        #expect(!AccessToken.matches(token.digest, digest: token.digest))
    }

    @Test(arguments: ["", "mst_", "Bearer mst_x", "mst_" + String(repeating: "A", count: 42),
        "mst_" + String(repeating: "A", count: 44), "mst_" + String(repeating: "A", count: 42) + "=",
        "xyz_" + String(repeating: "A", count: 43)])
    func rejectsMalformed(text: String) {
        #expect(!AccessToken.isWellFormed(text))
    }

    @Test func expiryIsExclusive() {
        let token = AccessToken.generate(now: now, lifetime: .seconds(10))
        #expect(AccessToken.isLive(expiresAt: token.expiresAt, now: Timestamp(secondsSinceEpoch: 1_700_000_009)))
        #expect(!AccessToken.isLive(expiresAt: token.expiresAt, now: Timestamp(secondsSinceEpoch: 1_700_000_010)))
    }
}
