import MusterCore

/// Where a person lives and belongs: town, county, region, constituency, branch and address.
extension PersonBuilder {
    /// A fresh home. Returns the town's landline prefix for the phone number.
    mutating func placeAndAddress(_ record: inout PersonRecord) -> String {
        let town = Town.all.pick(&rng)
        let constituency = rng.pick(town.constituencies)
        record.region = town.region
        record.constituency = constituency.name
        record.branch = rng.pick(constituency.branches)
        record.identity.town = town.name
        record.identity.county = town.county
        record.identity.postcode = postcode(district: rng.pick(constituency.districts))
        address(&record.identity)
        return town.landlinePrefix
    }

    /// The same home as the rest of the household. Returns the town's landline prefix.
    mutating func moveIn(_ record: inout PersonRecord, with household: PersonRecord) -> String {
        record.region = household.region
        record.constituency = household.constituency
        record.branch = household.branch
        record.identity.town = household.identity.town
        record.identity.county = household.identity.county
        record.identity.postcode = household.identity.postcode
        record.identity.addressLine1 = household.identity.addressLine1
        record.identity.addressLine2 = household.identity.addressLine2
        record.identity.addressLine3 = household.identity.addressLine3
        return Town.landlinePrefixes[household.identity.town] ?? Town.fictionalLandline
    }

    /// A valid-format postcode in the district: "N7 2BJ", "BS1 6UA". The inward code's letters
    /// skip C, I, K, M, O and V, as Royal Mail's do.
    mutating func postcode(district: String) -> String {
        let letters = Self.inwardLetters
        let digit = UInt8(ascii: "0") + UInt8(rng.int(in: 1...9))
        let first = letters[rng.below(letters.count)]
        let second = letters[rng.below(letters.count)]
        let inward = String(unsafeUninitializedCapacity: 3) { buffer in
            buffer[0] = digit
            buffer[1] = first
            buffer[2] = second
            return 3
        }
        return district + " " + inward
    }

    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ".utf8)

    /// Mostly "<number> <street>", sometimes a flat, a named block or a named house, and now and
    /// then a district line.
    mutating func address(_ identity: inout Identity) {
        let number = rng.chance(perMille: 700) ? rng.int(in: 1...150) : rng.int(in: 1...400)
        let street = String(number) + " " + rng.pick(Streets.full)
        switch rng.below(100) {
        case 0..<68:
            identity.addressLine1 = street
            if rng.chance(perMille: 120) { identity.addressLine2 = rng.pick(Streets.localities) }
        case 68..<86:
            var flat = "Flat " + String(rng.int(in: 1...80))
            if rng.chance(perMille: 150) { flat += rng.pick(["A", "B", "C"]) }
            identity.addressLine1 = flat
            identity.addressLine2 = street
            if rng.chance(perMille: 100) { identity.addressLine3 = rng.pick(Streets.localities) }
        case 86..<93:
            identity.addressLine1 = street
            identity.addressLine2 = rng.pick(Streets.buildings)
        default:
            identity.addressLine1 = rng.pick(Streets.houseNames)
            identity.addressLine2 = rng.pick(Streets.full)
            if rng.chance(perMille: 300) { identity.addressLine3 = rng.pick(Streets.localities) }
        }
    }
}
