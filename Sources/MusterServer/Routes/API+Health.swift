import Foundation
import Hummingbird
import MusterRegister

extension API {
    /// `/healthz` (the process answers), `/readyz` (the register can be read), `/metrics`
    /// (Prometheus text) and the OpenAPI document.
    func addHealthRoutes() {
        open(.healthz) { _, _ in
            try API.json(["status": "ok"])
        }
        let register = state.register
        let metrics = state.metrics
        open(.readyz) { _, _ in
            do {
                metrics.recordLedgerSize(try await API.ledgerSize(register))
                return try API.json(["status": "ready"])
            } catch {
                throw APIError(.serviceUnavailable, "not_ready", "the register cannot be read", retryAfter: 5)
            }
        }
        open(.metrics) { _, _ in
            if let size = try? await API.ledgerSize(register) { metrics.recordLedgerSize(size) }
            return API.text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        open(.openAPI) { _, _ in
            API.text(OpenAPIDocument.json, contentType: "application/json; charset=utf-8")
        }
    }

    /// Entries in the ledger, committed (the newest may wait up to the checkpoint interval for
    /// the checkpoint that covers them).
    static func ledgerSize(_ register: Register) async throws -> UInt64 {
        try await register.ledgerSize()
    }
}
