extension OpenAPIDocument {
    /// Schemas, parameters, responses and security schemes shared by the operations.
    static let components = #"""
        {
          "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "description": "the token from /api/v1/login"},
            "session": {"type": "apiKey", "in": "cookie", "name": "muster_session"}
          },
          "parameters": {
            "number": {"name": "number", "in": "path", "required": true, "schema": {"type": "string"}, "description": "membership number"},
            "branch": {"name": "branch", "in": "query", "schema": {"type": "string"}},
            "reason": {"name": "reason", "in": "query", "description": "why (recorded in clear on the ledger: no personal data)", "schema": {"type": "string"}}
          },
          "responses": {
            "Error": {"description": "an error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "People": {"description": "people", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/People"}}}}
          },
          "schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
              "code": {"type": "string", "examples": ["unauthenticated", "forbidden", "rate_limited", "overloaded", "not_found", "bad_request", "reason_required", "invalid_value", "body_too_large", "import_failed", "erased", "sign_in_failed"]},
              "message": {"type": "string"},
              "problems": {"type": "array", "items": {"type": "object", "properties": {"line": {"type": "integer"}, "column": {"type": "string"}, "message": {"type": "string"}}}}}}}},
            "Login": {"type": "object", "required": ["username", "password", "code"], "properties": {"username": {"type": "string"}, "password": {"type": "string"}, "code": {"type": "string"}}},
            "Token": {"type": "object", "required": ["token", "expiresAt"], "properties": {"token": {"type": "string"}, "expiresAt": {"type": "string", "format": "date-time"}}},
            "Fields": {"type": "object", "required": ["fields"], "properties": {"fields": {"type": "object", "additionalProperties": {"type": "string"}, "description": "register CSV column name to value (docs/register-csv.md)"}}},
            "StatusChange": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}, "reason": {"type": "string"}}},
            "Person": {"type": "object", "required": ["number", "fields"], "properties": {"number": {"type": "string"}, "fields": {"type": "object", "additionalProperties": {"type": "string"}}, "statusSince": {"type": "string", "format": "date"}, "continuousSince": {"type": "string", "format": "date"}}},
            "People": {"type": "object", "required": ["people"], "properties": {"people": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}}, "next": {"type": ["string", "null"]}}},
            "ImportReport": {"type": "object", "properties": {"rows": {"type": "integer"}, "created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}, "sharedEmails": {"type": "integer"}, "likelyDuplicates": {"type": "array", "items": {"type": "object", "properties": {"line": {"type": "integer"}, "matches": {"type": "string"}}}}}},
            "History": {"type": "object", "properties": {"entries": {"type": "array", "items": {"type": "object", "properties": {"sequence": {"type": "integer"}, "time": {"type": "string"}, "actor": {"type": "string"}, "kind": {"type": "string"}, "summary": {"type": "string"}, "reason": {"type": "string"}}}}}},
            "Stats": {"type": "object", "properties": {"total": {"type": "integer"}, "erased": {"type": "integer"}, "byCategoryAndStatus": {"type": "array", "items": {"type": "object", "properties": {"category": {"type": "string"}, "status": {"type": "string"}, "count": {"type": "integer"}}}}, "byRegion": {"type": "object", "additionalProperties": {"type": "integer"}}}},
            "Eligibility": {"type": "object", "properties": {"freezeDate": {"type": "string"}, "minimumMonths": {"type": "integer"}, "arrearsGraceDays": {"type": "integer"}, "affiliatedSupporters": {"type": "string"}, "eligible": {"type": "integer"}, "ineligible": {"type": "object", "additionalProperties": {"type": "integer"}}}}
          }
        }
        """#
}
