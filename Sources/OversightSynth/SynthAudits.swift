import Foundation
import OversightCore

/// Demo quality assurance data: a year of monthly audit rounds over a synthetic authority's case
/// data, deterministic from a seed, built through the real workflow (`Audit` steps,
/// `AuditCohort`, `AuditSampler`) so every audit is one the product could hold.
///
/// Each month has a case file round (all open cases; every third month a themed deep dive; each
/// case on its kind's template where the templates have one) and, where the data names workers, a
/// small supervision round; each quarter, when a multi-agency template is given, three
/// multi-agency audits whose partner auditors complete their agencies' sections first. About one
/// Inadequate audit in three records a safeguarding concern; the team manager responds to each
/// alert within a few days. Grades run about 10%
/// Outstanding, 45% Good, 35% Requires improvement, 10% Inadequate; most audits are submitted by
/// their due date, a few late, a few not at all; the moderation rate rises from 25% in the first
/// month to 100% in the last (Inadequate audits always moderated), moderators agree about three
/// times in four; feedback follows, with one to three actions, most done by their due date.
/// Everything after `reportDate` is left undone, so the last round is still in progress.
public struct SynthAudits: Sendable {
    /// The rounds, oldest first.
    public var rounds: [AuditRound] = []
    /// The audits, by round.
    public var audits: [Audit] = []
    /// The team of each worker: from the organisation files when the data has them (on the
    /// report date), else a synthetic assignment to `teams`.
    public var teamOfWorker: [String: String] = [:]

    /// The teams the demo authority has.
    public static let teams = ["Assessment", "Child in need", "Child protection", "Children in care"]
    static let themes = ["Chronology", "Child's voice", "Neglect", "Domestic abuse", "Planning", "Management oversight", "Transitions"]
    static let strengths = [
        "Child's voice is clear", "Good relationship with the family", "Timely visits", "Strong multi-agency working",
        "Clear analysis of risk", "Sibling relationships considered",
    ]
    static let areas = [
        "Plans are not SMART", "Chronology out of date", "Supervision not recorded", "Father not engaged",
        "Assessment describes rather than analyses", "Case direction missing at transfer",
    ]

    /// Builds a year of rounds ending with the month of `reportDate`.
    ///
    /// - Parameters:
    ///   - templates: the case file and supervision templates (the shipped ones).
    ///   - auditors: team managers who audit; at least two (so moderators differ from auditors).
    ///   - moderators: service managers who moderate.
    ///   - sampleSize: case file audits per month.
    public init(
        data: CaseData, templates: [AuditTemplate], reportDate: Day, auditors: [String], moderators: [String],
        sampleSize: Int = 12, seed: UInt64
    ) throws {
        guard let caseFile = templates.first(where: { $0.type == .caseFile && $0.isForEveryCaseKind }) ?? templates.first(where: { $0.type == .caseFile }),
            let supervision = templates.first(where: { $0.type == .supervision })
        else {
            throw SynthAuditsError("the case file and supervision templates are both needed")
        }
        guard auditors.count >= 2, !moderators.isEmpty else { throw SynthAuditsError("at least two auditors and one moderator are needed") }
        var rng = SeededGenerator(seed: seed)
        let organisation = data.workers.isEmpty ? nil : Organisation(data)
        if let organisation {
            for t in organisation.teams(on: reportDate) { for w in t.workers { teamOfWorker[w] = t.name } }
        } else {
            let workers = Set(data.socialWorkerEpisodes.compactMap(\.workerID) + data.supervisions.map(\.worker)).sorted()
            for w in workers {
                teamOfWorker[w] = Self.teams[Int(SeededGenerator.seed(seed, w) % UInt64(Self.teams.count))]
            }
        }
        let lastMonth = reportDate.startOfMonth
        for back in stride(from: 11, through: 0, by: -1) {
            let start = lastMonth.adding(months: -back)
            let month = Period(start: start, end: start.endOfMonth)!
            let index = 11 - back
            let rate = min(100, 25 + Int((75.0 * Double(index) / 11).rounded()))
            let cohort: CohortRule = index % 3 == 2 ? CohortRule.themes[(index / 3) % CohortRule.themes.count] : .allOpenCases
            let title = Self.monthTitle(start)
            let round = AuditRound(
                id: "demo-\(start.iso.prefix(7))", name: "Case file audits, \(title)", month: month, type: .caseFile,
                cohort: cohort, cohortDay: start, sampleSize: sampleSize, seed: rng.next(),
                moderationRatePercent: rate, dueDate: start.adding(days: 27), templateID: caseFile.id)
            rounds.append(round)
            // With the organisation files the cohort's teams are who held each child that day.
            let cases = AuditSampler.sample(
                AuditCohort.compute(cohort, data: data, on: start, teamOfWorker: organisation == nil ? teamOfWorker : [:]),
                size: sampleSize, seed: round.seed)
            for (n, (c, auditor)) in AuditSampler.assign(cases, auditors: auditors).enumerated() {
                let template = AuditTemplate.forCase(c.caseKind, round: caseFile, latest: templates)
                var a = Audit.assign(
                    id: AuditID("\(round.id)-\(n + 1)"), template: template, subject: .child(c.child), caseKind: c.caseKind,
                    team: c.team, auditor: auditor, due: round.dueDate, roundID: round.id, by: "qa-lead", at: Self.noon(start))
                try Self.work(&a, template: template, round: round, reportDate: reportDate, moderators: moderators, rng: &rng)
                audits.append(a)
            }
            if index % 3 == 0, let multi = templates.first(where: { $0.type == .multiAgency }) {
                let mRound = AuditRound(
                    id: "demo-ma-\(start.iso.prefix(7))", name: "Multi-agency audits, \(title)", month: month, type: .multiAgency,
                    cohort: .allOpenCases, cohortDay: start, sampleSize: 3, seed: round.seed ^ 2,
                    moderationRatePercent: rate, dueDate: start.adding(days: 41), templateID: multi.id)
                rounds.append(mRound)
                let partners = Dictionary(
                    uniqueKeysWithValues: multi.sections.compactMap(\.agency).map { ($0, "partner-\($0.rawValue)") })
                let picked = AuditSampler.sample(
                    AuditCohort.compute(.allOpenCases, data: data, on: start, teamOfWorker: organisation == nil ? teamOfWorker : [:]),
                    size: 3, seed: mRound.seed)
                for (n, (c, auditor)) in AuditSampler.assign(picked, auditors: auditors).enumerated() {
                    var a = Audit.assign(
                        id: AuditID("\(mRound.id)-\(n + 1)"), template: multi, subject: .child(c.child), caseKind: c.caseKind,
                        team: c.team, auditor: auditor, partnerAuditors: partners, due: mRound.dueDate, roundID: mRound.id,
                        by: "qa-lead", at: Self.noon(start))
                    try Self.work(&a, template: multi, round: mRound, reportDate: reportDate, moderators: moderators, rng: &rng)
                    audits.append(a)
                }
            }
            let sampledWorkers = AuditSampler.sampleWorkers(AuditCohort.workers(data: data, on: start), size: max(1, sampleSize / 4), seed: round.seed ^ 1)
            guard !sampledWorkers.isEmpty else { continue }
            let sRound = AuditRound(
                id: "demo-sup-\(start.iso.prefix(7))", name: "Supervision audits, \(title)", month: month, type: .supervision,
                cohort: .allOpenCases, cohortDay: start, sampleSize: sampledWorkers.count, seed: round.seed ^ 1,
                moderationRatePercent: rate, dueDate: start.adding(days: 27), templateID: supervision.id)
            rounds.append(sRound)
            for (n, w) in sampledWorkers.enumerated() {
                let auditor = auditors[n % auditors.count]
                var a = Audit.assign(
                    id: AuditID("\(sRound.id)-\(n + 1)"), template: supervision, subject: .worker(w), caseKind: nil,
                    team: organisation?.spell(of: w, on: start)?.team ?? teamOfWorker[w], auditor: auditor, due: sRound.dueDate, roundID: sRound.id, by: "qa-lead",
                    at: Self.noon(start))
                try Self.work(&a, template: supervision, round: sRound, reportDate: reportDate, moderators: moderators, rng: &rng)
                audits.append(a)
            }
        }
    }

    /// Takes one audit as far through the workflow as `reportDate` allows.
    static func work(
        _ a: inout Audit, template: AuditTemplate, round: AuditRound, reportDate: Day, moderators: [String],
        rng: inout SeededGenerator
    ) throws {
        let grade = pick([(Grade.outstanding, 10), (.good, 45), (.requiresImprovement, 35), (.inadequate, 10)], &rng)
        // When the auditor submits: mostly in the last week before the due date, some late, some never.
        let timing = rng.below(100)
        let submitDay = timing < 85 ? a.dueDate.adding(days: -rng.below(8)) : timing < 95 ? a.dueDate.adding(days: 1 + rng.below(20)) : nil
        let draftDay = round.cohortDay.adding(days: 3 + rng.below(10))
        guard draftDay <= reportDate else { return }
        var answers: [String: AuditAnswer] = [:]
        // A safeguarding concern on about one Inadequate audit in three, and rarely otherwise.
        let concern = rng.below(100) < (grade == .inadequate ? 35 : 1)
        // The family's feedback is given on about half the audits whose template asks for it.
        let familyAnswers = rng.below(100) < 50
        let familySections = Set(template.sections.filter { $0.method == .familyFeedback }.flatMap(\.questions).map(\.id))
        for q in template.questions {
            if familySections.contains(q.id), !familyAnswers { continue }
            switch q.kind {
            case .yesNo:
                let yes = (q.alertAnswers ?? []).isEmpty ? rng.below(100) < 70 : concern
                answers[q.id] = AuditAnswer(
                    value: yes ? "yes" : "no", evidence: yes && !(q.alertAnswers ?? []).isEmpty ? "Synthetic demo concern: risk not acted on" : nil)
            case .judgement:
                let shifted = min(4, max(1, grade.rank + [-1, 0, 0, 0, 1][rng.below(5)]))
                answers[q.id] = AuditAnswer(value: Grade.allCases[shifted - 1].rawValue)
            case .yesPartlyNo:
                let p = [1: 95, 2: 80, 3: 40, 4: 10][grade.rank]!
                let roll = rng.below(100)
                let value = roll < p ? "yes" : roll < p + (100 - p) / 2 ? "partly" : "no"
                answers[q.id] = AuditAnswer(value: value, evidence: value == "yes" ? "Evidenced in recent visits and the plan" : "Not seen consistently on the file")
            case .freeText:
                answers[q.id] = AuditAnswer(value: "Synthetic demo notes on \(q.id.replacingOccurrences(of: "-", with: " ")).")
            }
        }
        let themes = [themesList[rng.below(themesList.count)], themesList[rng.below(themesList.count)]]
        // Partner auditors complete and submit their agencies' sections first.
        for (agency, partner) in a.partnerAuditors.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let mine = Set(template.sections.filter { $0.agency == agency }.flatMap(\.questions).map(\.id))
            try a.saveDraft(answers: answers.filter { mine.contains($0.key) }, template: template, by: partner, at: noon(draftDay))
            try a.submitSections(template: template, by: partner, at: noon(draftDay))
            for id in mine { answers[id] = nil }
        }
        try a.saveDraft(
            answers: answers, grade: grade, gradeRationale: "Judged \(grade.title.lowercased()) on the evidence of the file",
            learningThemes: themes, strengths: [strengths[rng.below(strengths.count)]],
            areasForDevelopment: grade <= .good ? [] : [areas[rng.below(areas.count)], areas[rng.below(areas.count)]],
            template: template, by: a.auditor, at: noon(draftDay))
        guard let submitDay, submitDay <= reportDate else { return }
        try a.submit(template: template, by: a.auditor, at: noon(submitDay))
        var nextDay = submitDay
        // The team manager answers an alert within a few days, unless that is after the report date.
        if a.alert != nil {
            let on = submitDay.adding(days: 1 + rng.below(4))
            if on <= reportDate {
                try a.respondToAlert("Discussed with the social worker the same week; strategy discussion held and the plan updated.", by: "Team manager (demo)", at: noon(on))
            }
        }
        if AuditSampler.drawsModeration(a, ratePercent: round.moderationRatePercent, seed: round.seed) {
            try a.selectForModeration(by: "system", at: noon(submitDay))
            let on = submitDay.adding(days: 1 + rng.below(10))
            guard on <= reportDate else { return }
            let others = moderators.filter { $0 != a.auditor }
            let moderator = others.isEmpty ? "moderator" : others[rng.below(others.count)]
            let agrees = rng.below(100) < 75
            let revised = agrees ? grade : Grade.allCases[min(3, max(0, grade.rank - 1 + (rng.below(2) == 0 ? -1 : 1)))]
            try a.moderate(
                grade: revised, rationale: revised == grade ? nil : "The file shows \(revised.title.lowercased()) practice overall",
                by: moderator, at: noon(on))
            nextDay = on
        }
        let feedbackDay = nextDay.adding(days: 2 + rng.below(8))
        guard feedbackDay <= reportDate else { return }
        // Owners as a manager writes them on the form: who is to act, in words.
        let owners = a.type == .supervision ? ["Team manager"] : ["Allocated social worker", "Team manager"]
        for i in 0..<(1 + rng.below(3)) {
            try a.addAction(
                ["Update the chronology", "Make the plan SMART", "Record the child's views", "Hold a case direction meeting"][rng.below(4)],
                owner: owners[i % owners.count], due: feedbackDay.adding(days: 28), by: a.auditor, at: noon(feedbackDay))
        }
        try a.giveFeedback("Discussed with the practitioner and their manager", by: a.auditor, at: noon(feedbackDay))
        for action in a.actions {
            let done = action.due.adding(days: -rng.below(20) + (rng.below(100) < 80 ? 0 : 30))
            if done <= reportDate { try a.completeAction(action.number, by: a.auditor, at: noon(done)) }
        }
    }

    static var themesList: [String] { themes }

    static func pick<T>(_ weighted: [(T, Int)], _ rng: inout SeededGenerator) -> T {
        var roll = rng.below(weighted.reduce(0) { $0 + $1.1 })
        for (v, w) in weighted {
            if roll < w { return v }
            roll -= w
        }
        return weighted[weighted.count - 1].0
    }

    static func noon(_ d: Day) -> Date { Date(timeIntervalSince1970: Double(d.ordinal) * 86_400 + 43_200) }

    static func monthTitle(_ d: Day) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(names[d.month - 1]) \(d.year)"
    }
}

/// Why demo audits could not be built.
public struct SynthAuditsError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
