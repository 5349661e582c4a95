extension CaseData {
    /// This data holding the tables of `tables` alone: the records of every other table removed,
    /// as a reader skipping those tables' files would leave it (`Measure.reads`,
    /// `MeasureEngine.sourcesNeeded(for:)`).
    ///
    /// A source's files and loaded years go with the table its coverage is judged from (the CIN
    /// census with `cin`, SSDA903 with `episodes`): the files of a source not kept stay in
    /// `files`, so that records' origins still index them, but name no format or table, so the
    /// data no longer says it holds that source. Records left open by an earlier return
    /// (`leftOpen`) go with their table.
    func keeping(_ tables: Set<CaseTable>) -> CaseData {
        var d = self
        if !tables.contains(.cin) {
            d.cinChildren = [:]
            d.cinEpisodes = []
            d.cinYears = []
            d.leftOpen.cinEpisodes = [:]
            d.leftOpen.cinBlocks = [:]
        }
        if !tables.contains(.episodes) {
            d.claEpisodes = []
            d.claYears = []
            d.leftOpen.claEpisodes = [:]
        }
        if !tables.contains(.header) { d.claHeaders = [:] }
        if !tables.contains(.reviews) { d.claReviews = [] }
        if !tables.contains(.missing) { d.claMissing = [] }
        if !tables.contains(.oc3) { d.careLeavers = [] }
        if !tables.contains(.socialWorkerEpisodes) {
            d.socialWorkerEpisodes = []
            d.leftOpen.socialWorkerEpisodes = [:]
        }
        if !tables.contains(.localMissing) { d.missingEpisodes = [] }
        if !tables.contains(.supervision) { d.supervisions = [] }
        if !tables.contains(.workers) { d.workers = [] }
        if !tables.contains(.contacts) { d.services.contacts = [] }
        if !tables.contains(.earlyHelp) { d.services.earlyHelp = [] }
        if !tables.contains(.workforce) { d.services.workforceWorkers = []; d.services.workforceVacancies = [] }
        if !tables.contains(.training) { d.services.training = [] }
        if !tables.contains(.fostering) { d.services.fosteringHouseholds = [] }
        if !tables.contains(.specialGuardianship) { d.services.specialGuardianships = [] }
        if !tables.contains(.careProceedings) { d.services.careProceedings = [] }
        if !tables.contains(.pathways) { d.services.pathways = [] }
        for i in d.files.indices {
            let f = d.files[i]
            let kept =
                switch f.format {
                case "cin": tables.contains(.cin)
                case "ssda903": tables.contains(.episodes)
                case "missing-local": tables.contains(.localMissing)
                case "annex-a":
                    switch f.table {
                    case "missing": tables.contains(.localMissing)
                    case "contacts": tables.contains(.contacts)
                    case "early-help": tables.contains(.earlyHelp)
                    default: true
                    }
                case "supervision-local": tables.contains(.supervision)
                case "early-help-local": tables.contains(.earlyHelp)
                case "csww": tables.contains(.workforce)
                case "training-local": tables.contains(.training)
                case "workers-local", "ssd-professionals": tables.contains(.workers)
                case "fostering-local": tables.contains(.fostering)
                case "sgo-local": tables.contains(.specialGuardianship)
                case "care-proceedings-local": tables.contains(.careProceedings)
                case "pathways-local": tables.contains(.pathways)
                default: true
                }
            if !kept { d.files[i] = SourceFile(path: f.path, format: "", table: "", collectionYear: f.collectionYear) }
        }
        return d
    }
}
