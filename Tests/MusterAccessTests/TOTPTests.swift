import MusterCore
import Testing

@testable import MusterAccess

struct TOTPTests {
    /// RFC 6238 Appendix B's SHA-1 key.
    let rfcSecret = try! TOTPSecret(bytes: Array("12345678901234567890".utf8))

    @Test(arguments: [
        (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfc6238Vectors(seconds: Int64, expected: String) {
        let time = Timestamp(secondsSinceEpoch: seconds)
        #expect(rfcSecret.code(at: time, digits: 8) == expected)
        #expect(rfcSecret.code(at: time) == String(expected.suffix(6)))
    }

    /// RFC 4226 Appendix D: HOTP values for counters 0–9 with the same key.
    @Test func rfc4226Vectors() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { rfcSecret.code(step: UInt64($0)) } == expected)
    }

    @Test func acceptsOneStepOfSkewEitherWay() {
        let now = Timestamp(secondsSinceEpoch: 1_111_111_111)
        let step = TOTPSecret.step(at: now)!
        for offset in [-1, 0, 1] {
            var last: UInt64? = nil
            let code = rfcSecret.code(step: UInt64(Int(step) + offset))
            #expect(rfcSecret.verify(code: code, at: now, lastUsedStep: &last) == .accepted(step: UInt64(Int(step) + offset)))
            #expect(last == UInt64(Int(step) + offset))
        }
        for offset in [-2, 2] {
            var last: UInt64? = nil
            #expect(rfcSecret.verify(code: rfcSecret.code(step: UInt64(Int(step) + offset)), at: now, lastUsedStep: &last) == .rejected)
            #expect(last == nil)
        }
    }

    @Test func refusesReuse() {
        let now = Timestamp(secondsSinceEpoch: 1_234_567_890)
        let code = rfcSecret.code(at: now)!
        var last: UInt64? = nil
        #expect(rfcSecret.verify(code: code, at: now, lastUsedStep: &last) == .accepted(step: 41_152_263))
        #expect(rfcSecret.verify(code: code, at: now, lastUsedStep: &last) == .reused)
        // Still inside the skew window 30 s later, but it was used: refused.
        let later = Timestamp(secondsSinceEpoch: 1_234_567_920)
        #expect(rfcSecret.verify(code: code, at: later, lastUsedStep: &last) == .reused)
        // An older code, valid by time, is refused once a newer one was used.
        let newer = rfcSecret.code(at: later)!
        #expect(rfcSecret.verify(code: newer, at: later, lastUsedStep: &last) == .accepted(step: 41_152_264))
        let older = rfcSecret.code(step: 41_152_263)
        #expect(rfcSecret.verify(code: older, at: later, lastUsedStep: &last) == .reused)
        #expect(last == 41_152_264)
    }

    @Test(arguments: ["", "12345", "1234567", "12345a", " 89005924", "８９００５９", "000000"])
    func rejectsMalformedOrWrongCodes(code: String) {
        var last: UInt64? = nil
        #expect(rfcSecret.verify(code: code, at: Timestamp(secondsSinceEpoch: 1_234_567_890), lastUsedStep: &last) == .rejected)
    }

    @Test func generatedSecretsAreTwentyRandomBytes() throws {
        let a = TOTPSecret.generate()
        let b = TOTPSecret.generate()
        #expect(a.bytes.count == 20)
        #expect(a.base32.utf8.count == 32)
        #expect(a.bytes != b.bytes)
        #expect(try TOTPSecret(base32: a.base32).bytes == a.bytes)
        #expect(try TOTPSecret(base32: a.base32.lowercased()).bytes == a.bytes)
        #expect(!"\(a)".contains(a.base32))
    }

    @Test func secretParsing() throws {
        #expect(rfcSecret.base32 == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(try TOTPSecret(base32: "gezd gnbv gy3t qojq gezd gnbv gy3t qojq").bytes == rfcSecret.bytes)
        #expect(throws: AccessError(.malformedSecret, "A TOTP secret must be at least 16 bytes.")) {
            try TOTPSecret(bytes: Array(repeating: 1, count: 10))
        }
        #expect(throws: AccessError.self) { try TOTPSecret(base32: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1") }
    }

    @Test func otpauthURI() throws {
        let uri = try rfcSecret.otpauthURI(issuer: "Muster Party", account: "alice+ops@example.org")
        #expect(
            uri == "otpauth://totp/Muster%20Party:alice%2Bops%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Muster%20Party&algorithm=SHA1&digits=6&period=30")
        #expect(TOTPSecret.percentEncode("Ünion & Co/ß") == "%C3%9Cnion%20%26%20Co%2F%C3%9F")
    }

    @Test(arguments: [("Muster:HQ", "alice"), ("Muster", "a:b"), ("", "alice"), ("Muster", "")])
    func otpauthURIRefusesBadLabels(issuer: String, account: String) {
        #expect(throws: AccessError.self) { try rfcSecret.otpauthURI(issuer: issuer, account: account) }
    }

    @Test func beforeEpochHasNoCode() {
        var last: UInt64? = nil
        #expect(rfcSecret.code(at: Timestamp(secondsSinceEpoch: -1)) == nil)
        #expect(rfcSecret.verify(code: "000000", at: Timestamp(secondsSinceEpoch: -1), lastUsedStep: &last) == .rejected)
    }
}
