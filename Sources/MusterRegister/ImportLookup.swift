import MusterCore
import MusterStore

/// What a batch of import rows needs to know from the register (who already holds each
/// membership number, who shares each email), fetched in two queries for the whole batch.
///
/// On PostgreSQL a query is a network round trip; asking per row kept bulk import at a few
/// hundred rows a second. Anything not asked for in the batch is looked up directly.
struct ImportLookup {
    private let tx: any StoreReading
    private var people: [String: PersonRow] = [:]
    private var numbersAsked: Set<String> = []
    private var households: [[UInt8]: [String]] = [:]
    private var emailsAsked: Set<[UInt8]> = []

    /// Nothing fetched ahead: every question goes to the store.
    init(tx: any StoreReading) {
        self.tx = tx
    }

    /// Fetches ahead what importing `records` (with their sealed material) will ask.
    init(tx: any StoreReading, for records: [(record: PersonRecord, sealed: SealedPerson)]) throws {
        self.tx = tx
        numbersAsked = Set(records.compactMap(\.record.membershipNumber))
        emailsAsked = Set(records.compactMap(\.sealed.indexes.email))
        people = try tx.people(numbers: Array(numbersAsked))
        households = try tx.numbers(index: .email, digests: Array(emailsAsked))
    }

    /// The person holding `number`, if anyone does.
    func person(number: String) throws -> PersonRow? {
        numbersAsked.contains(number) ? people[number] : try tx.person(number: number)
    }

    /// The membership numbers of everyone whose email has blind index `digest`.
    func household(email digest: [UInt8]) throws -> [String] {
        emailsAsked.contains(digest) ? households[digest, default: []] : try tx.numbers(index: .email, digest: digest)
    }

    /// Records a write made since the batch was fetched, so later rows of the batch see it.
    mutating func noteWritten(_ row: PersonRow) {
        if numbersAsked.contains(row.number) { people[row.number] = row }
        if let digest = row.indexes.email, emailsAsked.contains(digest), !households[digest, default: []].contains(row.number) {
            households[digest, default: []].append(row.number)
        }
    }
}
