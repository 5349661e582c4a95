import OversightCore

/// An ambition's actions page (a fragment for the web layout): each action with its status tag,
/// owner, due date and latest progress, and a form to post a progress update.
public enum ActionsPage {
    /// The page's main content. `updateAction` is the form's target for an action id (for example
    /// `{ SitePath.planAction.link(String($0)) }`); `csrf` is the session's token, put in a hidden field.
    public static func render(
        ambition: Ambition, actions: [PlanAction], today: Day, csrf: String,
        updateAction: (Int) -> String
    ) -> HTML {
        var h = ReportDocument.heading(1, "l", "Ambition \(ambition.number): \(ambition.title)")
        h += ReportDocument.heading(2, "m", "Actions")
        guard !actions.isEmpty else { return h + ReportDocument.paragraph("No actions are tracked for this ambition yet.") }
        h += BoardPack.actions(actions, today: today)
        for a in actions {
            guard let id = a.id else { continue }
            h += HTML.raw("<form method=\"post\" class=\"ov-form\" enctype=\"multipart/form-data\" action=\"") + HTML.text(updateAction(id)) + HTML.raw("\">")
            h += HTML.raw("<input type=\"hidden\" name=\"csrf\" value=\"") + HTML.text(csrf) + HTML.raw("\">")
            h += ReportDocument.heading(3, "s", "Update: \(a.text)")
            h += HTML.raw("<div class=\"ov-form-group\"><label class=\"ov-label\" for=\"update-\(id)-text\">Progress</label>")
            h += HTML.raw("<textarea class=\"ov-input\" id=\"update-\(id)-text\" name=\"text\" rows=\"3\"></textarea></div>")
            h += HTML.raw("<div class=\"ov-form-group\"><label class=\"ov-label\" for=\"update-\(id)-evidence\">Evidence</label>")
            h += HTML.raw("<div class=\"ov-hint\" id=\"update-\(id)-evidence-hint\">Where the evidence is and what it shows.</div>")
            h += HTML.raw(
                "<textarea class=\"ov-input\" id=\"update-\(id)-evidence\" name=\"evidence\" rows=\"2\" aria-describedby=\"update-\(id)-evidence-hint\"></textarea></div>")
            h += HTML.raw("<div class=\"ov-form-group\"><label class=\"ov-label\" for=\"update-\(id)-files\">Files</label>")
            h += HTML.raw("<input class=\"ov-input\" type=\"file\" multiple id=\"update-\(id)-files\" name=\"files\"></div>")
            h += HTML.raw("<div class=\"ov-form-group\"><label class=\"ov-label\" for=\"update-\(id)-status\">Status</label>")
            h += HTML.raw("<select class=\"ov-input\" id=\"update-\(id)-status\" name=\"status\">")
            for s in ActionStatus.allCases {
                h += HTML.raw("<option value=\"\(s.rawValue)\"\(s == a.status ? " selected" : "")>") + HTML.text(s.label) + HTML.raw("</option>")
            }
            h += HTML.raw("</select></div><button class=\"ov-button\" type=\"submit\">Save update</button></form>")
        }
        return h
    }
}
