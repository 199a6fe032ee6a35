/// The names of one cultural background, so that a first name and a surname usually belong
/// together (an Aoife Murphy, a Gurpreet Sandhu) while the register as a whole is as mixed as the
/// UK is.
struct NameGroup: Sendable {
    let female: [NameEntry]
    let male: [NameEntry]
    /// Names used by people of any gender, and by people whose title is Mx.
    let neutral: [NameEntry]
    let surnames: [Surname]

    init(female: [String], male: [String], neutral: [String] = [], surnames: [String], inflects: Bool = false) {
        self.female = female.map(NameEntry.init)
        self.male = male.map(NameEntry.init)
        self.neutral = neutral.map(NameEntry.init)
        self.surnames = surnames.map { Surname($0, inflects: inflects) }
    }
}

extension NameGroup {
    /// Backgrounds and their shares out of 1000: roughly the UK's mix, with the larger cities'
    /// diversity that a national party or union register reflects.
    static let all = Weighted<NameGroup>([
        (english, 520), (scottish, 80), (welsh, 50), (irish, 60),
        (southAsian, 110), (westAfrican, 30), (eastAfrican, 12), (caribbean, 30),
        (polish, 35), (mediterranean, 40), (eastAsian, 18), (eastEuropean, 15),
    ])
}
