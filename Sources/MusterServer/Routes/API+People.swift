import Hummingbird
import MusterCore
import MusterRegister
import MusterStore

extension API {
    /// Many people: the paged list and the exact-match search, both confined by the gate to the
    /// branches the staff member may see. Search values arrive in the query string and are
    /// never logged (the log names the route template only).
    func addPeopleRoutes() {
        guarded(.listPeople) { request, _, access in
            let filter = try API.personFilter(request, within: access.withinBranches)
            var page = filter
            page.afterNumber = request.query("after")
            if let limit = request.query("limit") {
                guard let size = Int(limit), (1...Register.maximumPageSize).contains(size) else {
                    throw APIError.badRequest("limit must be 1 to \(Register.maximumPageSize)")
                }
                page.limit = size
            }
            let result = try await access.register.list(page, disclosure: access.disclosure(reason: request.query("reason")))
            return API.json(bytes: PeopleJSON(people: result.people.map(PersonJSON.init), next: result.next).json)
        }
        guarded(.searchPeople) { request, _, access in
            let query = try API.searchQuery(request)
            let within = access.within
            let found = try await access.register.find(query, disclosure: access.disclosure(reason: request.query("reason")), within: within)
            return API.json(bytes: PeopleJSON(people: found.map(PersonJSON.init), next: nil).json)
        }
    }

    /// `?email=`, `?phone=` or `?postcode=&lastName=`: exactly one of them.
    static func searchQuery(_ request: Request) throws -> SearchQuery {
        let email = request.query("email"), phone = request.query("phone")
        let postcode = request.query("postcode"), lastName = request.query("lastName")
        switch (email, phone, postcode, lastName) {
        case (let email?, nil, nil, nil): return .email(email)
        case (nil, let phone?, nil, nil): return .phone(phone)
        case (nil, nil, let postcode?, let lastName?): return .postcodeAndLastName(postcode: postcode, lastName: lastName)
        default: throw APIError.badRequest("search by exactly one of: email, phone, or postcode with lastName")
        }
    }

    /// `branch`, `category` and `status` from the query, confined to `within`.
    static func personFilter(_ request: Request, within: [String]?) throws -> PersonFilter {
        var filter = PersonFilter(withinBranches: within)
        filter.branch = request.query("branch")
        if let category = request.query("category") {
            guard let value = Category(rawValue: category) else {
                throw APIError(.badRequest, "invalid_value", "unknown category: use one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.category = value
        }
        if let status = request.query("status") {
            guard let value = Status(rawValue: status) else {
                throw APIError(.badRequest, "invalid_value", "unknown status: use one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = value
        }
        return filter
    }
}
