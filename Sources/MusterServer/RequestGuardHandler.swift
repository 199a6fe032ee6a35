import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A channel handler against slow and oversized uploads, below the application: a request must
/// arrive whole (head to end) within its deadline, and its body may not exceed a hard cap, or
/// the connection is closed. Slow headers are covered by the idle timeout, which no partial head
/// resets; this covers a body trickled in a byte at a time, which every part would otherwise
/// keep alive, even on routes that never read a body (the server drains it).
final class RequestGuardHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    struct Limits: Sendable {
        var readTimeout: TimeAmount
        var maxBodyBytes: Int
        /// Requests whose path starts with this (the import) get the upload limits below.
        var uploadPath: String
        var uploadReadTimeout: TimeAmount
        var maxUploadBytes: Int
    }

    private let limits: Limits
    private var deadline: Scheduled<Void>?
    private var bodyBytes = 0
    private var maxBodyBytes = 0

    init(limits: Limits) {
        self.limits = limits
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let upload = head.path?.hasPrefix(limits.uploadPath) ?? false
            bodyBytes = 0
            // The application answers an oversized body with 413 first; the cap closes the
            // connection only if the client keeps sending after that.
            maxBodyBytes = (upload ? limits.maxUploadBytes : limits.maxBodyBytes) + 1024 * 1024
            schedule(context, in: upload ? limits.uploadReadTimeout : limits.readTimeout)
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if bodyBytes > maxBodyBytes {
                cancel()
                context.close(promise: nil)
                return
            }
        case .end:
            cancel()
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    private func schedule(_ context: ChannelHandlerContext, in delay: TimeAmount) {
        cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            context.close(promise: nil)
        }
    }

    private func cancel() {
        deadline?.cancel()
        deadline = nil
    }
}
