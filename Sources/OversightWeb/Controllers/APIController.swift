import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import Vapor

/// The JSON API under /api/v1: the same data and permissions as the pages, for a bearer token.
enum APIController {
    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(string: value.text(pretty: false)))
    }

    /// GET /api/v1/measures: every measure for the period, in the CLI's contract.
    static func measures(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        let results = services.dashboards.allMeasures(authority: user.authority, period: period, snapshot: snapshot)
        return json(.object([("period", MeasureOutput.json(period)), ("measures", .array(results.map(MeasureOutput.json)))]))
    }

    /// GET /api/v1/measures/:id: one measure for the period and its monthly series.
    static func measure(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let id = req.parameters.get("id") ?? ""
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        guard Plan.measureDefinition(id) != nil else { throw Abort(.notFound, reason: "There is no measure '\(id)'.") }
        let result = services.dashboards.measure(id, authority: user.authority, period: period, snapshot: snapshot)
        let series = services.dashboards.series(id, authority: user.authority, endingOn: period.end, snapshot: snapshot)
        return json(
            .object([
                ("period", MeasureOutput.json(period)),
                ("measure", result.map(MeasureOutput.json) ?? .null),
                (
                    "series",
                    .array(
                        series.map { r in
                            .object([
                                ("end", .string(r.period.end.iso)), ("numerator", .number(r.numerator)),
                                ("denominator", .number(r.denominator)), ("value", .number(r.value)),
                            ])
                        })
                ),
            ]))
    }

    /// GET /api/v1/measures/:id/records: the children behind the numbers (child-level roles; logged).
    static func records(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let id = req.parameters.get("id") ?? ""
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        guard Plan.measureDefinition(id) != nil else { throw Abort(.notFound, reason: "There is no measure '\(id)'.") }
        guard let r = services.dashboards.measure(id, authority: user.authority, period: period, snapshot: snapshot, includeRecords: true) else {
            throw Abort(.notFound, reason: "The measure '\(id)' cannot be computed for this period.")
        }
        try await services.accounts.record(
            authority: user.authority, user: user.username, action: "viewed records (API)",
            target: "\(id) \(period)", isChildLevel: true)
        return json(
            .object([
                ("period", MeasureOutput.json(period)), ("measure", MeasureOutput.json(r)),
                ("numerator_records", .array(r.numeratorRecords.map(MeasureOutput.json))),
                ("denominator_records", .array(r.denominatorRecords.map(MeasureOutput.json))),
            ]))
    }

    /// GET /api/v1/kpis: the plan's KPIs for the period.
    static func kpis(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        let data = await services.dashboards.dashboard(authority: user.authority, period: period, snapshot: snapshot)
        return json(KPIOutput.json(data))
    }

    /// GET /api/v1/imports: the authority's imports.
    static func imports(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let list = try await req.services.store.imports().list(authority: user.authority)
        return json(
            .object([
                (
                    "imports",
                    .array(
                        list.map { i in
                            .object([
                                ("id", .number(Double(i.id.rawValue))), ("imported_at", .string(ISO8601DateFormatter().string(from: i.importedAt))),
                                ("user", .string(i.user)), ("status", .string(i.status.rawValue)),
                                ("collection_years", .array(i.collectionYears.map { .number(Double($0)) })),
                                (
                                    "files",
                                    .array(
                                        i.files.map { f in
                                            .object([
                                                ("name", .string((f.path as NSString).lastPathComponent)), ("size", .number(Double(f.size))),
                                                ("sha256", .string(f.sha256)), ("table", .string(f.table)), ("rows_read", .number(Double(f.rowsRead))),
                                                ("rows_stored", .number(Double(f.rowsStored))),
                                            ])
                                        })
                                ),
                                ("findings", .object(Severity.allCases.map { ($0.rawValue, .number(Double(i.findings[$0] ?? 0))) })),
                            ])
                        })
                )
            ]))
    }
}
