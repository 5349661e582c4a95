import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// The regional pages: a regional analyst's region, every member authority's aggregates side by
/// side (`AuthorityNumbers.regionalTable`). Never a child: nothing on them opens one.
enum RegionController {
    /// GET /region: the regional table for `period=` (default the newest reporting year loaded)
    /// and `rows=all|kpis`.
    static func show(_ req: Request) async throws -> Response {
        guard let region = try await regionOf(req) else {
            let code = try req.requireUser.authority
            return Pages.page(req, title: "Regional benchmarking", section: "Region", content: RegionalPage.noRegion(code: code))
        }
        let (table, options, selected, rows) = try await table(req, region: region)
        let content = RegionalPage.render(table: table, periodOptions: options, selected: selected, rows: rows)
        return Pages.page(req, title: "Regional benchmarking: \(region.name)", section: "Region", content: content, authorityName: region.name)
    }

    /// GET /region.csv: the same table as CSV, one line per measure and authority (and one for the region).
    static func download(_ req: Request) async throws -> Response {
        guard let region = try await regionOf(req) else { throw Abort(.notFound) }
        let (table, _, _, rows) = try await table(req, region: region)
        let (header, lines) = RegionalPage.csvRows(table: table, rows: rows)
        let export = ExportTable(
            title: "\(region.code) \(table.period.description)", columns: header.map { ExportColumn($0) },
            rows: lines.map { $0.map { $0.isEmpty ? ExportValue.empty : .text($0) } })
        return try Pages.download(export, filename: "region-\(region.code.lowercased())-\(table.period.start.iso)-\(table.period.end.iso)", format: "csv")
    }

    /// The signed-in regional analyst's region; nil when their account names none the store holds.
    static func regionOf(_ req: Request) async throws -> Region? {
        let user = try req.requireUser
        guard user.role.seesRegion else { throw Abort(.forbidden) }
        return try await req.services.store.regions().region(code: user.authority)
    }

    /// The table for the request's period and rows, the period choices and the chosen one's value.
    static func table(_ req: Request, region: Region) async throws -> (RegionalTable, [FormOption], String, RegionalPage.Rows) {
        let rows = ((try? req.query.get(String.self, at: "rows")).flatMap(RegionalPage.Rows.init(rawValue:))) ?? .all
        let table = try await req.services.dashboards.numbers.regionalTable(region: region, period: try req.requestedPeriod())
        let latest = try await req.services.store.regions().latestCollectionYear(authorities: region.members) ?? table.period.end.collectionYear
        var options = stride(from: latest, through: latest - 4, by: -1).map {
            FormOption(value: String($0), label: "Reporting year \(Format.reportingYear($0))")
        }
        let selected: String
        if let known = options.first(where: { Period.parse($0.value) == table.period }) {
            selected = known.value
        } else {
            selected = table.period.description
            options.insert(FormOption(value: selected, label: Format.period(table.period)), at: 0)
        }
        return (table, options, selected, rows)
    }
}
