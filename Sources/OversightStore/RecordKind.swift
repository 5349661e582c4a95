import Foundation
import OversightCore

/// The kinds of typed record the store keeps, one per `CaseDataBuilder.add` call.
enum RecordKind: String, CaseIterable, Sendable {
    case cinChild = "cin_child"
    case cinEpisode = "cin_episode"
    case claHeader = "cla_header"
    case claEpisode = "cla_episode"
    case claReview = "cla_review"
    case claMissing = "cla_missing"
    case careLeaver = "care_leaver"
    case socialWorkerEpisode = "sw_episode"
    case missingEpisode = "missing_episode"
    case supervision = "supervision"
    case worker = "worker"
    case allocation = "allocation"
    case visit = "visit"
    case contact = "contact"
    case earlyHelp = "early_help"
    case workforceWorker = "csww_worker"
    case workforceVacancies = "csww_vacancies"
    case training = "training"
    case fosteringHousehold = "fostering_household"
    case specialGuardianship = "special_guardianship"
    case careProceeding = "care_proceeding"
    case pathway = "pathway"

    /// The service record kind this kind stores, if it is one.
    var service: ServiceRecordKind? { ServiceRecordKind(rawValue: rawValue) }
}

/// One record's row: its kind and the columns the store queries. The record itself goes in its
/// source file's record block (`BinaryRecordCodec`).
struct EncodedRecord: Sendable {
    var kind: RecordKind
    var child: String?
    var naturalKey: String
    var collectionYear: Int?
    var origin: RecordOrigin
    var seq: Int
}

/// Turns the records of one file's `CaseData` into rows, and stored JSON payloads (of imports
/// made before record blocks) back into builder calls.
enum RecordCodec {
    static func encode(_ d: CaseData) -> [EncodedRecord] {
        let chunks = Chunks(d)
        return chunks.records(0..<chunks.count)
    }

    /// The rows of one file's `CaseData`, encoded a range at a time, so that an import of a large
    /// file holds one chunk of rows besides its records, not a row for every record.
    struct Chunks {
        /// Per kind, in storing order: how many records, and how to encode the i-th.
        private let parts: [(count: Int, encode: (Int) -> EncodedRecord)]
        let count: Int

        init(_ d: CaseData) {
            func part<R>(
                _ kind: RecordKind, _ records: [R], child: @escaping (R) -> String?, key: @escaping (R) -> String,
                year: @escaping (R) -> Int?, origin: @escaping (R) -> RecordOrigin
            ) -> (count: Int, encode: (Int) -> EncodedRecord) {
                (
                    records.count,
                    { i in
                        let r = records[i]
                        return EncodedRecord(kind: kind, child: child(r), naturalKey: key(r), collectionYear: year(r), origin: origin(r), seq: i)
                    }
                )
            }
            var all = [
                part(.cinChild, ordered(d.cinChildren), child: { $0.id.rawValue }, key: { key($0.id.rawValue) }, year: \.collectionYear, origin: \.origin),
                part(
                    .cinEpisode, d.cinEpisodes, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.referralDate)") },
                    year: \.collectionYear, origin: \.origin),
                part(.claHeader, ordered(d.claHeaders), child: { $0.child.rawValue }, key: { key($0.child.rawValue) }, year: \.collectionYear, origin: \.origin),
                part(
                    .claEpisode, d.claEpisodes, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.start)") },
                    year: \.collectionYear, origin: \.origin),
                part(
                    .claReview, d.claReviews, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.date)") },
                    year: \.collectionYear, origin: \.origin),
                part(
                    .claMissing, d.claMissing, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.start)") },
                    year: \.collectionYear, origin: \.origin),
                part(
                    .careLeaver, d.careLeavers, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\(String(describing: $0.collectionYear))") },
                    year: \.collectionYear, origin: \.origin),
                part(
                    .socialWorkerEpisode, d.socialWorkerEpisodes, child: { $0.child.rawValue },
                    key: { key($0.child.rawValue, $0.workerID, "\($0.start)") }, year: \.collectionYear, origin: \.origin),
                part(
                    .missingEpisode, d.missingEpisodes, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.start)") },
                    year: { _ in nil }, origin: \.origin),
                part(
                    .supervision, d.supervisions, child: { $0.child?.rawValue },
                    key: { key($0.worker, "\($0.date)", $0.kind, $0.child?.rawValue) }, year: { _ in nil }, origin: \.origin),
                part(.worker, d.workers, child: { _ in nil }, key: { key($0.id, $0.team, "\($0.start)") }, year: { _ in nil }, origin: \.origin),
                part(
                    .allocation, d.allocations, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.from)") }, year: { _ in nil },
                    origin: \.origin),
                part(
                    .visit, d.visits, child: { $0.child.rawValue }, key: { key($0.child.rawValue, "\($0.date)", $0.worker) }, year: { _ in nil },
                    origin: \.origin),
            ]
            func service<R: ServiceRecord>(_ records: [R]) -> (count: Int, encode: (Int) -> EncodedRecord) {
                part(
                    RecordKind(rawValue: R.kind.rawValue)!, records, child: { $0.childID?.rawValue }, key: { key(R.kind.rawValue, $0.key.text) },
                    year: { _ in nil }, origin: \.origin)
            }
            let s = d.services
            all += [
                service(s.contacts), service(s.earlyHelp), service(s.workforceWorkers), service(s.workforceVacancies), service(s.training),
                service(s.fosteringHouseholds), service(s.specialGuardianships), service(s.careProceedings), service(s.pathways),
            ]
            parts = all
            count = parts.reduce(0) { $0 + $1.count }
        }

        /// The rows at positions `range` of all `count`, in storing order.
        func records(_ range: Range<Int>) -> [EncodedRecord] {
            var out: [EncodedRecord] = []
            out.reserveCapacity(range.count)
            var offset = 0
            for p in parts {
                let lower = max(range.lowerBound, offset), upper = min(range.upperBound, offset + p.count)
                if lower < upper { for i in lower..<upper { out.append(p.encode(i - offset)) } }
                offset += p.count
            }
            return out
        }
    }

    /// CIN children in the order they are stored: by origin, then id.
    static func ordered(_ d: [ChildID: CINChild]) -> [CINChild] {
        d.values.sorted { ($0.origin.file, $0.origin.row, $0.id) < ($1.origin.file, $1.origin.row, $1.id) }
    }

    /// CLA headers in the order they are stored: by origin, then child.
    static func ordered(_ d: [ChildID: CLAHeader]) -> [CLAHeader] {
        d.values.sorted { ($0.origin.file, $0.origin.row, $0.child) < ($1.origin.file, $1.origin.row, $1.child) }
    }

    /// The number of records of `kind` in `d`.
    static func count(_ d: CaseData, _ kind: RecordKind) -> Int {
        switch kind {
        case .cinChild: d.cinChildren.count
        case .cinEpisode: d.cinEpisodes.count
        case .claHeader: d.claHeaders.count
        case .claEpisode: d.claEpisodes.count
        case .claReview: d.claReviews.count
        case .claMissing: d.claMissing.count
        case .careLeaver: d.careLeavers.count
        case .socialWorkerEpisode: d.socialWorkerEpisodes.count
        case .missingEpisode: d.missingEpisodes.count
        case .supervision: d.supervisions.count
        case .worker: d.workers.count
        case .allocation: d.allocations.count
        case .visit: d.visits.count
        case .contact, .earlyHelp, .workforceWorker, .workforceVacancies, .training, .fosteringHousehold, .specialGuardianship,
            .careProceeding, .pathway:
            d.services.count(kind.service!)
        }
    }

    /// The number of records `encode` gives for `d`.
    static func count(_ d: CaseData) -> Int {
        d.cinChildren.count + d.cinEpisodes.count + d.claHeaders.count + d.claEpisodes.count + d.claReviews.count
            + d.claMissing.count + d.careLeavers.count + d.socialWorkerEpisodes.count + d.missingEpisodes.count + d.supervisions.count
            + d.workers.count + d.allocations.count + d.visits.count + d.services.count
    }

    /// Joins key parts unambiguously: each part length-prefixed, an absent part as `~`.
    static func key(_ parts: String?...) -> String {
        parts.map { $0.map { "\($0.utf8.count):\($0)" } ?? "~" }.joined(separator: "|")
    }

    /// Decodes stored payloads of one kind and source file and adds them to `builder` as file `file`.
    static func add(_ kind: RecordKind, payloads: [String], file: Int, to builder: inout CaseDataBuilder) throws {
        let decoder = JSONDecoder()
        func decode<R: Decodable>(_: R.Type) throws -> [R] {
            try decoder.decode([R].self, from: Data(("[" + payloads.joined(separator: ",") + "]").utf8))
        }
        func reorigin(_ o: RecordOrigin) -> RecordOrigin { RecordOrigin(file: file, row: Int(o.row)) }
        switch kind {
        case .cinChild:
            builder.add(
                cinChildren: try decode(CINChild.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .cinEpisode:
            builder.add(
                cinEpisodes: try decode(CINEpisode.self).map { e in
                    var r = e
                    r.origin = reorigin(r.origin)
                    for i in r.assessments.indices { r.assessments[i].origin = reorigin(r.assessments[i].origin) }
                    for i in r.cinPlans.indices { r.cinPlans[i].origin = reorigin(r.cinPlans[i].origin) }
                    for i in r.section47s.indices { r.section47s[i].origin = reorigin(r.section47s[i].origin) }
                    for i in r.protectionPlans.indices { r.protectionPlans[i].origin = reorigin(r.protectionPlans[i].origin) }
                    return r
                }, file: file)
        case .claHeader:
            builder.add(
                claHeaders: try decode(CLAHeader.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .claEpisode:
            builder.add(
                claEpisodes: try decode(CLAEpisode.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .claReview:
            builder.add(
                claReviews: try decode(CLAReview.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .claMissing:
            builder.add(
                claMissing: try decode(CLAMissing.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .careLeaver:
            builder.add(
                careLeavers: try decode(CareLeaverRecord.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .socialWorkerEpisode:
            builder.add(
                socialWorkerEpisodes: try decode(SocialWorkerEpisode.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .missingEpisode:
            builder.add(
                missingEpisodes: try decode(MissingEpisode.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .supervision:
            builder.add(
                supervisions: try decode(SupervisionSession.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .worker:
            builder.add(
                workers: try decode(WorkerRecord.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .allocation:
            builder.add(
                allocations: try decode(Allocation.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .visit:
            builder.add(
                visits: try decode(Visit.self).map {
                    var r = $0; r.origin = reorigin(r.origin); return r
                }, file: file)
        case .contact, .earlyHelp, .workforceWorker, .workforceVacancies, .training, .fosteringHousehold, .specialGuardianship,
            .careProceeding, .pathway:
            try ServiceRecordCoding.add(kind.service!, json: Data(("[" + payloads.joined(separator: ",") + "]").utf8), file: file, to: &builder)
        }
    }
}

/// Service records (contacts, early help, the workforce census, ...) in the store: JSON, one
/// array a record block (these lists are small beside the statutory returns').
enum ServiceRecordCoding {
    /// The records of `kind` in `d`, as a JSON array.
    static func json(_ kind: ServiceRecordKind, _ d: ServiceRecords) throws -> Data {
        let e = JSONEncoder()
        switch kind {
        case .contact: return try e.encode(d.contacts)
        case .earlyHelp: return try e.encode(d.earlyHelp)
        case .workforceWorker: return try e.encode(d.workforceWorkers)
        case .workforceVacancies: return try e.encode(d.workforceVacancies)
        case .training: return try e.encode(d.training)
        case .fosteringHousehold: return try e.encode(d.fosteringHouseholds)
        case .specialGuardianship: return try e.encode(d.specialGuardianships)
        case .careProceeding: return try e.encode(d.careProceedings)
        case .pathway: return try e.encode(d.pathways)
        }
    }

    /// Decodes a JSON array of records of `kind` and adds them to `builder` as file `file`.
    static func add(_ kind: ServiceRecordKind, json: Data, file: Int, to builder: inout CaseDataBuilder) throws {
        func add<R: ServiceRecord>(_: R.Type) throws {
            let records = try JSONDecoder().decode([R].self, from: json).map { r -> R in
                var r = r
                r.origin = RecordOrigin(file: file, row: Int(r.origin.row))
                return r
            }
            builder.add(services: records, file: file)
        }
        switch kind {
        case .contact: try add(Contact.self)
        case .earlyHelp: try add(EarlyHelpEpisode.self)
        case .workforceWorker: try add(WorkforceWorker.self)
        case .workforceVacancies: try add(WorkforceVacancies.self)
        case .training: try add(TrainingCompletion.self)
        case .fosteringHousehold: try add(FosteringHousehold.self)
        case .specialGuardianship: try add(SpecialGuardianship.self)
        case .careProceeding: try add(CareProceeding.self)
        case .pathway: try add(PathwayEpisode.self)
        }
    }
}
