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
            #expect(await offThePool { normal.readUntilClosed() }.hasPrefix("HTTP/1.1 200"))

            // Headers that never finish: closed by the idle timeout.
            let slowHeaders = try RawSocket(port: port)
            try slowHeaders.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
            // Closed by the server (end of stream), not given up on by the client after its own
            // 10 minutes: how long the 1 s timeout takes to fire depends on how busy the machine
            // is (5.2 s once, with the whole suite running), so the time is not what is checked.
            #expect(await offThePool { slowHeaders.readUntilClosed() }.isEmpty)
            #expect(slowHeaders.isClosed)

            // A body trickled a byte every 250 ms, each inside the 1 s idle timeout: closed by the
            // 1 s read deadline, long before the body's 500 bytes (125 s), which is what is
            // checked: before the 120th byte (30 s). The deadline's timer fires late on a busy
            // machine: at the 60th byte (15 s) once, with the whole suite running. The bytes are
            // sent from a thread of its own, so the gaps between them really are 250 ms however
            // far behind the shared threads are.
            let trickle = try RawSocket(port: port)
            try trickle.send("POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n")
            let sentBeforeCutOff = await offThePool { () -> Int? in
                for sent in 0..<240 {
                    Thread.sleep(forTimeInterval: 0.25)
                    if (try? trickle.send("{")) == nil || trickle.isClosed { return sent }
                }
                return nil
            }
            let sent = try #require(sentBeforeCutOff, "a body trickled inside the idle timeout was never cut off")
            #expect(sent < 120, "cut off only after \(sent) bytes")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
