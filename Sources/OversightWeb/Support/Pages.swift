import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// Wraps page content in the site's layout for the request's user, and makes responses.
enum Pages {
    /// The main navigation the user's role may use (`Navigation.items`: each section is shown
    /// exactly when its route admits the role).
    /// The navigation; with `period` (a period's description) the sections that show figures
    /// for a period (the overview and the measures) open on it, so the period travels.
    static func navigation(for role: Role?, current: String?, period: String? = nil) -> [NavItem] {
        let items = Navigation.items(for: role, current: current)
        guard let period else { return items }
        return items.map { item in
            var i = item
            if [SiteURL.overview, SiteURL.measures].contains(i.href) { i.href += "?period=" + period }
            return i
        }
    }

    /// The authority's name as published by the DfE, or its code.
    static func authorityName(_ code: String?, request: Request) -> String {
        guard let code else { return "" }
        return request.services.authorityName(code)
    }

    /// A whole page for the request's user; `authorityName` replaces the name of the user's
    /// authority beside the service's (a region's name on the regional pages).
    static func page(
        _ request: Request, title: String, section: String?, content: HTML, breadcrumbs: [Breadcrumb] = [],
        extraHead: HTML = .empty, status: HTTPResponseStatus = .ok, authorityName name: String? = nil
    ) -> Response {
        // A session still waiting for its second factor gets no navigation: nothing else opens yet.
        let user = request.signed?.awaitingSecondFactor == true ? nil : request.user
        let chrome = PageChrome(
            title: title, authorityName: name ?? authorityName(user?.authority, request: request),
            navigation: navigation(for: user?.role, current: section, period: request.periodForLinks),
            user: user.map { SignedInUser(name: $0.displayName, role: $0.role.title) },
            csrfToken: request.signed?.csrf ?? "", isSyntheticData: request.services.options.isSyntheticData,
            breadcrumbs: breadcrumbs)
        return html(Layout.page(chrome, content: content, extraHead: extraHead), status: status)
    }

    /// An HTML response.
    static func html(_ document: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: document))
    }

    /// A table as a download: CSV, or an XLSX workbook with dates and numbers typed as such.
    static func download(_ table: ExportTable, filename: String, format: String) throws -> Response {
        var headers = HTTPHeaders()
        let body: Response.Body
        if format == "xlsx" {
            headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            body = .init(data: try table.xlsx())
        } else {
            headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            body = .init(string: try table.csv())
        }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename).\(format == "xlsx" ? "xlsx" : "csv")\"")
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The error page for a status, in plain words.
    static func error(status: HTTPResponseStatus, reason: String?, request: Request) -> Response {
        let kind: ErrorPage.Kind? =
            switch status {
            case .notFound: .notFound
            case .forbidden where reason == nil: .forbidden
            case .internalServerError: .serverError
            default: status.code >= 500 ? .serverError : nil
            }
        if let kind {
            let page = ErrorPage.Model(kind: kind)
            return Pages.page(request, title: ErrorPage.title(page), section: nil, content: ErrorPage.render(page), status: status)
        }
        // A request the user can put right: say what is wrong and how to go on.
        let content =
            HTML.el("h1", [("class", "ov-heading-l")], text: "There is a problem")
            + HTML.el("p", [("class", "ov-body")], text: reason ?? "The request could not be understood.")
            + HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", SiteURL.overview)], text: "Go to the overview"))
        return Pages.page(request, title: "There is a problem", section: nil, content: content, status: status)
    }
}

/// Which later parts of the product are present.
enum WebFeatures {
    static let hasAudits = true
}
