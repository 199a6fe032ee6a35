import MusterCore
import MusterDemo
import MusterTesting
import Testing

/// Membership numbers never repeat; emails repeat only inside a household, on purpose.
@Suite(.fixturesBuilt) struct UniquenessTests {
    @Test func membershipNumbersAreUniqueAndLikeTheSample() {
        let numbers = Fixture.numbersAndEmails.map(\.number)
        #expect(Set(numbers).count == 200_000)
        let malformed = numbers.filter { number in
            let bytes = Array(number.utf8)
            return bytes.count != 8 || bytes[0] != UInt8(ascii: "M") || !bytes[1...].allSatisfy { (48...57).contains($0) }
        }
        #expect(malformed.isEmpty, "\(malformed.prefix(3))")
    }

    @Test func emailsRepeatOnlyForTheHouseholdJustBefore() async {
        // 200,000 set insertions: seconds, so on a thread of its own (see `offThePool`).
        let (reused, shared) = await offThePool { () -> ([String], Int) in
            var seen: Set<String> = []
            var (reused, shared) = ([String](), 0)
            var previous = ""
            for (_, email) in Fixture.numbersAndEmails {
                defer { previous = email }
                guard !email.isEmpty else { continue }
                if email == previous {
                    shared += 1
                } else if !seen.insert(email).inserted {
                    reused.append(email)
                }
            }
            return (reused, shared)
        }
        #expect(reused.isEmpty, "reused by someone outside the household: \(reused.prefix(3))")
        // About 2% of people share, never most.
        let percent = Double(shared) * 100 / Double(Fixture.numbersAndEmails.count)
        #expect(percent > 1 && percent < 3, "\(percent)% share an email")
    }

    @Test func withoutHouseholdSharingEveryEmailIsUnique() async {
        let emails = await offThePool {
            let register = DemoRegister(seed: 5, referenceDay: Fixture.referenceDay, sharesHouseholdEmails: false)
            return register.people(count: 50_000).map(\.identity.email).filter { !$0.isEmpty }
        }
        #expect(emails.count > 40_000)
        #expect(Set(emails).count == emails.count)
    }
}
