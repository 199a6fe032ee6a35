import Foundation
import HTTPTypes
public import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage and the client's address (the key for
/// per-client rate limits; never logged, since an IP address is personal data).
public struct MusterRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or `nil` when there is no socket (router tests).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies decoded with `request.decode` are read up to this size; the import route
    /// streams its body under its own, larger limit.
    public var maxUploadSize: Int { 64 * 1024 }
}

extension MusterRequestContext {
    /// The address rate limits are keyed on: the socket peer, or (only when configured behind a
    /// proxy) the last `X-Forwarded-For` entry, which that proxy appended.
    func clientAddress(_ request: Request, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return peerAddress ?? "unknown"
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xRequestID = Self("X-Request-ID")!
}
