/// Email addresses built from a person's name ("martin.cox42@gmail.com", "pking7@hotmail.co.uk")
/// that never collide, so a demo register imports into a store that keeps emails unique.
///
/// Names collide all the time, so uniqueness has to come from elsewhere. Every address ends in
/// `<separator><number>@<domain>`, and the triple (separator, domain, number) is a function of the
/// person's index that never repeats: indices are dealt out in blocks of 64 over 64 slots, each
/// slot being one (separator, domain) class, and within a class the number is
/// `block * slotsInClass + rankOfSlot + 1`. The triple can be read back from the address (the
/// name part never contains digits and ends in a letter, so the separator is the character just
/// before the digits), so different triples give different addresses. This keeps the numbers
/// short (4 digits for a 40,000-person register) instead of spending 7 digits on every address.
struct EmailAddresses: Sendable {
    private let key: UInt64

    init(seedKey: UInt64) {
        self.key = SplitMix64.mix(seedKey ^ 0x454D_4149_4C53_2121)  // "EMAILS!!"
    }

    /// The unique address for person `index`, whose names fold to `first` and `last`.
    func address(index: Int, first: String, last: String, rng: inout SplitMix64) -> String {
        let block = index / Self.slotCount
        // Within a block, x -> ((x ^ a) * 37 + b) mod 64 is a bijection of the 64 positions (xor,
        // an odd multiplier and an addition are each invertible mod 64); keying a and b by block
        // keeps neighbours from getting the same domain in a visible rhythm.
        let blockKey = SplitMix64.mix(key ^ UInt64(block))
        let position = ((index % Self.slotCount) ^ Int(blockKey & 63)) &* 37 &+ Int((blockKey >> 8) & 63)
        let slot = Self.slots[position & (Self.slotCount - 1)]
        let number = block * slot.classSize + slot.rank + 1
        return Self.namePart(first: first, last: last, rng: &rng) + slot.separator + String(number) + "@" + slot.domain
    }

    /// The letters before the number, in one of the shapes people pick. Always ends in a letter.
    static func namePart(first rawFirst: String, last rawLast: String, rng: inout SplitMix64) -> String {
        let first = rawFirst.isEmpty ? "member" : rawFirst
        let last = rawLast.isEmpty ? "member" : rawLast
        let initial = String(first.prefix(1))
        let part: String
        switch rng.below(100) {
        case 0..<30: part = first + "." + last
        case 30..<44: part = first + last
        case 44..<52: part = first + "_" + last
        case 52..<68: part = initial + last
        case 68..<74: part = first + endingInLetter(last.prefix(4))
        case 74..<80: part = last + "." + first
        case 80..<88: part = initial + "." + last
        case 88..<94: part = first
        default: part = last + initial
        }
        // Local parts are limited to 64 bytes; leave room for the separator and number.
        return part.utf8.count <= 48 ? part : endingInLetter(last.prefix(40))
    }

    /// Drops trailing hyphens so the name part always ends in a letter.
    private static func endingInLetter(_ text: Substring) -> String {
        var result = text
        while let tail = result.last, tail == "-" { result.removeLast() }
        return result.isEmpty ? "member" : String(result)
    }

    // MARK: Slots

    struct Slot: Sendable {
        let domain: String
        let separator: String
        /// This slot's position among the slots of its (separator, domain) class.
        let rank: Int
        /// How many of the 64 slots belong to the class.
        let classSize: Int
    }

    static let slotCount = 64

    /// Domains and how many of the 64 slots each gets: roughly their share of UK personal email.
    static let domainSlots: [(String, Int)] = [
        ("gmail.com", 16), ("hotmail.co.uk", 7), ("outlook.com", 6), ("hotmail.com", 5), ("yahoo.co.uk", 5),
        ("icloud.com", 5), ("btinternet.com", 4), ("live.co.uk", 3), ("sky.com", 3), ("aol.com", 2),
        ("virginmedia.com", 2), ("googlemail.com", 2), ("protonmail.com", 1), ("yahoo.com", 1),
        ("talktalk.net", 1), ("me.com", 1),
    ]

    /// Separators between name and number, cycled within each domain: none is the commonest.
    static let separators = ["", ".", "", "_"]

    static let slots: [Slot] = {
        var draft: [(domain: String, separator: String, rank: Int)] = []
        var classSizes: [String: Int] = [:]
        for (domain, count) in domainSlots {
            for position in 0..<count {
                let separator = separators[position % separators.count]
                let classKey = separator + "@" + domain
                let rank = classSizes[classKey, default: 0]
                classSizes[classKey] = rank + 1
                draft.append((domain, separator, rank))
            }
        }
        precondition(draft.count == slotCount, "the domain slots must add up to 64")
        // Deal the slots out of domain order (a fixed Fisher-Yates shuffle), so that nearby
        // positions hold different domains.
        var rng = SplitMix64(state: 0x5348_5546_464C_4521)
        for position in stride(from: draft.count - 1, to: 0, by: -1) {
            draft.swapAt(position, rng.below(position + 1))
        }
        return draft.map {
            Slot(domain: $0.domain, separator: $0.separator, rank: $0.rank, classSize: classSizes[$0.separator + "@" + $0.domain]!)
        }
    }()
}
