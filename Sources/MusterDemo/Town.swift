/// A town the generator places people in, with everything that must agree with it: county,
/// region, its constituencies and their postcode districts, and a phone prefix.
struct Town: Sendable {
    let name: String
    let county: String
    let region: String
    /// The first digits of a landline, ending where the last three digits begin.
    ///
    /// Always inside a range Ofcom keeps for TV and radio drama ("0117 496 0xxx", "020 7946 0xxx",
    /// or the fictional area "01632 960xxx"), so a demo register can never ring or text a real
    /// person, even if someone points a notification run at it.
    let landlinePrefix: String
    let constituencies: [Constituency]

    init(_ name: String, _ county: String, _ region: String, phone landlinePrefix: String = fictionalLandline,
         _ constituencies: [Constituency]) {
        self.name = name
        self.county = county
        self.region = region
        self.landlinePrefix = landlinePrefix
        self.constituencies = constituencies
    }

    /// Ofcom's drama numbers for places without a city range of their own.
    static let fictionalLandline = "01632 960"
    /// Ofcom's drama range for mobiles.
    static let mobilePrefix = "07700 900"
}

/// A parliamentary constituency (2024 boundaries), the postcode districts it covers, and its
/// branches, named like the sample: "<constituency> <ward-ish word> branch".
struct Constituency: Sendable {
    let name: String
    let districts: [String]
    let branches: [String]

    init(_ name: String, _ districts: [String]) {
        precondition(!districts.isEmpty, "every constituency needs a postcode district")
        self.name = name
        self.districts = districts
        // Pick 4-6 distinct ward words with a step coprime to the word count, starting at a
        // hash of the name, so each constituency gets its own stable set of branches.
        let words = Self.wardWords
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let start = Int(hash % UInt64(words.count))
        let count = 4 + Int((hash >> 32) % 3)
        self.branches = (0..<count).map { name + " " + words[(start + $0 * 7) % words.count] + " branch" }
    }

    /// Neighbourhood-like words for branch names. Kept at a prime count (31) so any step walks
    /// through all of them without repeats.
    static let wardWords = [
        "Market", "Canal", "Southside", "Stonebridge", "Fairfield", "Northfield", "Old Town", "Park",
        "Millbrook", "Castle", "Riverside", "Central", "Abbey", "St Mary's", "Northgate", "Westgate",
        "Eastfield", "Hillside", "Broadway", "Victoria", "Greenhill", "Moorside", "Harbour", "Priory",
        "Newtown", "Church Ward", "Brookside", "Queen's Park", "Meadows", "Station", "Heath",
    ]
}
