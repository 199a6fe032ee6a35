import Hummingbird
import Logging
import MusterAccess
import MusterRegister

/// The one authorisation point. Every route's handler runs behind ``admit(_:context:endpoint:)``,
/// which authenticates the caller, applies the per-account rate limit and asks
/// `Authoriser.decide` about the route's ``Scope``; handlers hold no role checks.
struct Gate: Sendable {
    let register: Register
    let accounts: StaffAccounts
    let perAccount: GCRALimiter
    let metrics: ServerMetrics

    static let cookieName = "muster_session"

    /// Lets the request through (returning what the handler may use) or throws 401, 403 or 429.
    func admit(_ request: Request, context: MusterRequestContext, endpoint: Endpoint) async throws -> Access? {
        if endpoint.scope == .open { return nil }
        let staff = try await authenticate(request)
        if case .limited(let seconds) = perAccount.check(key: staff.username) {
            metrics.recordRejection(.rateLimited)
            throw APIError.rateLimited(seconds)
        }
        var within: Set<String>?
        switch endpoint.scope {
        case .open, .signedIn:
            break
        case .global(let permission):
            try decide(staff, permission, branch: nil)
        case .person(let permission):
            if Authoriser.visibleBranches(staff: staff, permission: permission) == nil {
                // The role may do this everywhere: the person's branch cannot change the answer,
                // so it is not looked up (one store read less on every request of a national role).
                try decide(staff, permission, branch: nil)
                break
            }
            let number = try context.parameters.require("number")
            // An unknown number is decided as "no branch": national roles then get a 404, branch
            // officers a 403, so probing numbers tells a branch officer nothing.
            let branch = try? await register.branch(of: number)
            try decide(staff, permission, branch: branch.flatMap { $0.isEmpty ? nil : $0 })
        case .people(let permission):
            within = try confine(staff, permission, requested: request.uri.queryParameters.get("branch"))
        }
        let acting = try register.acting(as: "staff:\(staff.username)")
        return Access(staff: staff, register: acting, within: within, endpoint: endpoint, gate: self)
    }

    /// A list, search or export: an explicit `branch=` is decided as asked; otherwise the query
    /// is confined to the branches the role reaches (`nil`: all), and refused if that is none.
    private func confine(_ staff: Staff, _ permission: Permission, requested: String?) throws -> Set<String>? {
        if let requested {
            try decide(staff, permission, branch: requested)
            return Authoriser.visibleBranches(staff: staff, permission: permission)
        }
        guard let visible = Authoriser.visibleBranches(staff: staff, permission: permission) else { return nil }
        if visible.isEmpty { try decide(staff, permission, branch: nil) }
        return visible
    }

    /// `Authoriser.decide`, turned into a 403 (and a counted rejection) on denial.
    func decide(_ staff: Staff, _ permission: Permission, branch: String?) throws {
        switch Authoriser.decide(staff: staff, permission: permission, branch: branch) {
        case .allow:
            return
        case .deny(let reason):
            metrics.recordRejection(.forbidden)
            throw APIError.forbidden(reason.rawValue)
        }
    }

    /// The staff member behind the request's token. Malformed tokens are refused before any
    /// hashing or database work, so an unauthenticated flood costs almost nothing.
    func authenticate(_ request: Request) async throws -> Staff {
        guard let token = Self.presentedToken(request), AccessToken.isWellFormed(token) else {
            metrics.recordRejection(.unauthenticated)
            throw APIError.unauthenticated
        }
        do {
            return try await accounts.authenticate(token: token)
        } catch let error as RegisterError where error.code == .denied {
            metrics.recordRejection(.unauthenticated)
            throw APIError.unauthenticated
        }
    }

    /// `Authorization: Bearer <token>`, else the session cookie.
    static func presentedToken(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            return String(parts[1])
        }
        return request.cookies[cookieName]?.value
    }
}

/// What an admitted request may use: who is asking, the register acting as them (so the ledger
/// names them), and the branches a many-people query is confined to.
struct Access: Sendable {
    let staff: Staff
    let register: Register
    /// For ``Scope/people(_:)``: the branches the query must stay within; `nil` for all.
    let within: Set<String>?
    let endpoint: Endpoint
    let gate: Gate

    /// The disclosure to record for this request's response.
    func disclosure(reason: String?) -> Disclosure {
        Disclosure(channel: endpoint.channel, reason: reason.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) })
    }

    /// Checks the route's permission again for another branch a request touches (a person
    /// created in, or moved to, that branch), through the same decision.
    func require(branch: String) throws {
        guard let permission = endpoint.scope.permission else { return }
        try gate.decide(staff, permission, branch: branch.isEmpty ? nil : branch)
    }

    /// ``within`` as a `PersonFilter.withinBranches` value.
    var withinBranches: [String]? { within.map { $0.sorted() } }
}
