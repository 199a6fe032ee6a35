extension FileVault {
    /// The longest name, in bytes (the usual file-system limit).
    public static let maximumNameBytes = 255

    /// Throws `invalidName` unless `name` is a name the vault accepts: 1–255 characters, each
    /// an ASCII letter, digit, `.`, `_` or `-`; not starting with `.`; no `..` anywhere.
    ///
    /// No `/` means a name can never leave the directory; no leading dot keeps `.`, `..` and
    /// the vault's hidden temporaries out of reach.
    public static func validate(name: String) throws(VaultError) {
        guard isValid(name: name) else {
            throw VaultError(
                .invalidName, "a vault name is 1–255 of [A-Za-z0-9._-], not starting with '.', without '..'")
        }
    }

    /// Whether ``validate(name:)`` accepts `name`.
    public static func isValid(name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumNameBytes, bytes[0] != UInt8(ascii: ".") else { return false }
        guard bytes.allSatisfy(isNameByte) else { return false }
        return !zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
