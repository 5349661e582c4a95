import Foundation
import OversightCore

/// Reads a CIN census file straight from its bytes to typed records, on both cores, for measures
/// computed without validation (`oversight measures --skip-validation`).
///
/// The general reader (`CINXMLReader`) builds every element as a node and every block as a
/// dictionary of its fields before `RecordMapper` makes typed records; at national scale that took
/// most of the time of reading. This reader makes the same records without those steps, and reads
/// the two halves of the file (split at a `<Child>` start tag) at once.
///
/// It accepts only the plain shape census files have: ASCII text, no entity or character
/// references, comments, CDATA sections or DOCTYPE; no attributes, spaces or namespace prefixes in
/// the tags of `Header` and `Child`; no block in `CINdetails` other than the four the census
/// defines; the `Header`s before the first `Child`. For anything else it answers nil, having made
/// nothing, and the caller uses the general reader, which reads such files and reports their
/// faults with line numbers. So the records are the same whichever reader made them (a test holds
/// the two to that).
enum CINFastReader {
    struct Result {
        var children: [CINChild]
        var episodes: [CINEpisode]
        /// Episodes left out for a blank `LAchildID`.
        var blank: Int
        /// `Child` elements read.
        var count: Int
        var collectionYear: Int?
    }

    /// Reads `mapped`, a CIN census file registered as `file`. nil when the file is not of the
    /// plain shape this reader accepts (or not well formed): read it with `CINXMLReader`. Files
    /// of more than `splitAbove` bytes are read in two halves at once.
    static func read(_ mapped: MappedFile, pathYear: Int?, file: Int, splitAbove: Int = minimumSplitSize) -> Result? {
        let bytes = mapped.bytes
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        let n = bytes.count
        let start = n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        // The prolog and headers, up to the first Child.
        var head = Segment(p: base, n: n, from: start, to: n, year: pathYear, file: file, mapped: mapped)
        guard (try? head.scan(prelude: true)) != nil else { return nil }
        let year = head.year
        let firstChild = head.i
        // The rest, in two halves split at a Child start tag past the middle.
        var cuts = [firstChild, n]
        if firstChild < n, n - firstChild > splitAbove {
            let middle = firstChild + (n - firstChild) / 2
            if let s = find(childTag, in: base, from: middle, to: n), s > firstChild { cuts = [firstChild, s, n] }
        }
        let unread = (0..<(cuts.count - 1)).map { k in
            Segment(p: base, n: n, from: cuts[k], to: cuts[k + 1], year: year, file: file, mapped: mapped)
        }
        let parts = ConcurrentSlots<Segment>(count: unread.count)
        DispatchQueue.concurrentPerform(iterations: unread.count) { k in
            var s = unread[k]
            // Room for the records a census of this size holds (about 900 bytes a child, two
            // episodes or fewer each), so the arrays are not copied as they grow; pages reserved
            // and not used are never touched, so cost no memory.
            s.children.reserveCapacity((s.end - s.i) / 600)
            s.episodes.reserveCapacity((s.end - s.i) / 300)
            if (try? s.scan(prelude: false)) != nil, s.i == s.end { parts.set(k, s) }
        }
        var segments: [Segment] = []
        for k in 0..<(cuts.count - 1) {
            guard let s = parts.take(k) else { return nil }
            segments.append(s)
        }
        // The elements outside Header and Child, replayed in file order, must nest as XML's do.
        var stack = head.stack
        var root = head.root
        for s in segments {
            for e in s.events {
                switch e {
                case .open(let a, let b):
                    if root == nil { root = (a, b) } else if stack.isEmpty { return nil }
                    stack.append((a, b))
                case .close(let a, let b):
                    guard let top = stack.popLast(), same(base, top, (a, b)) else { return nil }
                case .unit:
                    if stack.isEmpty { return nil }
                }
            }
        }
        guard stack.isEmpty, let root, isRootName(base, root) else { return nil }
        // Join the halves, numbering the second's children after the first's.
        var out = Result(children: [], episodes: [], blank: 0, count: 0, collectionYear: year)
        for k in segments.indices {
            var s = segments[k]
            segments[k] = Segment(p: base, n: n, from: 0, to: 0, year: nil, file: file, mapped: mapped)
            let offset = Int32(out.count)
            if offset != 0 {
                for k in s.children.indices { s.children[k].origin.row += offset }
                for k in s.episodes.indices { s.episodes[k].changeOrigins { $0.row += offset } }
            }
            // The first part's records are taken whole; the second's appended.
            if out.children.isEmpty { swap(&out.children, &s.children) } else { out.children.append(contentsOf: s.children) }
            if out.episodes.isEmpty { swap(&out.episodes, &s.episodes) } else { out.episodes.append(contentsOf: s.episodes) }
            out.blank += s.blank
            out.count += s.count
        }
        return out
    }

    /// Files smaller than this are read on one core.
    static let minimumSplitSize = 4 << 20

    static let childTag = Array("<Child>".utf8)

    /// Where `needle` first starts in `p[from..<to]`.
    static func find(_ needle: [UInt8], in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = needle.first else { return from }
        var i = from
        while i + needle.count <= to {
            guard let hit = memchr(p + i, Int32(first), to - needle.count + 1 - i) else { return nil }
            let j = UnsafeRawPointer(hit) - UnsafeRawPointer(p)
            if needle.withUnsafeBufferPointer({ memcmp(p + j, $0.baseAddress!, needle.count) == 0 }) { return j }
            i = j + 1
        }
        return nil
    }

    static func isName(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, _ s: StaticString) -> Bool {
        b - a == s.utf8CodeUnitCount && memcmp(p + a, s.utf8Start, b - a) == 0
    }

    @inline(__always) static func string(_ p: UnsafePointer<UInt8>, _ t: (Int, Int)) -> String {
        String(decoding: UnsafeBufferPointer(start: p + t.0, count: t.1 - t.0), as: UTF8.self)
    }

    /// `DateField.iso` of the text `t`, read from the bytes when it is `yyyy-mm-dd` (as
    /// `Day.parseISO` reads it: four, two and two ASCII digits).
    @inline(__always) static func date(_ p: UnsafePointer<UInt8>, _ t: (Int, Int)) -> DateField {
        let a = t.0
        if t.1 - a == 10, p[a + 4] == 0x2D, p[a + 7] == 0x2D {
            @inline(__always) func digit(_ k: Int) -> Int? { let d = Int(p[a + k]) - 0x30; return d >= 0 && d <= 9 ? d : nil }
            if let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3), let m0 = digit(5), let m1 = digit(6),
                let d0 = digit(8), let d1 = digit(9)
            {
                if let day = Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1) { return .value(day) }
                return .invalid(string(p, t))
            }
        }
        return .iso(string(p, t))
    }

    static func same(_ p: UnsafePointer<UInt8>, _ x: (Int, Int), _ y: (Int, Int)) -> Bool {
        x.1 - x.0 == y.1 - y.0 && memcmp(p + x.0, p + y.0, x.1 - x.0) == 0
    }

    static func isRootName(_ p: UnsafePointer<UInt8>, _ r: (Int, Int)) -> Bool {
        let s = String(decoding: UnsafeBufferPointer(start: p + r.0, count: r.1 - r.0), as: UTF8.self)
        return s == "Message" || s == "CIN"
    }

    /// An element outside `Header` and `Child` units (or a run of units), as met in a segment.
    enum Event {
        case open(Int, Int)
        case close(Int, Int)
        case unit
    }

    struct Bail: Error {}

    /// One stretch of the file, read on one thread.
    struct Segment: @unchecked Sendable { // read on one thread at a time
        let p: UnsafePointer<UInt8>
        let n: Int
        var i: Int
        let end: Int
        var year: Int?
        let file: Int
        let mapped: MappedFile
        var events: [Event] = []
        // Only the prelude keeps the nesting itself (the segments' is checked on joining).
        var stack: [(Int, Int)] = []
        var root: (Int, Int)?
        var children: [CINChild] = []
        var episodes: [CINEpisode] = []
        var blank = 0
        var count = 0
        private var released: Int
        private var nextRelease: Int

        init(p: UnsafePointer<UInt8>, n: Int, from: Int, to: Int, year: Int?, file: Int, mapped: MappedFile) {
            self.p = p; self.n = n; self.i = from; self.end = to; self.year = year; self.file = file; self.mapped = mapped
            released = from; nextRelease = from + FastXMLScanner.passedStep
        }

        // MARK: Outside the units

        /// Reads elements outside the units and each unit whole, until `end` (or, in the prelude,
        /// the first `Child` start tag, where `i` is left).
        mutating func scan(prelude: Bool) throws {
            while i < end {
                let c = p[i]
                if c != 0x3C {
                    guard isSpace(c) else { throw Bail() }
                    i += 1
                    continue
                }
                guard i + 1 < n else { throw Bail() }
                let d = p[i + 1]
                if d == 0x3F {
                    // A processing instruction (the XML declaration): only before the root.
                    guard prelude, root == nil, let close = CINFastReader.find([0x3F, 0x3E], in: p, from: i + 2, to: n) else { throw Bail() }
                    i = close + 2
                    continue
                }
                if d == 0x21 { throw Bail() }
                if d == 0x2F {
                    var j = i + 2
                    let a = j
                    while j < n, isNameByte(p[j]) { j += 1 }
                    guard j > a, j < n, p[j] == 0x3E else { throw Bail() }
                    try close(a, j, prelude: prelude)
                    i = j + 1
                    continue
                }
                var j = i + 1
                let a = j
                while j < n, isNameByte(p[j]) { j += 1 }
                guard j > a, j < n else { throw Bail() }
                let b = j
                if p[j] == 0x3E, isName(a, b, "Child") {
                    if prelude { return }
                    i = j + 1
                    try child()
                    if case .unit? = events.last {} else { events.append(.unit) }
                    release()
                    continue
                }
                if p[j] == 0x3E, isName(a, b, "Header") {
                    guard prelude, !stack.isEmpty else { throw Bail() }
                    i = j + 1
                    try header()
                    continue
                }
                // Any other element out here: attributes are passed over, honouring quotes.
                guard isSpace(p[j]) || p[j] == 0x3E || p[j] == 0x2F else { throw Bail() }
                var quote: UInt8 = 0
                while j < n {
                    let e = p[j]
                    if quote != 0 {
                        if e == quote { quote = 0 }
                    } else if e == 0x22 || e == 0x27 {
                        quote = e
                    } else if e == 0x3E {
                        break
                    } else if e == 0x3C || e == 0x26 || e >= 0x80 {
                        throw Bail()
                    }
                    j += 1
                }
                guard j < n else { throw Bail() }
                let selfClosing = p[j - 1] == 0x2F
                if isName(a, b, "Child") || isName(a, b, "Header") { throw Bail() }
                try open(a, b, prelude: prelude)
                if selfClosing { try close(a, b, prelude: prelude) }
                i = j + 1
            }
            if prelude {
                // No Child at all: the nesting must be complete.
                guard stack.isEmpty else { throw Bail() }
            }
        }

        private mutating func open(_ a: Int, _ b: Int, prelude: Bool) throws {
            guard prelude else { events.append(.open(a, b)); return }
            if root == nil { root = (a, b) } else if stack.isEmpty { throw Bail() }
            stack.append((a, b))
        }

        private mutating func close(_ a: Int, _ b: Int, prelude: Bool) throws {
            guard prelude else { events.append(.close(a, b)); return }
            guard let top = stack.popLast(), CINFastReader.same(p, top, (a, b)) else { throw Bail() }
        }

        /// Hands back the pages passed, every so often.
        private mutating func release() {
            guard i >= nextRelease else { return }
            mapped.release(from: released, to: i)
            released = i
            nextRelease = i + FastXMLScanner.passedStep
        }

        // MARK: Inside the units

        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

        /// Name bytes this reader accepts: letters, digits, `_`, `-`, `.` (no prefix, ASCII).
        @inline(__always) func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E
        }

        func isName(_ a: Int, _ b: Int, _ s: StaticString) -> Bool { CINFastReader.isName(p, a, b, s) }

        /// Text up to the next `<`, trimmed of XML white space; `i` is left at the `<`.
        @inline(__always) mutating func text() throws -> (Int, Int) {
            var j = i
            while j < n {
                let c = p[j]
                if c == 0x3C { break }
                if c == 0x26 || c >= 0x80 { throw Bail() }
                j += 1
            }
            guard j < n else { throw Bail() }
            var a = i, b = j
            while a < b, isSpace(p[a]) { a += 1 }
            while b > a, isSpace(p[b - 1]) { b -= 1 }
            i = j
            return (a, b)
        }

        enum Kind { case start, end, empty }

        /// The tag at `i` (a `<`): `<name>`, `<name/>` or `</name>`, nothing else.
        @inline(__always) mutating func tag() throws -> (kind: Kind, a: Int, b: Int) {
            var j = i + 1
            guard j < n else { throw Bail() }
            var kind = Kind.start
            if p[j] == 0x2F { kind = .end; j += 1 }
            let a = j
            while j < n, isNameByte(p[j]) { j += 1 }
            let b = j
            guard b > a, j < n else { throw Bail() }
            if p[j] == 0x2F, kind == .start, j + 1 < n { kind = .empty; j += 1 }
            guard p[j] == 0x3E else { throw Bail() }
            i = j + 1
            return (kind, a, b)
        }

        /// Reads the content of the element `(a, b)` whose start tag has just been read, through
        /// its end tag. `element` is called for each child element's start tag (and must read
        /// it through its end); the answer is the element's text when it has no child elements.
        @inline(__always) mutating func content(_ a: Int, _ b: Int, _ element: (inout Segment, Kind, Int, Int) throws -> Void) throws -> (Int, Int)? {
            var leaf = true
            while true {
                let t = try text()
                let g = try tag()
                if g.kind == .end {
                    guard g.b - g.a == b - a, memcmp(p + a, p + g.a, b - a) == 0 else { throw Bail() }
                    return leaf ? t : nil
                }
                leaf = false
                try element(&self, g.kind, g.a, g.b)
            }
        }

        /// Reads an element whose start tag has been read, keeping nothing.
        mutating func skip(_ kind: Kind, _ a: Int, _ b: Int) throws {
            guard kind == .start else { return }
            _ = try content(a, b) { s, k, x, y in try s.skip(k, x, y) }
        }

        /// Reads one element (its start tag read) of a block whose leaves are all wanted: a leaf
        /// is handed to `leaf` with its text, any other element's elements are read in turn.
        mutating func walk(_ kind: Kind, _ a: Int, _ b: Int, _ leaf: (Int, Int, (Int, Int)) -> Void) throws {
            if kind == .empty { leaf(a, b, (b, b)); return }
            if let t = try content(a, b, { s, k, x, y in try s.walk(k, x, y, leaf) }) { leaf(a, b, t) }
        }

        /// Reads an element and every leaf under it, at any depth (the general reader's `flatten`).
        mutating func flatten(_ kind: Kind, _ a: Int, _ b: Int, _ leaf: (Int, Int, (Int, Int)) -> Void) throws {
            guard kind == .start else { return }
            _ = try content(a, b) { s, k, x, y in try s.walk(k, x, y, leaf) }
        }

        /// Reads an element and its direct leaves; deeper elements are read and ignored (the
        /// general reader's `block`).
        mutating func leaves(_ kind: Kind, _ a: Int, _ b: Int, _ leaf: (Int, Int, (Int, Int)) -> Void) throws {
            guard kind == .start else { return }
            _ = try content(a, b) { s, k, x, y in
                if k == .empty { leaf(x, y, (y, y)); return }
                if let t = try s.content(x, y, { s, k2, x2, y2 in try s.skip(k2, x2, y2) }) { leaf(x, y, t) }
            }
        }

        @inline(__always) func string(_ t: (Int, Int)) -> String { CINFastReader.string(p, t) }

        /// A leaf's text as the general reader gives it to `RecordMapper`: "" when absent.
        @inline(__always) func value(_ t: (Int, Int)?) -> String { t.map(string) ?? "" }

        /// `DateField.iso` of a leaf's text ("" when absent).
        @inline(__always) func date(_ t: (Int, Int)?) -> DateField {
            guard let t else { return .missing }
            return CINFastReader.date(p, t)
        }

        /// `RecordMapper.optRaw`'s answer for a leaf (nil when absent or blank).
        @inline(__always) func optional(_ t: (Int, Int)?) -> String? {
            guard let t, t.1 > t.0 else { return nil }
            return string(t)
        }

        /// A `Header`: its `ReferenceDate` (at any depth; the last one) sets the year.
        mutating func header() throws {
            var reference: (Int, Int)?
            let p = self.p
            try flatten(.start, i - 7, i - 1) { a, b, t in
                if CINFastReader.isName(p, a, b, "ReferenceDate") { reference = t }
            }
            if let reference, let d = Day.parseISO(string(reference)) { year = d.collectionYear }
        }

        /// A `Child`, its start tag read: maps it as `RecordMapper.map` maps the general reader's.
        mutating func child() throws {
            count += 1
            let origin = RecordOrigin(file: file, row: count)
            var ids = Identifiers(), chars = Characteristics()
            var seenIDs = false, seenChars = false
            let firstEpisode = episodes.count
            let placeholder = ChildID("")
            let p = self.p
            try _ = content(i - 6, i - 1) { s, k, a, b in
                switch Name(p, a, b) {
                case .childIdentifiers where !seenIDs:
                    seenIDs = true
                    try s.leaves(k, a, b) { a, b, t in ids.put(Name(p, a, b), t) }
                case .childCharacteristics where !seenChars:
                    seenChars = true
                    try s.flatten(k, a, b) { a, b, t in
                        switch Name(p, a, b) {
                        case .ethnicity: chars.ethnicity = t
                        case .disability: chars.disabilities.append(CINFastReader.string(p, t))
                        default: break
                        }
                    }
                case .cinDetails:
                    let e = try s.episode(k, a, b, origin: origin)
                    s.episodes.append(
                        CINEpisode(
                            child: placeholder, referralDate: e.referralDate, referralSource: e.referralSource,
                            primaryNeedCode: e.primaryNeedCode, closureDate: e.closureDate, reasonForClosure: e.reasonForClosure,
                            initialCPCDate: e.initialCPCDate, referralNFA: e.referralNFA, assessments: e.assessments,
                            cinPlans: e.cinPlans, section47s: e.section47s, protectionPlans: e.protectionPlans,
                            collectionYear: s.year, origin: origin))
                default:
                    try s.skip(k, a, b)
                }
            }
            guard let id = ChildID(normalising: value(ids.la)) else {
                blank += episodes.count - firstEpisode
                episodes.removeSubrange(firstEpisode...)
                return
            }
            for k in firstEpisode..<episodes.count { episodes[k].child = id }
            children.append(
                CINChild(
                    id: id, upn: optional(ids.upn), birthDate: date(ids.birth),
                    expectedBirthDate: date(ids.expectedBirth), deathDate: date(ids.death),
                    sex: ids.sexPresent ? optional(ids.sex) : optional(ids.gender), ethnicity: optional(chars.ethnicity),
                    disabilities: chars.disabilities, collectionYear: year, origin: origin))
        }

        /// A `CINdetails` block (its start tag read, or empty) as an episode without its child.
        mutating func episode(_ kind: Kind, _ a: Int, _ b: Int, origin: RecordOrigin) throws -> CINEpisode {
            var d = Details()
            var e = CINEpisode(child: ChildID(""), referralDate: .missing)
            let p = self.p
            if kind == .start {
                _ = try content(a, b) { s, k, x, y in
                    let name = Name(p, x, y)
                    if k == .empty { d.put(name, (y, y)); return }
                    // A block, or a leaf field of the episode: which, the first tag inside tells.
                    var block = Block(name)
                    var isLeaf = true
                    let t = try s.content(x, y) { s, k2, x2, y2 in
                        if isLeaf {
                            isLeaf = false
                            guard block.kind != nil else { throw Bail() } // a block the census does not define
                        }
                        try s.walk(k2, x2, y2) { a2, b2, t2 in block.put(Name(p, a2, b2), t2, p) }
                    }
                    if isLeaf { if let t { d.put(name, t) }; return }
                    switch block.kind {
                    case .assessments?:
                        e.assessments.append(
                            Assessment(
                                startDate: s.date(block.f0), internalReviewDate: s.date(block.f1),
                                authorisationDate: s.date(block.f2), factors: block.list, origin: origin))
                    case .cinPlan?:
                        e.cinPlans.append(CINPlan(startDate: s.date(block.f0), endDate: s.date(block.f1), origin: origin))
                    case .section47?:
                        e.section47s.append(
                            Section47(
                                startDate: s.date(block.f0), initialCPCTarget: s.date(block.f1),
                                initialCPCDate: s.date(block.f2), icpcNotRequired: parseFlag(s.value(block.f3)),
                                origin: origin))
                    case .protectionPlan?:
                        e.protectionPlans.append(
                            ProtectionPlan(
                                startDate: s.date(block.f0), endDate: s.date(block.f1),
                                initialCategory: s.optional(block.f2)?.upperASCII,
                                latestCategory: s.optional(block.f3)?.upperASCII,
                                numberOfPreviousPlans: s.optional(block.f4).flatMap { Int($0) },
                                reviewDates: block.dates, origin: origin))
                    case nil:
                        throw Bail()
                    }
                }
            }
            e.referralDate = date(d.referral)
            e.referralSource = optional(d.source)?.upperASCII
            e.primaryNeedCode = optional(d.need)?.upperASCII
            e.closureDate = date(d.closure)
            e.reasonForClosure = optional(d.reason)?.upperASCII
            e.initialCPCDate = date(d.icpc)
            e.referralNFA = parseFlag(value(d.nfa))
            return e
        }
    }

    // MARK: Names and blocks

    /// The element names the mapping reads.
    enum Name {
        case childIdentifiers, childCharacteristics, cinDetails
        case laChildID, upn, personBirthDate, expectedPersonBirthDate, personDeathDate, sex, genderCurrent
        case ethnicity, disability
        case cinReferralDate, referralSource, primaryNeedCode, cinClosureDate, reasonForClosure, dateOfInitialCPC, referralNFA
        case assessments, cinPlanDates, section47, childProtectionPlans
        case assessmentActualStartDate, assessmentInternalReviewDate, assessmentAuthorisationDate, assessmentFactors
        case cinPlanStartDate, cinPlanEndDate
        case s47ActualStartDate, initialCPCtarget, icpcNotRequired
        case cppStartDate, cppEndDate, initialCategoryOfAbuse, latestCategoryOfAbuse, numberOfPreviousCPP, cppReviewDate
        case other

        static let spelled: [(String, Name)] = [
            ("ChildIdentifiers", .childIdentifiers), ("ChildCharacteristics", .childCharacteristics), ("CINdetails", .cinDetails),
            ("LAchildID", .laChildID), ("UPN", .upn), ("PersonBirthDate", .personBirthDate),
            ("ExpectedPersonBirthDate", .expectedPersonBirthDate), ("PersonDeathDate", .personDeathDate), ("Sex", .sex),
            ("GenderCurrent", .genderCurrent), ("Ethnicity", .ethnicity), ("Disability", .disability),
            ("CINreferralDate", .cinReferralDate), ("ReferralSource", .referralSource), ("PrimaryNeedCode", .primaryNeedCode),
            ("CINclosureDate", .cinClosureDate), ("ReasonForClosure", .reasonForClosure), ("DateOfInitialCPC", .dateOfInitialCPC),
            ("ReferralNFA", .referralNFA), ("Assessments", .assessments), ("CINPlanDates", .cinPlanDates), ("Section47", .section47),
            ("ChildProtectionPlans", .childProtectionPlans), ("AssessmentActualStartDate", .assessmentActualStartDate),
            ("AssessmentInternalReviewDate", .assessmentInternalReviewDate), ("AssessmentAuthorisationDate", .assessmentAuthorisationDate),
            ("AssessmentFactors", .assessmentFactors), ("CINPlanStartDate", .cinPlanStartDate), ("CINPlanEndDate", .cinPlanEndDate),
            ("S47ActualStartDate", .s47ActualStartDate), ("InitialCPCtarget", .initialCPCtarget), ("ICPCnotRequired", .icpcNotRequired),
            ("CPPstartDate", .cppStartDate), ("CPPendDate", .cppEndDate), ("InitialCategoryOfAbuse", .initialCategoryOfAbuse),
            ("LatestCategoryOfAbuse", .latestCategoryOfAbuse), ("NumberOfPreviousCPP", .numberOfPreviousCPP), ("CPPreviewDate", .cppReviewDate),
        ]

        /// Open-addressed table of the spellings, by a hash of length and three bytes.
        static let table: [(bytes: [UInt8], name: Name)?] = {
            var t = [(bytes: [UInt8], name: Name)?](repeating: nil, count: tableSize)
            for (s, name) in spelled {
                let u = Array(s.utf8)
                var h = u.withUnsafeBufferPointer { hash($0.baseAddress!, 0, u.count) }
                while t[h] != nil { h = (h + 1) & (tableSize - 1) }
                t[h] = (u, name)
            }
            return t
        }()
        static let tableSize = 256

        @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Int {
            let len = b - a
            let h =
                UInt32(truncatingIfNeeded: len) &* 0x9E37_79B1 ^ UInt32(p[a]) &* 0x85EB_CA6B
                ^ UInt32(p[b - 1]) &* 0xC2B2_AE35 ^ UInt32(p[a + len / 2]) &* 0x27D4_EB2F
            return Int((h ^ (h >> 15)) & UInt32(tableSize - 1))
        }

        @inline(__always) init(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) {
            var h = Name.hash(p, a, b)
            let table = Name.table
            while let e = table[h] {
                if e.bytes.count == b - a, e.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p + a, b - a) == 0 }) {
                    self = e.name
                    return
                }
                h = (h + 1) & (Name.tableSize - 1)
            }
            self = .other
        }
    }

    /// `ChildIdentifiers`' leaves (the last of each name wins, as in a dictionary).
    struct Identifiers {
        var la, upn, birth, expectedBirth, death, sex, gender: (Int, Int)?
        var sexPresent = false
        mutating func put(_ name: Name, _ t: (Int, Int)) {
            switch name {
            case .laChildID: la = t
            case .upn: upn = t
            case .personBirthDate: birth = t
            case .expectedPersonBirthDate: expectedBirth = t
            case .personDeathDate: death = t
            case .sex: sex = t; sexPresent = true
            case .genderCurrent: gender = t
            default: break
            }
        }
    }

    /// `ChildCharacteristics`' leaves at any depth.
    struct Characteristics {
        var ethnicity: (Int, Int)?
        var disabilities: [String] = []
    }

    /// `CINdetails`' direct leaves: referral date, source, need, closure date, reason, ICPC date, NFA.
    struct Details {
        var referral, source, need, closure, reason, icpc, nfa: (Int, Int)?
        mutating func put(_ name: Name, _ t: (Int, Int)) {
            switch name {
            case .cinReferralDate: referral = t
            case .referralSource: source = t
            case .primaryNeedCode: need = t
            case .cinClosureDate: closure = t
            case .reasonForClosure: reason = t
            case .dateOfInitialCPC: icpc = t
            case .referralNFA: nfa = t
            default: break
            }
        }
    }

    /// One of the four blocks in `CINdetails`, its leaves at any depth.
    struct Block {
        enum Kind { case assessments, cinPlan, section47, protectionPlan }
        let kind: Kind?
        // The block's fields in the order `put` lists them for its kind.
        var f0, f1, f2, f3, f4: (Int, Int)?
        var list: [String] = []
        var dates: [DateField] = []

        init(_ name: Name) {
            switch name {
            case .assessments: kind = .assessments
            case .cinPlanDates: kind = .cinPlan
            case .section47: kind = .section47
            case .childProtectionPlans: kind = .protectionPlan
            default: kind = nil
            }
        }

        mutating func put(_ name: Name, _ t: (Int, Int), _ p: UnsafePointer<UInt8>) {
            switch (kind, name) {
            case (.assessments?, .assessmentActualStartDate): f0 = t
            case (.assessments?, .assessmentInternalReviewDate): f1 = t
            case (.assessments?, .assessmentAuthorisationDate): f2 = t
            case (.assessments?, .assessmentFactors): list.append(CINFastReader.string(p, t).trimmed.upperASCII)
            case (.cinPlan?, .cinPlanStartDate): f0 = t
            case (.cinPlan?, .cinPlanEndDate): f1 = t
            case (.section47?, .s47ActualStartDate): f0 = t
            case (.section47?, .initialCPCtarget): f1 = t
            case (.section47?, .dateOfInitialCPC): f2 = t
            case (.section47?, .icpcNotRequired): f3 = t
            case (.protectionPlan?, .cppStartDate): f0 = t
            case (.protectionPlan?, .cppEndDate): f1 = t
            case (.protectionPlan?, .initialCategoryOfAbuse): f2 = t
            case (.protectionPlan?, .latestCategoryOfAbuse): f3 = t
            case (.protectionPlan?, .numberOfPreviousCPP): f4 = t
            case (.protectionPlan?, .cppReviewDate): dates.append(CINFastReader.date(p, t))
            default: break
            }
        }
    }
}
