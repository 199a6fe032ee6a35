/// A name as written in the register, and the plain ASCII form used to build email addresses.
///
/// The ASCII form is worked out once, when the tables load, so that generating a person never
/// has to fold accents: "Siân" -> "sian", "O'Brien" -> "obrien", "Łukasz" -> "lukasz".
struct NameEntry: Sendable {
    let text: String
    let ascii: String

    init(_ text: String) {
        self.text = text
        self.ascii = Self.emailForm(of: text)
    }

    init(text: String, ascii: String) {
        self.text = text
        self.ascii = ascii
    }

    /// Lower-case ASCII letters (and hyphens between letters) only. Apostrophes and spaces go,
    /// accented letters lose their accents, and anything unknown is dropped.
    static func emailForm(of text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar == "-", let last = result.unicodeScalars.last, last != "-" {
                result.unicodeScalars.append(scalar)
            } else if let plain = folded[scalar] {
                result.unicodeScalars.append(plain)
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// Accented letters that occur in the name tables, mapped to their plain letter.
    private static let folded: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâäãåāą"), ("c", "çćč"), ("d", "ď"), ("e", "èéêëēęěė"), ("g", "ğģ"),
            ("i", "ìíîïıī"), ("k", "ķ"), ("l", "łļ"), ("n", "ñńņň"), ("o", "òóôöõøő"), ("r", "ř"),
            ("s", "śšşș"), ("t", "țţť"), ("u", "ùúûüűůū"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (plain, accented) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()
}

/// A surname with its feminine form, which differs where surnames follow gender: Polish
/// Kowalski / Kowalska, Czech Novák / Nováková, Sikh Singh / Kaur. Elsewhere both are the same.
struct Surname: Sendable {
    let masculine: NameEntry
    let feminine: NameEntry

    /// `text` is one surname, or "masculine|feminine" when the two forms are not derivable.
    init(_ text: String, inflects: Bool) {
        let forms = text.split(separator: "|").map(String.init)
        let male = NameEntry(forms[0])
        self.masculine = male
        if forms.count == 2 {
            self.feminine = NameEntry(forms[1])
        } else if inflects, text.hasSuffix("ski") || text.hasSuffix("cki") || text.hasSuffix("zki") {
            // Polish adjectival surnames (-ski, -cki, -dzki) take -a for women.
            self.feminine = NameEntry(String(text.dropLast()) + "a")
        } else {
            self.feminine = male
        }
    }
}
