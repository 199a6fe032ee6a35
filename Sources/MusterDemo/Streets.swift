/// Address parts. Street names are combined with street types once, when the table loads, so a
/// person's first address line costs one concatenation ("112 " + "Park Road").
enum Streets {
    static let names = [
        "Park", "Church", "Station", "Victoria", "Queens", "Kings", "Mill", "High", "Heather", "Canal",
        "Garden", "London", "East", "West", "North", "Albert", "Grove", "Manor", "Chapel", "School",
        "Springfield", "Westfield", "Windsor", "Richmond", "York", "Cromwell", "Nelson", "Clarence", "Beech", "Oak",
        "Elm", "Ash", "Willow", "Meadow", "Orchard", "Brook", "Hillside", "Belmont", "Stanley", "Gladstone",
        "Tennyson", "Shakespeare", "Milton", "Attlee", "Bevan", "Pankhurst", "Tolpuddle", "Peterloo", "Jubilee", "Coronation",
        "Cavendish", "Lansbury", "St John's", "St Mary's", "Bishop's", "Rosebery", "Alexandra", "Woodland", "Kenyon", "Hardie",
    ]

    static let types = [
        "Road", "Road", "Road", "Street", "Street", "Street", "Avenue", "Avenue", "Lane", "Close",
        "Drive", "Way", "Crescent", "Gardens", "Terrace", "Place", "Grove", "View", "Court", "Rise", "Walk", "Mews",
    ]

    /// Every name with every type: "Park Road", "St Mary's Close", ... (repeated types make the
    /// common ones commoner).
    static let full: [String] = names.flatMap { name in types.map { name + " " + $0 } }

    /// Blocks of flats, used as a building line after the street address.
    static let buildings = [
        "Castle Heights", "Jubilee Court", "Victoria House", "Riverside Apartments", "Mill Quay", "Beacon Tower",
        "Aneurin Bevan House", "Keir Hardie Court", "Ellen Wilkinson House", "Cooperative Buildings",
        "Wharf House", "The Maltings", "Granary Court", "Foundry Lofts", "Station Approach", "Parkview Mansions",
    ]

    /// House names, for the homes that have no number.
    static let houseNames = [
        "The Croft", "Rose Cottage", "The Old Vicarage", "Ty Gwyn", "Hillcrest", "The Laurels", "Fernbank",
        "Orchard House", "Bryn Awel", "The Old School House", "Tigh na Mara", "Meadow View",
    ]

    /// District and estate names for an optional last address line.
    static let localities = [
        "Heath", "Ashfield Vale", "Northfields", "Moorside", "Old Town", "Westbury", "Hightown", "Bankside",
        "Fairview Estate", "Lower Green", "Upper Norwood", "Riverside", "Sandhills", "Thornbury", "Kingsway Estate",
    ]
}
