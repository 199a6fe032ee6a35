/// Staff notes, written the way branch secretaries write them. Several hold commas, double
/// quotes and line breaks on purpose: notes are free text, and the CSV and the store must carry
/// them through unchanged.
enum Notes {
    static let all = [
        "Rejoined after lapse.",
        "Women's officer.",
        "Volunteered at the last general election - happy to canvass.",
        "Interested in becoming a councillor.",
        "Prefers \"Sam\", not the full name.\nCall after 6pm",
        "Needs step-free access to meetings, please book ground-floor rooms.",
        "Asked for large-print post.\nNo calls before 10am",
        "Said \"only email me about ballots\", nothing else.",
        "Moved house, new address confirmed by phone.",
        "Delegate to conference, \"happy to speak\" on housing.",
        "Prefers Welsh-language correspondence.",
        "Returned post: \"not known at this address\".\nCheck with branch secretary",
        "Youth officer, CLP executive.",
        "Works away during the week; post goes to this address.\nDo not transfer",
        "Partner is also a member, same address.",
        "Needs an interpreter at meetings (Punjabi).",
        "Do not phone - shift worker, nights.",
        "Donated £50 to the by-election fund.",
        "Trade union liaison officer.",
        "Equalities officer.",
        "Delivers 40 leaflets on Canal Street every month.",
        "Asked not to be contacted during Ramadan, will resume after Eid.",
        "Branch secretary, 2019-2023.",
        "Wants to stand for the NEC; asked about nominations.",
        "Complained about a phone call, \"too pushy\".\nEmail only from now on.",
    ]
}
