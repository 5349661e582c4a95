import Testing
@testable import OversightViews

@Suite struct FormPagesTests {
    @Test func signInKeepsTheUsernameNeverThePasswordAndCarriesTheToken() {
        let m = SignInPage.Model(
            username: "amy\(Samples.hostile)", csrfToken: "tok-1",
            errors: [FieldError(fieldID: "password", message: "Enter your password")], returnTo: "//evil.example")
        let h = SignInPage.render(m).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(h.contains("value=\"amy&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(h.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok-1\">"))
        #expect(h.contains("<a href=\"#password\">Enter your password</a>"))
        #expect(h.contains("<form method=\"post\" action=\"/sign-in\""))
        #expect(!h.contains("evil.example"))
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(SignInPage.title(m) == "Error: Sign in")
        #expect(SignInPage.title(SignInPage.Model(csrfToken: "t")) == "Sign in")
    }

    @Test(arguments: [
        (ErrorPage.Kind.notFound, "Page not found"), (.forbidden, "You do not have access to this page"),
        (.serverError, "Sorry, there is a problem with the service"),
    ])
    func errorPagesSayWhatHappenedInPlainWords(kind: ErrorPage.Kind, heading: String) {
        let m = ErrorPage.Model(kind: kind)
        let h = ErrorPage.render(m).markup
        #expect(h.contains("<h1 class=\"ov-heading-xl\">\(heading)</h1>"))
        #expect(Check.count("<h1", in: h) == 1)
        #expect(ErrorPage.status(m) == kind.rawValue)
    }

    @Test func uploadNamesTheRefusedFileInTheErrorSummary() {
        let m = UploadPage.Model(csrfToken: "t", maxBytes: 200 * 1024 * 1024, errors: [UploadPage.wrongFormat(fileName: "notes<b>.docx")])
        let h = UploadPage.render(m).markup
        #expect(h.contains("<a href=\"#files\">notes&lt;b&gt;.docx is not a file Oversight can read."))
        #expect(h.contains("enctype=\"multipart/form-data\""))
        #expect(h.contains("Up to 200.0 MB in all."))
        #expect(h.contains("type=\"file\""))
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(UploadPage.tooLarge(fileName: "big.zip", maxBytes: 1024).message == "big.zip must be smaller than 1.0 KB")
    }

    @Test func usersPageListsUsersAndKeepsTheAddFormsValues() {
        let m = UsersPage.Model(
            users: [
                .init(username: "amy", displayName: "Amy \(Samples.hostile)", role: "Administrator", isDisabled: false),
                .init(username: "bob", displayName: "Bob", role: "Board member", isDisabled: true),
            ],
            roles: [FormOption(value: "analyst", label: "Performance analyst")],
            newUser: .init(username: "cat", displayName: "Cat", role: "analyst"),
            errors: [FieldError(fieldID: "password", message: "Enter a password of at least 12 characters")],
            csrfToken: "tok", passwordHint: "At least 12 characters")
        let h = UsersPage.render(m).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(Check.count("action=\"/users/amy/disable\"", in: h) == 1)
        #expect(!h.contains("/users/bob/disable"))
        #expect(h.contains("<option value=\"analyst\" selected>Performance analyst</option>"))
        #expect(h.contains("value=\"cat\""))
        #expect(Check.count("name=\"csrf\" value=\"tok\"", in: h) == 3)
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(Check.tablesWithoutCaption(h) == 0)
        #expect(!h.contains("<script>"))
    }

    @Test func activityLogFiltersAndExports() {
        let m = ActivityLogPage.Model(
            entries: [
                ActivityEntry(
                    at: .init(timeIntervalSince1970: 1_764_408_060), user: "amy", role: "Team manager",
                    action: "Viewed child", what: "Child C0042", href: SiteURL.child("C0042"))
            ],
            filter: ActivityFilter(user: "amy", action: "Viewed child"), actions: ["Viewed child", "Signed in"],
            total: 1, page: 1, pageCount: 1)
        let h = ActivityLogPage.render(m).markup
        #expect(h.contains("29 November 2025 at 09:21"))
        #expect(h.contains("href=\"/activity.csv?user=amy&amp;action=Viewed%20child\""))
        #expect(h.contains("<option value=\"Viewed child\" selected>"))
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(Check.tablesWithoutCaption(h) == 0)
    }

    @Test func activityFilterRefusesDatesThatAreNotReal() {
        guard case .failure(let e) = ActivityFilter(query: ["from": "2025-13-01", "to": "2025-01-01"]).dates() else {
            Issue.record("expected an error"); return
        }
        #expect(e.errors.map(\.fieldID) == ["from"])
    }
}
