import Testing
@testable import MusterCore

struct MoneyTests {
    @Test(arguments: [
        ("0", 0), ("0.5", 50), ("0.05", 5), ("0.50", 50), ("4.5", 450), ("4.50", 450), ("12", 1200), ("12.00", 1200),
        ("1234567.99", 123_456_799), ("9999999.99", 999_999_999), ("00.10", 10), ("1.0", 100),
    ])
    func parses(text: String, pence: Int) {
        #expect(Money.parse(pence: text) == pence)
    }

    @Test(arguments: [
        "1.234", ".5", "1.", "", "1e3", "-1", "-0.50", "£4", "4,50", "1.2.3", "abc", " 1", "1 ", "1.5 ", "12345678",
        "12345678.00", "-0", "-0.00", "-0.50", "-0.99", "+1", "+0.50", "1.-5", "1.+5", "0x10", "１.00", "1._5", "٣.00", "1.٣",
    ])
    func rejects(text: String) {
        #expect(Money.parse(pence: text) == nil)
    }

    @Test(arguments: [
        (0, "0.00"), (5, "0.05"), (50, "0.50"), (99, "0.99"), (100, "1.00"), (450, "4.50"), (1200, "12.00"),
        (123_456_799, "1234567.99"),
    ])
    func formats(pence: Int, text: String) {
        #expect(Money.format(pence: pence) == text)
    }

    @Test func formatThenParseIsTheIdentity() {
        for pence in 0...20_000 {
            #expect(Money.parse(pence: Money.format(pence: pence)) == pence)
        }
        for pence in stride(from: 0, through: 999_999_999, by: 9_999_991) {
            #expect(Money.parse(pence: Money.format(pence: pence)) == pence)
        }
    }
}
