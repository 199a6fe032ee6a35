import Logging
import MusterRegister
import ServiceLifecycle

/// The vault shipper as a service beside the HTTP server, in the same `ServiceGroup`: it ships
/// about every second, and on SIGTERM makes a last round once the server has drained.
struct ShippingService: Service {
    let shipper: ContinuousShipper
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        let stop = StopSignal()
        await withGracefulShutdownHandler {
            await shipper.run(stop: stop) { event in
                switch event {
                case .shipped(let vault, let round, let lag):
                    metrics.recordShipping(vault: vault, shippedThrough: round.shippedThrough, lag: lag)
                case .keySnapshot(let vault, let name, _):
                    logger.info("key-store snapshot shipped", metadata: ["vault": "\(vault)", "name": "\(name)"])
                case .registerSnapshot(let vault, let snapshot):
                    logger.info(
                        "register snapshot shipped",
                        metadata: ["vault": "\(vault)", "name": "\(snapshot.name)", "entries": "\(snapshot.ledgerSize)"])
                case .failed(let vault, let message, let retryIn):
                    metrics.recordShippingFailure(vault: vault)
                    logger.warning("vault unreachable", metadata: ["vault": "\(vault)", "error": "\(message)", "retry_s": "\(retryIn.components.seconds)"])
                case .recovered(let vault):
                    logger.info("vault reachable again", metadata: ["vault": "\(vault)"])
                }
            }
        } onGracefulShutdown: {
            stop.set()
        }
    }
}
