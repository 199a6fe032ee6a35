import Hummingbird
import MusterRegister

extension API {
    /// The ledger's signed checkpoint and its verifier key, exactly as `muster ledger` prints
    /// them, for auditors and transparency-log tooling.
    func addLedgerRoutes() {
        guarded(.checkpoint) { request, _, access in
            var size: UInt64?
            if let text = request.query("size") {
                guard let value = UInt64(text) else { throw APIError(.badRequest, "invalid_value", "size must be a whole number") }
                size = value
            }
            return API.text(try await access.register.checkpoint(size: size))
        }
        guarded(.publicKey) { _, _, access in
            API.text(try access.register.verifierKey() + "\n")
        }
    }
}
