import Foundation

/// An RFC 4180 CSV reader over a whole file's bytes: quoted fields with commas, quotes and line
/// breaks, CRLF or LF line ends, a UTF-8 byte order mark; text that is not valid UTF-8 is read as
/// Windows-1252 (spec reading rule 5).
///
/// Files larger than `maximumFileSize` are refused rather than read.
/// Visits records in order (the header first) and returns the reader's problems.
typealias CSVRecords = (([String]) -> Void) -> [ValidationIssue]

public struct CSVFile: Sendable {
    public var path: String
    /// The header's fields as written.
    public var header: [String]
    /// Data rows (header excluded), each with its 1-based data row number.
    public var rows: [[String]]
    /// Problems met while reading (unterminated quote, ragged rows are left to the caller).
    public var problems: [ValidationIssue]
    /// True when the bytes were not UTF-8 and were read as Windows-1252.
    public var wasWindows1252: Bool

    /// 1 GiB: a year's return for the largest authority is a few tens of megabytes.
    public static let maximumFileSize = 1 << 30

    /// Reads `url`. Throws `UnusableFileError` when the file cannot be read or is too large.
    public static func read(url: URL, displayPath: String? = nil) throws -> CSVFile {
        let name = displayPath ?? url.path
        let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attrs?[.size] as? Int, size > maximumFileSize {
            throw UnusableFileError(file: name, reason: "the file is \(size / (1 << 20)) MiB, over the 1 GiB limit for one file; split it by year or table")
        }
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            throw UnusableFileError(file: name, reason: "the file could not be read")
        }
        return parse(data: data, path: name)
    }

    /// Parses CSV bytes.
    public static func parse(data: Data, path: String) -> CSVFile {
        var records: [[String]] = []
        let (problems, cp1252) = data.withUnsafeBytes { raw in
            scan(raw.bindMemory(to: UInt8.self), path: path) { records.append($0) }
        }
        let header = records.first ?? []
        return CSVFile(path: path, header: header, rows: Array(records.dropFirst()), problems: problems, wasWindows1252: cp1252)
    }

    /// The file's records, the header first, as a `CSVRecords` visitor.
    var records: CSVRecords {
        { visit in
            visit(header)
            for r in rows { visit(r) }
            return problems
        }
    }

    /// Visits the records of a mapped file one at a time (the header first) without holding
    /// them, handing the file's pages back as it passes them. Returns the reader's problems.
    static func stream(_ mapped: MappedFile, path: String, onRecord: ([String]) -> Void) -> [ValidationIssue] {
        scan(mapped.bytes, path: path, passed: { mapped.release(upTo: $0) }, onRecord: onRecord).problems
    }

    /// Calls `onRecord` with each record of `input` (header included; blank lines skipped), a byte
    /// order mark dropped. Text that is not UTF-8 is read as Windows-1252. `passed`, when given, is
    /// told every so often how far the reader has got (for handing a mapped file's pages back).
    static func scan(
        _ input: UnsafeBufferPointer<UInt8>, path: String, passed: ((Int) -> Void)? = nil,
        onRecord: ([String]) -> Void
    ) -> (problems: [ValidationIssue], wasWindows1252: Bool) {
        let bom = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: input[bom...])
        if UTF8Check.isValid(body) {
            return (scanUTF8(body, path: path, passed: passed.map { p in { p($0 + bom) } }, onRecord: onRecord), false)
        }
        let converted = windows1252ToUTF8(Array(body))
        return (converted.withUnsafeBufferPointer { scanUTF8($0, path: path, passed: nil, onRecord: onRecord) }, true)
    }

    private static func scanUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, passed: ((Int) -> Void)?,
        onRecord: ([String]) -> Void
    ) -> [ValidationIssue] {
        var problems: [ValidationIssue] = []
        var count = 0
        var field: [UInt8] = []
        var record: [String] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var i = 0
        let n = bytes.count
        var recordStartLine = 1
        var line = 1
        var nextPassed = FastXMLScanner.passedStep
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            // A blank line (one empty field) is skipped.
            if !(record.count == 1 && record[0].isEmpty) {
                count += 1
                onRecord(record)
            }
            record.removeAll(keepingCapacity: true)
            if let passed, i >= nextPassed { passed(i); nextPassed = i + FastXMLScanner.passedStep }
        }
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < n && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x2C: endField()
            case 0x0D:
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                endRecord(); line += 1; recordStartLine = line
            case 0x0A:
                endRecord(); line += 1; recordStartLine = line
            case 0x22 where field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !fieldWasQuoted:
                field.removeAll(); inQuotes = true; fieldWasQuoted = true
            default: field.append(b)
            }
            i += 1
        }
        if inQuotes {
            problems.append(
                ValidationIssue(
                    rule: "OV-CSV-QUOTE", severity: .error, file: path, table: "", row: max(count, 1),
                    child: nil, fields: [], message: "A quoted field opened on line \(recordStartLine) is never closed; the rest of the file was read as one value"))
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return problems
    }

    /// Windows-1252 to UTF-8 (0x80-0x9F map to the code page's characters; undefined ones to U+FFFD).
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            let s = Unicode.Scalar(scalar)!
            out.append(contentsOf: Array(String(Character(s)).utf8))
        }
        return out
    }
}
