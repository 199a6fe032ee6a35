/// The kind of person in the register.
public enum Category: String, Sendable, CaseIterable, Hashable {
    /// Pays dues directly; full rights.
    case member
    /// Joined through an affiliated trade union; carries that union's name.
    case affiliatedSupporter = "affiliated_supporter"
    /// Paid a one-off fee; limited voting rights.
    case registeredSupporter = "registered_supporter"
    /// Volunteers, donors, petition signers and other people.
    case contact
}
