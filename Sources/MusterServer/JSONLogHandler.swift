import Foundation
public import Logging

/// A swift-log handler writing one JSON object per line (time, level, label, message and
/// metadata), for log collectors. What goes into the metadata is the callers' responsibility:
/// the server only ever logs request ids, routes, statuses, timings and error codes.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// Writes to standard error.
    public init(label: String) {
        self.init(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Writes each line (with its newline) to `write`.
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one JSON line, keys sorted. An attached error is not written: its
    /// description could hold anything.
    ///
    /// The line is built by hand rather than with `JSONSerialization`: this runs once per
    /// request, and the general encoder (a dictionary of `Any`, sorted, bridged) cost about a
    /// tenth of a person GET's time.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        var fields: [(key: String, value: String?)] = merged.map { ($0.key, "\($0.value)") }
        fields.append(("time", Self.timestamp(Date())))
        fields.append(("level", event.level.rawValue))
        fields.append(("label", label))
        fields.append(("message", event.message.description))
        var line: [UInt8] = []
        line.reserveCapacity(256)
        JSONText.appendObject(fields, to: &line)
        line.append(UInt8(ascii: "\n"))
        write(String(decoding: line, as: UTF8.self))
    }

    /// UTC time as ISO 8601 with seconds, e.g. `2026-11-26T08:10:05Z`.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
