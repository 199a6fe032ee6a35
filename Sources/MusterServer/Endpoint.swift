public import Hummingbird
public import MusterAccess

/// What a route needs before its handler may run. Every route declares one, and the ``Gate``
/// is the only code that acts on it.
public enum Scope: Sendable, Hashable {
    /// No sign-in: health, metrics, the API document and sign-in itself.
    case open
    /// Any signed-in staff member (signing out).
    case signedIn
    /// A permission that is not about one person or a set of people (stats, ledger).
    case global(Permission)
    /// A permission on the person named by the `{number}` path parameter, decided on their branch.
    case person(Permission)
    /// A permission on many people (list, search, export), confined to the branches the staff
    /// member may see.
    case people(Permission)

    /// The permission the scope asks for, if any.
    public var permission: Permission? {
        switch self {
        case .open, .signedIn: nil
        case .global(let p), .person(let p), .people(let p): p
        }
    }
}

/// One route of the server: method, path (OpenAPI template syntax) and scope. ``all`` is the
/// whole table; the router is built from it and tests check the router and the OpenAPI
/// document against it.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPRequest.Method
    public let path: String
    public let scope: Scope

    init(_ method: HTTPRequest.Method, _ path: String, _ scope: Scope) {
        self.method = method
        self.path = path
        self.scope = scope
    }

    /// `GET /api/v1/people/{number}`.
    public var description: String { "\(method.rawValue) \(path)" }

    /// The disclosure channel recorded on the ledger: `api GET /api/v1/people/{number}`.
    var channel: String { "api \(description)" }

    static let healthz = Endpoint(.get, "/healthz", .open)
    static let readyz = Endpoint(.get, "/readyz", .open)
    static let metrics = Endpoint(.get, "/metrics", .open)
    static let openAPI = Endpoint(.get, "/api/v1/openapi.json", .open)
    static let login = Endpoint(.post, "/api/v1/login", .open)
    static let logout = Endpoint(.post, "/api/v1/logout", .signedIn)

    static let listPeople = Endpoint(.get, "/api/v1/people", .people(.listPeople))
    static let searchPeople = Endpoint(.get, "/api/v1/people/search", .people(.searchPeople))
    static let exportPeople = Endpoint(.get, "/api/v1/people/export", .people(.exportPeople))
    static let importPeople = Endpoint(.post, "/api/v1/people/import", .global(.importPeople))
    static let createPerson = Endpoint(.post, "/api/v1/people", .global(.createPerson))
    static let getPerson = Endpoint(.get, "/api/v1/people/{number}", .person(.readPerson))
    static let updatePerson = Endpoint(.patch, "/api/v1/people/{number}", .person(.updatePerson))
    static let changeStatus = Endpoint(.post, "/api/v1/people/{number}/status", .person(.changeStatus))
    static let erasePerson = Endpoint(.delete, "/api/v1/people/{number}", .person(.erasePerson))
    static let personHistory = Endpoint(.get, "/api/v1/people/{number}/history", .person(.readHistory))

    static let stats = Endpoint(.get, "/api/v1/stats", .global(.readStats))
    static let eligibility = Endpoint(.get, "/api/v1/eligibility", .global(.readEligibility))
    static let checkpoint = Endpoint(.get, "/api/v1/ledger/checkpoint", .global(.readCheckpoints))
    static let publicKey = Endpoint(.get, "/api/v1/ledger/public-key", .global(.readCheckpoints))

    /// Every route the server answers.
    public static let all: [Endpoint] = [
        healthz, readyz, metrics, openAPI, login, logout,
        listPeople, searchPeople, exportPeople, importPeople, createPerson, getPerson, updatePerson, changeStatus,
        erasePerson, personHistory, stats, eligibility, checkpoint, publicKey,
    ]
}
