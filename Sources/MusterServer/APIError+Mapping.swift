import Hummingbird
import MusterAccess
import MusterCSV
import MusterCore
import MusterRegister
import MusterStore
import NIOCore

extension APIError {
    /// The API's answer for any error a handler throws. Muster's own errors carry safe messages
    /// and stable codes; anything else becomes a bare 500 (its type goes to the log, not its text).
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as RegisterError:
            return from(error)
        case let error as DomainError:
            return APIError(.badRequest, error.code.rawValue, error.message)
        case let error as AccessError:
            return APIError(.badRequest, error.code.rawValue, error.message)
        case let error as ImportFailed:
            let problems = error.problems.map { Problem(line: $0.line, column: $0.column, message: $0.message) }
            return APIError(
                .unprocessableContent, "import_failed",
                "nothing was imported: \(error.total) problem\(error.total == 1 ? "" : "s") found", problems: problems)
        case let error as StoreError where error.code == .busy:
            return APIError(.serviceUnavailable, "busy", "the register is busy: try again shortly", retryAfter: 5)
        case let error as StoreError where error.code == .conflict:
            // The store's message names a constraint; the client needs only what to do.
            return APIError(.conflict, "conflict", "another change to the register was made at the same moment: try again")
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, "body_too_large", "the request body is too large")
        case is DecodingError:
            return badRequest("the body is not the JSON this request expects")
        case let error as HTTPError:
            return from(status: error.status)
        case let error as any HTTPResponseError:
            return from(status: error.status)
        default:
            return internalError
        }
    }

    private static func from(_ error: RegisterError) -> APIError {
        switch error.code {
        case .notFound: return APIError(.notFound, "not_found", error.message)
        case .erased: return APIError(.gone, "erased", error.message)
        case .invalid: return APIError(.badRequest, "invalid", error.message)
        case .duplicate: return APIError(.conflict, "duplicate", error.message)
        case .importFailed: return APIError(.unprocessableContent, "import_failed", error.message)
        case .denied: return unauthenticated
        case .keys: return APIError(.serviceUnavailable, "keys_unavailable", "the server cannot read personal data: its keys are missing")
        case .layout, .corrupt: return internalError
        }
    }

    private static func from(status: HTTPResponse.Status) -> APIError {
        switch status {
        case .notFound: return notFound
        case .methodNotAllowed: return APIError(.methodNotAllowed, "method_not_allowed", "that method is not allowed here")
        case .contentTooLarge: return APIError(.contentTooLarge, "body_too_large", "the request body is too large")
        case .requestTimeout: return APIError(.requestTimeout, "timeout", "the request took too long to arrive")
        case .unauthorized: return unauthenticated
        case .forbidden: return forbidden("not_permitted")
        default:
            return status.code < 500 ? badRequest("the request is not valid") : internalError
        }
    }
}
