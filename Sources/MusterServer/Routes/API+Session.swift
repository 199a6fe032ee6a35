import Foundation
import Hummingbird
import MusterAccess
import MusterCore
import MusterRegister

/// `POST /api/v1/login` body.
struct LoginRequest: Decodable, Sendable {
    var username: String
    var password: String
    var code: String
}

/// `POST /api/v1/login` answer: the token (shown once) and when it expires (ISO 8601, UTC).
struct LoginResponse: Encodable, Sendable {
    var token: String
    var expiresAt: String
}

extension API {
    /// Sign-in and sign-out. Sign-in is limited per client address and per username (existing or
    /// not), and only a few bcrypt checks run at once; every failure is the same 401.
    func addSessionRoutes() {
        let state = self.state
        open(.login) { request, context in
            let client = context.clientAddress(request, trustForwardedFor: state.configuration.trustForwardedFor)
            try state.limit(state.signInPerClient, key: client)
            let login = try await state.body(LoginRequest.self, of: request)
            let username = String(login.username.lowercased().prefix(64))
            try state.limit(state.signInPerAccount, key: username)
            guard state.signIns.tryAcquire() else {
                state.metrics.recordRejection(.shed)
                throw APIError.overloaded
            }
            defer { state.signIns.release() }
            let signIn: SignIn
            do {
                signIn = try await state.accounts.signIn(
                    username: login.username, password: login.password, code: login.code, kind: .session,
                    lifetime: state.configuration.tokenLifetime)
            } catch let error as RegisterError where error.code == .denied {
                throw APIError.signInFailed
            }
            let expires = Timestamp(secondsSinceEpoch: signIn.expiresAt / 1000).description
            var response = try API.json(LoginResponse(token: signIn.token, expiresAt: expires))
            response.headers[.setCookie] = "\(Gate.cookieName)=\(signIn.token); HttpOnly; Secure; SameSite=Strict; Path=/"
            return response
        }
        guarded(.logout) { request, _, _ in
            if let token = Gate.presentedToken(request) { try await state.accounts.revoke(token: token) }
            var response = Response(status: .noContent)
            response.headers[.setCookie] = "\(Gate.cookieName)=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0"
            return response
        }
    }

}
