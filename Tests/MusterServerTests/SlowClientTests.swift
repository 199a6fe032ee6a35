import Foundation
import MusterTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import MusterServer

/// Against slow-loris: on a real socket (loopback only), a client that sends its headers or its
/// body too slowly is disconnected, while a normal request is served.
@Suite struct SlowClientTests {
    @Test func slowHeadersAndTrickledBodiesAreCutOff() async throws {
        let fixture = try await ServerFixture {
            $0.host = "127.0.0.1"
            $0.port = 0
            $0.idleTimeout = .seconds(1)
            $0.requestReadTimeout = .seconds(1)
        }
        let port = Mutex<Int?>(nil)
        let (listening, ready) = AsyncStream.makeStream(of: Void.self)
        let app = MusterServer.makeApplication(
            register: fixture.register, configuration: fixture.configuration, logger: Logger(label: "test")
        ) { address in
            port.withLock { $0 = Int(address.split(separator: ":").last ?? "") }
            ready.yield()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            for await _ in listening { break }
            let port = try #require(port.withLock { $0 })

            let normal = try RawSocket(port: port)
            try normal.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(await Self.offThePool { normal.readUntilClosed(within: 5) }.hasPrefix("HTTP/1.1 200"))

            // Headers that never finish: closed by the idle timeout.
            let slowHeaders = try RawSocket(port: port)
            try slowHeaders.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
            // Closed by the server (end of stream), not given up on by the client after its own
            // 10 s: how long the 1 s timeout takes to fire depends on how busy the machine is
            // (5.2 s once, with the whole suite running), so the time is not what is checked.
            #expect(await Self.offThePool { slowHeaders.readUntilClosed(within: 10) }.isEmpty)
            #expect(slowHeaders.isClosed)

            // A body trickled a byte at a time, each byte inside the idle timeout: closed by the
            // read deadline.
            let trickle = try RawSocket(port: port)
            try trickle.send("POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n")
            let trickleStarted = ContinuousClock.now
            var cutOff = false
            for _ in 0..<40 {
                try await Task.sleep(for: .milliseconds(250))
                if (try? trickle.send("{")) == nil || trickle.isClosed {
                    cutOff = true
                    break
                }
            }
            #expect(cutOff && ContinuousClock.now - trickleStarted < .seconds(6))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}

extension SlowClientTests {
    /// Runs a blocking socket read on a thread of its own. On one of Swift concurrency's few
    /// threads it would hold a thread the server needs to answer, and with the rest busy (the
    /// whole suite runs at once) the server's 1 s timeouts would close the connection first.
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }
}
