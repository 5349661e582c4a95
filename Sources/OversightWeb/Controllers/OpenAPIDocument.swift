import OversightFormats
import OversightViews

/// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.
enum OpenAPIDocument {
    static func periodParameter() -> JSONValue {
        .object([
            ("name", .string("period")), ("in", .string("query")), ("required", .bool(false)),
            (
                "description",
                .string("A reporting year (2025 or 2024-25), a month (2024-06), a quarter (2024Q3) or START..END with ISO dates. Default: the newest reporting year loaded.")
            ),
            ("schema", .object([("type", .string("string"))])),
        ])
    }

    static func idParameter() -> JSONValue {
        .object([
            ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string("A measure id from the catalogue, e.g. rereferrals_12m_pct.")),
            ("schema", .object([("type", .string("string"))])),
        ])
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/components/schemas/\(name)"))]) }

    static func operation(_ summary: String, _ schema: String, parameters: [JSONValue], childLevel: Bool = false) -> JSONValue {
        var responses: [(String, JSONValue)] = [
            ("200", .object([("description", .string("OK")), ("content", .object([("application/json", .object([("schema", ref(schema))]))]))])),
            ("400", .object([("description", .string("The period is not understood")), ("content", .object([("application/json", .object([("schema", ref("Error"))]))]))])),
            ("401", .object([("description", .string("No valid API token")), ("content", .object([("application/json", .object([("schema", ref("Error"))]))]))])),
            (
                "403",
                .object([
                    ("description", .string(childLevel ? "The token's role may not see child-level data" : "The token's role may not use this")),
                    ("content", .object([("application/json", .object([("schema", ref("Error"))]))])),
                ])
            ),
        ]
        if parameters.count > 1 {
            responses.append(("404", .object([("description", .string("No such measure")), ("content", .object([("application/json", .object([("schema", ref("Error"))]))]))])))
        }
        return .object([("get", .object([("summary", .string(summary)), ("parameters", .array(parameters)), ("responses", .object(responses))]))])
    }

    static func schema(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        .object([("type", .string("object")), ("properties", .object(properties)), ("required", .array(required.map { .string($0) }))])
    }

    static let number: JSONValue = .object([("type", .array([.string("number"), .string("null")]))])
    static let string: JSONValue = .object([("type", .string("string"))])

    /// An API path as the document names it: below the server (`SitePath.apiV1`), parameters in braces (`/measures/{id}`).
    static func path(_ p: SitePath) -> String {
        let below = p.segments.dropFirst(SitePath.apiV1.segments.count)
        precondition(SitePath.apiV1.contains(p.pattern) && !below.isEmpty, "\(p) is not below the API's server")
        return below.map { $0.hasPrefix(":") ? "/{\($0.dropFirst())}" : "/" + $0 }.joined()
    }

    static var document: JSONValue {
        .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("Oversight API")), ("version", .string("1")),
                    (
                        "description",
                        .string(
                            "The plan's measures and KPIs, the children behind them and the imports, with the same permissions as the pages. Authenticate with `Authorization: Bearer TOKEN` (create a token with `oversight users token USERNAME`)."
                        )
                    ),
                ])
            ),
            ("servers", .array([.object([("url", .string(SitePath.apiV1.link()))])])),
            ("security", .array([.object([("bearer", .array([]))])])),
            (
                "paths",
                .object([
                    (path(.apiMeasures), operation("Every measure for a period", "MeasureList", parameters: [periodParameter()])),
                    (path(.apiMeasure), operation("One measure for a period, with its 24-month series", "MeasureDetail", parameters: [periodParameter(), idParameter()])),
                    (
                        path(.apiMeasureRecords),
                        operation(
                            "The records behind a measure's numerator and denominator (child-level; every call is logged)", "MeasureRecords",
                            parameters: [periodParameter(), idParameter()], childLevel: true)
                    ),
                    (path(.apiKPIs), operation("The plan's KPIs for a period: value, target, RAG status, trend, comparator", "KPIList", parameters: [periodParameter()])),
                    (path(.apiImports), operation("The authority's imports with their files and findings", "ImportList", parameters: [])),
                ])
            ),
            (
                "components",
                .object([
                    ("securitySchemes", .object([("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))])),
                    (
                        "schemas",
                        .object([
                            ("Error", schema([("error", string)], required: ["error"])),
                            (
                                "Period",
                                schema(
                                    [
                                        ("start", .object([("type", .string("string")), ("format", .string("date"))])),
                                        ("end", .object([("type", .string("string")), ("format", .string("date"))])),
                                    ], required: ["start", "end"])
                            ),
                            (
                                "Measure",
                                schema(
                                    [
                                        ("id", string), ("unit", .object([("enum", .array(["count", "percent", "rate", "ratio"].map { .string($0) }))])),
                                        ("numerator", number), ("denominator", number), ("value", number),
                                        ("warnings", .object([("type", .string("array")), ("items", string)])),
                                    ],
                                    required: ["id", "unit", "numerator", "denominator", "value", "warnings"])
                            ),
                            (
                                "MeasureList",
                                schema(
                                    [("period", ref("Period")), ("measures", .object([("type", .string("array")), ("items", ref("Measure"))]))], required: ["period", "measures"])
                            ),
                            ("SeriesPoint", schema([("end", string), ("numerator", number), ("denominator", number), ("value", number)], required: ["end"])),
                            (
                                "MeasureDetail",
                                schema(
                                    [
                                        ("period", ref("Period")), ("measure", .object([("oneOf", .array([ref("Measure"), .object([("type", .string("null"))])]))])),
                                        ("series", .object([("type", .string("array")), ("items", ref("SeriesPoint"))])),
                                    ], required: ["period", "measure", "series"])
                            ),
                            (
                                "Record",
                                schema(
                                    [
                                        ("child", string), ("kind", string), ("key", string),
                                        ("start", .object([("type", .array([.string("string"), .string("null")]))])),
                                        ("end", .object([("type", .array([.string("string"), .string("null")]))])),
                                    ], required: ["child", "kind", "key"])
                            ),
                            (
                                "MeasureRecords",
                                schema(
                                    [
                                        ("period", ref("Period")), ("measure", ref("Measure")),
                                        ("numerator_records", .object([("type", .string("array")), ("items", ref("Record"))])),
                                        ("denominator_records", .object([("type", .string("array")), ("items", ref("Record"))])),
                                    ],
                                    required: ["period", "measure", "numerator_records", "denominator_records"])
                            ),
                            (
                                "KPI",
                                schema(
                                    [
                                        ("ambition", .object([("type", .string("number"))])), ("wording", string), ("measure", string), ("value", number),
                                        ("target", string), ("target_value", number), ("status", string), ("last_year", number),
                                        ("trend_vs_last_year", string), ("comparator", number),
                                    ], required: ["ambition", "wording", "measure", "status"])
                            ),
                            (
                                "KPIList",
                                schema(
                                    [("period", ref("Period")), ("plan", string), ("kpis", .object([("type", .string("array")), ("items", ref("KPI"))]))],
                                    required: ["period", "plan", "kpis"])
                            ),
                            (
                                "Import",
                                schema(
                                    [
                                        ("id", .object([("type", .string("number"))])), ("imported_at", string), ("user", string), ("status", string),
                                        ("collection_years", .object([("type", .string("array")), ("items", .object([("type", .string("number"))]))])),
                                        ("files", .object([("type", .string("array")), ("items", .object([("type", .string("object"))]))])),
                                        ("findings", .object([("type", .string("object"))])),
                                    ], required: ["id", "status"])
                            ),
                            ("ImportList", schema([("imports", .object([("type", .string("array")), ("items", ref("Import"))]))], required: ["imports"])),
                        ])
                    ),
                ])
            ),
        ])
    }
}
