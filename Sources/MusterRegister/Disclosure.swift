import MusterCore
import MusterLedger

/// A disclosure of one person's data: who saw it, through what, and why.
///
/// Recorded on the ledger as a `disclosure` entry naming the person by pseudonymous id only.
/// The reason is kept in clear (it is the organisation's purpose, such as "ballot mailing"), so
/// the tools that ask for one tell staff not to put personal data in it.
public struct Disclosure: Sendable, Equatable {
    /// How the data left: `cli show`, `cli find`, `cli export`, `api GET /api/v1/people/{number}`.
    public var channel: String
    public var reason: String?

    public init(channel: String, reason: String? = nil) {
        self.channel = channel
        self.reason = reason
    }

    enum Tag {
        static let channel: UInt8 = 1
        static let reason: UInt8 = 2
        static let count: UInt8 = 3
    }

    /// The payload of the per-person entry, or of a batch summary when `count` is given.
    func payload(count: Int? = nil) -> [UInt8] {
        var writer = TLVWriter()
        writer.append(Tag.channel, text: channel)
        if let reason, !reason.isEmpty { writer.append(Tag.reason, text: reason) }
        if let count { writer.append(Tag.count, text: String(count)) }
        return writer.bytes
    }

    /// Reads a disclosure payload back (for history and audits).
    init(payload: [UInt8]) throws {
        var reader = TLVReader(payload)
        var channel = ""
        var reason: String?
        while let (tag, value) = try reader.next() {
            switch tag {
            case Tag.channel: channel = String(decoding: value, as: UTF8.self)
            case Tag.reason: reason = String(decoding: value, as: UTF8.self)
            default: continue
            }
        }
        self.init(channel: channel, reason: reason)
    }
}
