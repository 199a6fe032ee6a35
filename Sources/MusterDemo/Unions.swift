/// A trade union affiliated to a UK party, and how its membership numbers look.
struct TradeUnion: Sendable {
    let name: String
    /// Two letters that start the union's membership numbers, as in the sample's "AS00872248".
    let numberPrefix: String

    init(_ name: String, _ numberPrefix: String) {
        self.name = name
        self.numberPrefix = numberPrefix
    }

    /// Unions affiliated to the Labour Party, weighted out of 1000 roughly by their affiliated
    /// membership (Unite, UNISON and the GMB dominate; the small craft unions are rare).
    static let affiliated = Weighted<TradeUnion>([
        (TradeUnion("Unite", "UN"), 280), (TradeUnion("UNISON", "US"), 250), (TradeUnion("GMB", "GM"), 200),
        (TradeUnion("USDAW", "UD"), 100), (TradeUnion("CWU", "CW"), 60), (TradeUnion("Community", "CO"), 30),
        (TradeUnion("ASLEF", "AS"), 20), (TradeUnion("FBU", "FB"), 20), (TradeUnion("TSSA", "TS"), 10),
        (TradeUnion("Musicians' Union", "MU"), 10), (TradeUnion("BFAWU", "BF"), 10), (TradeUnion("NUM", "NU"), 10),
    ])
}
