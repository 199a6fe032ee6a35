/// The OpenAPI 3.1 document served at `/api/v1/openapi.json`, written by hand to describe the
/// routes in ``Endpoint/all`` (a test checks that the two list exactly the same routes). Each
/// operation's `x-muster-permission` names the permission the gate asks for.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Muster",
            "version": "1.0.0",
            "description": "The membership register's API. Every response carrying personal data is recorded on the ledger as a disclosure, naming the signed-in staff member. Errors are {\"error\": {\"code\", \"message\"}} with stable codes and never hold personal data. 401 unauthenticated, 403 forbidden, 429 rate_limited and 503 overloaded may answer any signed-in route; 429 and 503 carry Retry-After."
          },
          "security": [{"bearer": []}, {"session": []}],
          "paths": {
            "/healthz": {"get": {"operationId": "health", "summary": "The process is up.", "security": [], "responses": {"200": {"description": "ok"}}}},
            "/readyz": {"get": {"operationId": "ready", "summary": "The register can be read.", "security": [], "responses": {"200": {"description": "ready"}, "503": {"$ref": "#/components/responses/Error"}}}},
            "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus text: requests by route and status, latency, rejections by reason, ledger size.", "security": [], "responses": {"200": {"description": "Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
            "/api/v1/openapi.json": {"get": {"operationId": "openAPI", "summary": "This document.", "security": [], "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/api/v1/login": {"post": {
              "operationId": "login", "summary": "Sign in with password and TOTP code; rate-limited per client and per username. Also sets the muster_session cookie.", "security": [],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Login"}}}},
              "responses": {"200": {"description": "signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Token"}}}}, "401": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/logout": {"post": {"operationId": "logout", "summary": "Revoke the presented token and clear the cookie.", "responses": {"204": {"description": "signed out"}}}},
            "/api/v1/people": {
              "get": {
                "operationId": "listPeople", "summary": "A page of people, confined to the branches the caller may see.", "x-muster-permission": "list-people",
                "parameters": [{"$ref": "#/components/parameters/branch"}, {"name": "category", "in": "query", "schema": {"type": "string"}}, {"name": "status", "in": "query", "schema": {"type": "string"}}, {"name": "after", "in": "query", "description": "the cursor: next from the previous page", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}, {"$ref": "#/components/parameters/reason"}],
                "responses": {"200": {"$ref": "#/components/responses/People"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {
                "operationId": "createPerson", "summary": "Add a person.", "x-muster-permission": "create-person",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fields"}}}},
                "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"type": "object", "properties": {"number": {"type": "string"}}}}}}, "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/people/search": {"get": {
              "operationId": "searchPeople", "summary": "Exact-match search: email, phone, or postcode with lastName. Values are never logged.", "x-muster-permission": "search-people",
              "parameters": [{"name": "email", "in": "query", "schema": {"type": "string"}}, {"name": "phone", "in": "query", "schema": {"type": "string"}}, {"name": "postcode", "in": "query", "schema": {"type": "string"}}, {"name": "lastName", "in": "query", "schema": {"type": "string"}}, {"$ref": "#/components/parameters/reason"}],
              "responses": {"200": {"$ref": "#/components/responses/People"}, "400": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/people/export": {"get": {
              "operationId": "exportPeople", "summary": "The register CSV, streamed; every exported person is recorded as disclosed first.", "x-muster-permission": "export-people",
              "parameters": [{"name": "reason", "in": "query", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/branch"}, {"name": "category", "in": "query", "schema": {"type": "string"}}, {"name": "status", "in": "query", "schema": {"type": "string"}}],
              "responses": {"200": {"description": "register CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/people/import": {"post": {
              "operationId": "importPeople", "summary": "Import a register CSV, all or nothing; problems are listed by line and column.", "x-muster-permission": "import-people",
              "requestBody": {"required": true, "content": {"text/csv": {"schema": {"type": "string"}}}},
              "responses": {"200": {"description": "imported", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/people/{number}": {
              "parameters": [{"$ref": "#/components/parameters/number"}],
              "get": {"operationId": "getPerson", "summary": "One person, decrypted.", "x-muster-permission": "read-person", "parameters": [{"$ref": "#/components/parameters/reason"}],
                "responses": {"200": {"description": "the person", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "410": {"$ref": "#/components/responses/Error"}}},
              "patch": {"operationId": "updatePerson", "summary": "Change fields (not status or number).", "x-muster-permission": "update-person",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fields"}}}},
                "responses": {"200": {"description": "the fields that changed", "content": {"application/json": {"schema": {"type": "object", "properties": {"changed": {"type": "array", "items": {"type": "string"}}}}}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}},
              "delete": {"operationId": "erasePerson", "summary": "Erase (crypto-shred) a person.", "x-muster-permission": "erase-person",
                "parameters": [{"name": "reason", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "erased"}, "400": {"$ref": "#/components/responses/Error"}, "410": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/people/{number}/status": {"post": {
              "operationId": "changeStatus", "summary": "A lifecycle change; only allowed transitions.", "x-muster-permission": "change-status",
              "parameters": [{"$ref": "#/components/parameters/number"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StatusChange"}}}},
              "responses": {"200": {"description": "changed"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/people/{number}/history": {"get": {
              "operationId": "personHistory", "summary": "Every change and disclosure about one person.", "x-muster-permission": "read-history",
              "parameters": [{"$ref": "#/components/parameters/number"}, {"$ref": "#/components/parameters/reason"}],
              "responses": {"200": {"description": "history", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/History"}}}}}}},
            "/api/v1/stats": {"get": {"operationId": "stats", "summary": "Counts by category and status, and by region.", "x-muster-permission": "read-stats",
              "responses": {"200": {"description": "counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}}}}},
            "/api/v1/eligibility": {"get": {"operationId": "eligibility", "summary": "How many may vote with this freeze date.", "x-muster-permission": "read-eligibility",
              "parameters": [{"name": "freeze", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}}, {"name": "minMonths", "in": "query", "schema": {"type": "integer"}}, {"name": "graceDays", "in": "query", "schema": {"type": "integer"}}, {"name": "affiliated", "in": "query", "schema": {"enum": ["excluded", "registered_before_freeze", "like_members"]}}],
              "responses": {"200": {"description": "counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Eligibility"}}}}, "400": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/ledger/checkpoint": {"get": {"operationId": "checkpoint", "summary": "The newest (or ?size=) signed checkpoint, C2SP tlog-checkpoint.", "x-muster-permission": "read-checkpoints",
              "parameters": [{"name": "size", "in": "query", "schema": {"type": "integer"}}],
              "responses": {"200": {"description": "signed note", "content": {"text/plain": {"schema": {"type": "string"}}}}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/api/v1/ledger/public-key": {"get": {"operationId": "publicKey", "summary": "The checkpoint verifier key, origin+keyid+base64.", "x-muster-permission": "read-checkpoints",
              "responses": {"200": {"description": "verifier key", "content": {"text/plain": {"schema": {"type": "string"}}}}}}}
          },
          "components": \#(components)
        }
        """#
}
