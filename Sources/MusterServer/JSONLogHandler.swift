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

    /// Writes the event as one JSON line. An attached error is not written: its description
    /// could hold anything.
    public func log(event: LogEvent) {
        let level = event.level, message = event.message, explicit = event.metadata
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit { merged.merge(explicit) { $1 } }
        var object: [String: String] = [:]
        for (key, value) in merged { object[key] = "\(value)" }
        object["time"] = Date().formatted(.iso8601)
        object["level"] = level.rawValue
        object["label"] = label
        object["message"] = message.description
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
