import Foundation
import OversightCore

extension FileLoader {
    /// Spreadsheets: the Ofsted Annex A workbook.
    static func loadWorkbook(_ path: String, into out: inout LoadedData, builder: inout CaseDataBuilder) throws {
        throw UnusableFileError(file: path, reason: "Annex A workbooks are read by `oversight validate` and `measures` from the next release")
    }
}
