import Foundation
import OversightCore

/// A compact binary form of the store's typed records, written one blob per source file and
/// record kind, and read back far faster than JSON (no keys, no text numbers, no reflection).
///
/// Layout: a version byte, the record count, then the records in order. Integers are LEB128
/// varints (signed ones zigzag-encoded); strings are a length and UTF-8 bytes; an optional value
/// is preceded by 0 (absent) or 1; a `DateField` or `DayTimeField` is 0 (missing), 1 and the
/// value, or 2 and the text as written. Every field of every record type is written in the order
/// of its declaration; `BinaryRecordCodecTests` fails when a record type gains a field.
enum BinaryRecordCodec {
    /// The layout version written first; a blob of another version is rejected when read.
    static let version: UInt8 = 1

    // MARK: Encoding

    /// The block of the records of `kind` in `d` (one source file's records: see
    /// `CaseData.only(file:)`), in the order `RecordCodec.encode` numbers them; nil when there
    /// are none.
    static func encode(_ kind: RecordKind, _ d: CaseData) -> [UInt8]? {
        guard RecordCodec.count(d, kind) > 0 else { return nil }
        var w = BinaryWriter()
        w.byte(version)
        switch kind {
        case .cinChild:
            let rs = RecordCodec.ordered(d.cinChildren)
            w.count(rs.count)
            for r in rs {
                w.child(r.id); w.optional(r.upn); w.date(r.birthDate); w.date(r.expectedBirthDate); w.date(r.deathDate)
                w.optional(r.sex); w.optional(r.ethnicity); w.strings(r.disabilities); w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .cinEpisode:
            w.count(d.cinEpisodes.count)
            for r in d.cinEpisodes {
                w.child(r.child); w.date(r.referralDate); w.optional(r.referralSource); w.optional(r.primaryNeedCode)
                w.date(r.closureDate); w.optional(r.reasonForClosure); w.date(r.initialCPCDate); w.optional(r.referralNFA)
                w.count(r.assessments.count)
                for a in r.assessments {
                    w.date(a.startDate); w.date(a.internalReviewDate); w.date(a.authorisationDate); w.strings(a.factors); w.origin(a.origin)
                }
                w.count(r.cinPlans.count)
                for p in r.cinPlans { w.date(p.startDate); w.date(p.endDate); w.origin(p.origin) }
                w.count(r.section47s.count)
                for s in r.section47s {
                    w.date(s.startDate); w.date(s.initialCPCTarget); w.date(s.initialCPCDate); w.optional(s.icpcNotRequired); w.origin(s.origin)
                }
                w.count(r.protectionPlans.count)
                for p in r.protectionPlans {
                    w.date(p.startDate); w.date(p.endDate); w.optional(p.initialCategory); w.optional(p.latestCategory)
                    w.optional(p.numberOfPreviousPlans); w.count(p.reviewDates.count)
                    for rd in p.reviewDates { w.date(rd) }
                    w.origin(p.origin)
                }
                w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .claHeader:
            let rs = RecordCodec.ordered(d.claHeaders)
            w.count(rs.count)
            for r in rs {
                w.child(r.child); w.optional(r.sex); w.date(r.birthDate); w.optional(r.ethnicity); w.optional(r.upn)
                w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .claEpisode:
            w.count(d.claEpisodes.count)
            for r in d.claEpisodes {
                w.child(r.child); w.date(r.start); w.optional(r.reasonNewEpisode); w.optional(r.legalStatus); w.optional(r.categoryOfNeed)
                w.optional(r.placement); w.optional(r.provider); w.date(r.end); w.optional(r.reasonEnded); w.optional(r.reasonPlaceChange)
                w.optional(r.homePostcode); w.optional(r.placementPostcode); w.optional(r.urn); w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .claReview:
            w.count(d.claReviews.count)
            for r in d.claReviews {
                w.child(r.child); w.date(r.date); w.optional(r.participationCode); w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .claMissing:
            w.count(d.claMissing.count)
            for r in d.claMissing {
                w.child(r.child); w.optional(r.kind); w.date(r.start); w.date(r.end); w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .careLeaver:
            w.count(d.careLeavers.count)
            for r in d.careLeavers {
                w.child(r.child); w.date(r.birthDate); w.optional(r.inTouch); w.optional(r.activity); w.optional(r.accommodation)
                w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .socialWorkerEpisode:
            w.count(d.socialWorkerEpisodes.count)
            for r in d.socialWorkerEpisodes {
                w.child(r.child); w.optional(r.workerID); w.date(r.start); w.date(r.end); w.optional(r.reason)
                w.optional(r.collectionYear); w.origin(r.origin)
            }
        case .missingEpisode:
            w.count(d.missingEpisodes.count)
            for r in d.missingEpisodes {
                w.child(r.child); w.optional(r.kind); w.time(r.start); w.time(r.returned); w.time(r.rhiOffered)
                w.optional(r.rhiAccepted); w.time(r.rhiCompleted); w.origin(r.origin)
            }
        case .supervision:
            w.count(d.supervisions.count)
            for r in d.supervisions {
                w.string(r.worker); w.date(r.date); w.optional(r.kind); w.optional(r.reflective)
                w.optional(r.child?.rawValue); w.origin(r.origin)
            }
        case .worker:
            w.count(d.workers.count)
            for r in d.workers {
                w.string(r.id); w.optional(r.name); w.optional(r.role); w.optional(r.fte.map { String($0) }); w.optional(r.employment)
                w.string(r.team); w.optional(r.service); w.date(r.start); w.date(r.leave); w.origin(r.origin)
            }
        case .allocation:
            w.count(d.allocations.count)
            for r in d.allocations {
                w.child(r.child); w.string(r.worker); w.date(r.from); w.date(r.to); w.origin(r.origin)
            }
        case .visit:
            w.count(d.visits.count)
            for r in d.visits {
                w.child(r.child); w.date(r.date); w.optional(r.worker); w.origin(r.origin)
            }
        case .contact, .earlyHelp, .workforceWorker, .workforceVacancies, .training, .fosteringHousehold, .specialGuardianship,
            .careProceeding, .pathway:
            w.count(d.services.count(kind.service!))
            // Encoding plain Codable values cannot fail.
            w.string(String(decoding: (try? ServiceRecordCoding.json(kind.service!, d.services)) ?? Data("[]".utf8), as: UTF8.self))
        }
        return w.bytes
    }

    // MARK: Decoding

    /// Decodes a blob of `kind` and adds its records to `builder` as file `file` (origins moved
    /// to that file). Throws `StoreError.unavailable` for a blob this version cannot read.
    static func add(_ kind: RecordKind, blob: [UInt8], file: Int, to builder: inout CaseDataBuilder) throws {
        var r = BinaryReader(blob)
        let v = try r.byte()
        guard v == version else { throw StoreError.unavailable("a stored record block has layout version \(v); this version of Oversight reads \(version)") }
        let n = try r.count()
        let f = Int32(file)
        func origin() throws -> RecordOrigin { var o = try r.origin(); o.file = f; return o }
        switch kind {
        case .cinChild:
            var out: [CINChild] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    CINChild(
                        id: try r.child(), upn: try r.optionalString(), birthDate: try r.date(), expectedBirthDate: try r.date(),
                        deathDate: try r.date(), sex: try r.optionalString(), ethnicity: try r.optionalString(),
                        disabilities: try r.strings(), collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(cinChildren: out, file: file)
        case .cinEpisode:
            var out: [CINEpisode] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                var e = CINEpisode(
                    child: try r.child(), referralDate: try r.date(), referralSource: try r.optionalString(),
                    primaryNeedCode: try r.optionalString(), closureDate: try r.date(), reasonForClosure: try r.optionalString(),
                    initialCPCDate: try r.date(), referralNFA: try r.optionalBool())
                for _ in 0..<(try r.count()) {
                    e.assessments.append(
                        Assessment(
                            startDate: try r.date(), internalReviewDate: try r.date(), authorisationDate: try r.date(),
                            factors: try r.strings(), origin: try origin()))
                }
                for _ in 0..<(try r.count()) {
                    e.cinPlans.append(CINPlan(startDate: try r.date(), endDate: try r.date(), origin: try origin()))
                }
                for _ in 0..<(try r.count()) {
                    e.section47s.append(
                        Section47(
                            startDate: try r.date(), initialCPCTarget: try r.date(), initialCPCDate: try r.date(),
                            icpcNotRequired: try r.optionalBool(), origin: try origin()))
                }
                for _ in 0..<(try r.count()) {
                    var p = ProtectionPlan(
                        startDate: try r.date(), endDate: try r.date(), initialCategory: try r.optionalString(),
                        latestCategory: try r.optionalString(), numberOfPreviousPlans: try r.optionalInt())
                    for _ in 0..<(try r.count()) { p.reviewDates.append(try r.date()) }
                    p.origin = try origin()
                    e.protectionPlans.append(p)
                }
                e.collectionYear = try r.optionalInt()
                e.origin = try origin()
                out.append(e)
            }
            builder.add(cinEpisodes: out, file: file)
        case .claHeader:
            var out: [CLAHeader] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    CLAHeader(
                        child: try r.child(), sex: try r.optionalString(), birthDate: try r.date(), ethnicity: try r.optionalString(),
                        upn: try r.optionalString(), collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(claHeaders: out, file: file)
        case .claEpisode:
            var out: [CLAEpisode] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    CLAEpisode(
                        child: try r.child(), start: try r.date(), reasonNewEpisode: try r.optionalString(),
                        legalStatus: try r.optionalString(), categoryOfNeed: try r.optionalString(), placement: try r.optionalString(),
                        provider: try r.optionalString(), end: try r.date(), reasonEnded: try r.optionalString(),
                        reasonPlaceChange: try r.optionalString(), homePostcode: try r.optionalString(),
                        placementPostcode: try r.optionalString(), urn: try r.optionalString(),
                        collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(claEpisodes: out, file: file)
        case .claReview:
            var out: [CLAReview] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    CLAReview(
                        child: try r.child(), date: try r.date(), participationCode: try r.optionalString(),
                        collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(claReviews: out, file: file)
        case .claMissing:
            var out: [CLAMissing] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    CLAMissing(
                        child: try r.child(), kind: try r.optionalString(), start: try r.date(), end: try r.date(),
                        collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(claMissing: out, file: file)
        case .careLeaver:
            var out: [CareLeaverRecord] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    CareLeaverRecord(
                        child: try r.child(), birthDate: try r.date(), inTouch: try r.optionalString(),
                        activity: try r.optionalString(), accommodation: try r.optionalString(),
                        collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(careLeavers: out, file: file)
        case .socialWorkerEpisode:
            var out: [SocialWorkerEpisode] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    SocialWorkerEpisode(
                        child: try r.child(), workerID: try r.optionalString(), start: try r.date(), end: try r.date(),
                        reason: try r.optionalString(), collectionYear: try r.optionalInt(), origin: try origin()))
            }
            builder.add(socialWorkerEpisodes: out, file: file)
        case .missingEpisode:
            var out: [MissingEpisode] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    MissingEpisode(
                        child: try r.child(), kind: try r.optionalString(), start: try r.time(), returned: try r.time(),
                        rhiOffered: try r.time(), rhiAccepted: try r.optionalBool(), rhiCompleted: try r.time(),
                        origin: try origin()))
            }
            builder.add(missingEpisodes: out, file: file)
        case .supervision:
            var out: [SupervisionSession] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    SupervisionSession(
                        worker: try r.string(), date: try r.date(), kind: try r.optionalString(),
                        reflective: try r.optionalBool(), child: try r.optionalString().map(ChildID.init),
                        origin: try origin()))
            }
            builder.add(supervisions: out, file: file)
        case .worker:
            var out: [WorkerRecord] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(
                    WorkerRecord(
                        id: try r.string(), name: try r.optionalString(), role: try r.optionalString(), fte: try r.optionalString().flatMap(Double.init),
                        employment: try r.optionalString(), team: try r.string(), service: try r.optionalString(), start: try r.date(),
                        leave: try r.date(), origin: try origin()))
            }
            builder.add(workers: out, file: file)
        case .allocation:
            var out: [Allocation] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(Allocation(child: try r.child(), worker: try r.string(), from: try r.date(), to: try r.date(), origin: try origin()))
            }
            builder.add(allocations: out, file: file)
        case .visit:
            var out: [Visit] = []; out.reserveCapacity(n)
            for _ in 0..<n {
                out.append(Visit(child: try r.child(), date: try r.date(), worker: try r.optionalString(), origin: try origin()))
            }
            builder.add(visits: out, file: file)
        case .contact, .earlyHelp, .workforceWorker, .workforceVacancies, .training, .fosteringHousehold, .specialGuardianship,
            .careProceeding, .pathway:
            try ServiceRecordCoding.add(kind.service!, json: Data(try r.string().utf8), file: file, to: &builder)
        }
        guard r.atEnd else { throw StoreError.unavailable("a stored \(kind.rawValue) record block has bytes after its last record") }
    }
}

extension CaseData {
    /// The records read from source file `file`, and nothing else.
    func only(file: Int32) -> CaseData {
        var d = CaseData()
        d.cinChildren = cinChildren.filter { $0.value.origin.file == file }
        d.cinEpisodes = cinEpisodes.filter { $0.origin.file == file }
        d.claHeaders = claHeaders.filter { $0.value.origin.file == file }
        d.claEpisodes = claEpisodes.filter { $0.origin.file == file }
        d.claReviews = claReviews.filter { $0.origin.file == file }
        d.claMissing = claMissing.filter { $0.origin.file == file }
        d.careLeavers = careLeavers.filter { $0.origin.file == file }
        d.socialWorkerEpisodes = socialWorkerEpisodes.filter { $0.origin.file == file }
        d.missingEpisodes = missingEpisodes.filter { $0.origin.file == file }
        d.supervisions = supervisions.filter { $0.origin.file == file }
        d.workers = workers.filter { $0.origin.file == file }
        d.allocations = allocations.filter { $0.origin.file == file }
        d.visits = visits.filter { $0.origin.file == file }
        d.services = services
        d.services.transform(OfFile(file: file))
        return d
    }
}

/// Keeps the service records read from one file.
private struct OfFile: ServiceRecordTransform {
    let file: Int32
    func apply<R: ServiceRecord>(_ records: [R]) -> [R] { records.filter { $0.origin.file == file } }
}
