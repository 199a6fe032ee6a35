import CoreMetrics
import Metrics
import Prometheus

/// Why a request was turned away before doing its work: the label of the rejections counter.
public enum Rejection: String, Sendable, CaseIterable {
    case rateLimited = "rate_limited"
    case shed
    case unauthenticated
    case forbidden
}

/// The server's metrics, kept in its own Prometheus registry (so tests and several servers in
/// one process do not share counters) and written through swift-metrics.
///
/// Labels are route templates (`/api/v1/people/{number}`), methods and statuses: never a path
/// as sent, which would put membership numbers and search values in the metrics.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let ledgerEntries: CoreMetrics.Gauge

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["muster_http_request_duration_seconds"] = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
            .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
        self.ledgerEntries = CoreMetrics.Gauge(label: "muster_ledger_entries", factory: factory)
        for reason in Rejection.allCases {
            CoreMetrics.Counter(label: "muster_http_rejections_total", dimensions: [("reason", reason.rawValue)], factory: factory).increment(by: 0)
        }
    }

    /// Counts one answered request and its latency.
    func recordRequest(route: String, method: String, status: Int, nanoseconds: Int64) {
        CoreMetrics.Counter(
            label: "muster_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))],
            factory: factory
        ).increment()
        CoreMetrics.Timer(label: "muster_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    /// Counts a request turned away.
    func recordRejection(_ reason: Rejection) {
        CoreMetrics.Counter(label: "muster_http_rejections_total", dimensions: [("reason", reason.rawValue)], factory: factory).increment()
    }

    /// Sets the ledger size gauge.
    func recordLedgerSize(_ entries: UInt64) {
        ledgerEntries.record(Int64(clamping: entries))
    }

    /// A vault's shipping state: the last entry it holds and how many committed entries it lacks.
    func recordShipping(vault: String, shippedThrough: UInt64, lag: UInt64) {
        CoreMetrics.Gauge(label: "muster_shipping_shipped_through", dimensions: [("vault", vault)], factory: factory)
            .record(Int64(clamping: shippedThrough))
        CoreMetrics.Gauge(label: "muster_shipping_lag_entries", dimensions: [("vault", vault)], factory: factory).record(Int64(clamping: lag))
    }

    /// Counts a failed shipping attempt (the vault is retried with backoff).
    func recordShippingFailure(vault: String) {
        CoreMetrics.Counter(label: "muster_shipping_failures_total", dimensions: [("vault", vault)], factory: factory).increment()
    }

    /// Everything, in the Prometheus text format.
    public func render() -> String {
        registry.emitToString()
    }
}
