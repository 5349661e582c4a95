import Testing
import OversightCore
@testable import OversightViews

@Suite struct ComponentTests {
    @Test func elementEscapesAttributeValuesAndText() {
        let h = HTML.el("a", [("href", "/x?a=1&b=\"2\""), ("hidden", ""), ("title", nil)], text: "<b>")
        #expect(h.markup == "<a href=\"/x?a=1&amp;b=&quot;2&quot;\" hidden>&lt;b&gt;</a>")
    }

    @Test func errorSummaryLinksEachErrorToItsField() {
        let h = ErrorSummary.render([
            FieldError(fieldID: "username", message: "Enter your username"),
            FieldError(fieldID: "password", message: "Enter your <password>"),
        ]).markup
        #expect(h.contains("role=\"alert\""))
        #expect(h.contains("There is a problem"))
        #expect(h.contains("<a href=\"#username\">Enter your username</a>"))
        #expect(h.contains("Enter your &lt;password&gt;"))
        #expect(ErrorSummary.render([]).isEmpty)
    }

    @Test func textInputKeepsTheValueAndTiesHintAndErrorToIt() {
        let h = FormGroup.text(id: "username", label: "Username", hint: "As given", value: "\"amy\"", error: "Enter a username").markup
        #expect(h.contains("<label class=\"ov-label\" for=\"username\">Username</label>"))
        #expect(h.contains("value=\"&quot;amy&quot;\""))
        #expect(h.contains("aria-describedby=\"username-hint username-error\""))
        #expect(h.contains("ov-form-group--error"))
        #expect(h.contains("<span class=\"ov-visually-hidden\">Error: </span>Enter a username"))
    }

    @Test func passwordNeverShowsAValue() {
        let h = FormGroup.password(id: "password", label: "Password").markup
        #expect(!h.contains("value="))
        #expect(h.contains("type=\"password\""))
    }

    @Test func selectRadiosTextareaFileAndDateHaveLabels() {
        let opts = [FormOption(value: "a", label: "A"), FormOption(value: "b", label: "B", hint: "Bee")]
        let h = [
            FormGroup.select(id: "role", label: "Role", options: opts, selected: "b"),
            FormGroup.radios(id: "kind", legend: "Kind", options: opts, selected: "a"),
            FormGroup.textarea(id: "notes", label: "Notes", value: "</textarea><script>"),
            FormGroup.file(id: "files", label: "Files", accept: ".csv", isMultiple: true),
            FormGroup.date(id: "from", label: "From", value: "2025-01-31"),
        ].joined.markup
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(h.contains("<option value=\"b\" selected>B</option>"))
        #expect(h.contains("id=\"kind\" name=\"kind\" type=\"radio\" value=\"a\" checked"))
        #expect(h.contains("id=\"kind-2\""))
        #expect(h.contains("&lt;/textarea&gt;&lt;script&gt;"))
        #expect(h.contains("<legend class=\"ov-fieldset__legend\">Kind</legend>"))
    }

    @Test(arguments: [
        (KPIStatus.green, "On track", "green"), (.amber, "Close to target", "amber"), (.red, "Off track", "red"),
        (.monitor, "No target", "grey"), (.noData, "No data yet", "grey"),
    ])
    func statusTagSaysTheStatusInWords(status: KPIStatus, words: String, colour: String) {
        #expect(StatusTag.render(status).markup == "<strong class=\"ov-tag ov-tag--\(colour)\">\(words)</strong>")
    }

    @Test func buttonsOfEachKind() {
        #expect(Button.render("Save").markup.contains("class=\"ov-button\""))
        #expect(Button.render("Undo", kind: .warning).markup.contains("ov-button ov-button--warning"))
        let form = Button.postForm("Disable", action: "/users/a/disable", csrfToken: "tok\"", kind: .warning).markup
        #expect(form.contains("method=\"post\""))
        #expect(form.contains("name=\"csrf\" value=\"tok&quot;\""))
    }

    @Test func tableHasCaptionColumnScopesNumericAlignmentAndSortLinks() {
        let t = DataTable(
            caption: "Children", columns: [.init("child", "Child", isSortable: true), .init("n", "Count", isNumeric: true, isSortable: true)],
            rows: [[.text("A1"), .text("3")]], sort: SortOrder(column: "n", direction: .asc),
            link: Query(path: "/measures/x", [("filter", "a b"), ("page", "3")])
        ).render().markup
        #expect(t.contains("<caption class=\"ov-table__caption\">Children</caption>"))
        #expect(Check.count("scope=\"col\"", in: t) == 2)
        #expect(t.contains("ov-table__cell--numeric"))
        #expect(t.contains("aria-sort=\"ascending\""))
        #expect(t.contains("aria-sort=\"none\""))
        // The sorted column's link turns the order round, keeps the filter and drops the page.
        #expect(t.contains("href=\"/measures/x?filter=a%20b&amp;sort=n&amp;dir=desc\""))
        #expect(t.contains("href=\"/measures/x?filter=a%20b&amp;sort=child&amp;dir=asc\""))
    }

    @Test func tableWithoutRowsSaysSo() {
        let t = DataTable(caption: "Findings", columns: [.init("a", "A")], rows: [], emptyMessage: "No findings.").render().markup
        #expect(!t.contains("<table"))
        #expect(t == "<p class=\"ov-table__caption\">Findings</p><p class=\"ov-body ov-table__empty\">No findings.</p>")
    }

    @Test func sortOrderIgnoresUnknownColumns() {
        #expect(SortOrder(sort: "drop table", dir: "asc", allowed: ["child"]) == nil)
        #expect(SortOrder(sort: "child", dir: "sideways", allowed: ["child"]) == SortOrder(column: "child", direction: .asc))
    }

    @Test func paginationShowsFirstLastAndNeighbours() {
        #expect(Pagination.pageNumbers(current: 5, count: 10) == [1, nil, 4, 5, 6, nil, 10])
        #expect(Pagination.pageNumbers(current: 1, count: 3) == [1, 2, 3])
        #expect(Pagination.pageNumbers(current: 4, count: 7) == [1, 2, 3, 4, 5, 6, 7])
        let h = Pagination.render(page: 2, pageCount: 3, link: Query(path: "/data", [("q", "x")])).markup
        #expect(h.contains("href=\"/data?q=x\" rel=\"prev\""))
        #expect(h.contains("aria-current=\"page\""))
        #expect(h.contains("href=\"/data?q=x&amp;page=3\" rel=\"next\""))
        #expect(Pagination.render(page: 1, pageCount: 1, link: Query(path: "/")).isEmpty)
        #expect(Array(Pagination.slice(Array(1...25), page: 3, perPage: 10)) == [21, 22, 23, 24, 25])
        #expect(Array(Pagination.slice(Array(1...25), page: 9, perPage: 10)) == [21, 22, 23, 24, 25])
    }

    @Test func noticesBannersInsetAndDetails() {
        #expect(Notice.banner(.success, heading: "Import undone").markup.contains("role=\"alert\""))
        #expect(Notice.banner(.important, heading: "x").markup.contains("role=\"region\""))
        #expect(Notice.inset(text: "<i>").markup == "<div class=\"ov-inset-text\">&lt;i&gt;</div>")
        #expect(Notice.details(summary: "Help", content: .text("More")).markup.hasPrefix("<details class=\"ov-details\">"))
    }

    @Test func summaryListUsesADescriptionList() {
        let h = SummaryList.render([.init("Name", text: Samples.hostile)]).markup
        #expect(h.contains("<dt class=\"ov-summary-list__key\">Name</dt>"))
        #expect(!h.contains("<script>"))
    }
}
