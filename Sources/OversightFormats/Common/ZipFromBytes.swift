import Foundation
import ZIPFoundation

/// Opens a zip archive held in memory by way of a private temporary file. ZIPFoundation's reader
/// of archives in memory traps (a range whose end is before its start) when a damaged directory
/// points past the end of the bytes; its reader of files gets a short read and throws. Found by
/// `oversight fuzz` on Annex A workbooks.
enum ZipFromBytes {
    /// Runs `body` with the archive of `data`; throws `UnusableFileError` naming `file` when the
    /// bytes are not a readable zip archive.
    static func withArchive<T>(_ data: Data, file: String, notAZip: String, _ body: (Archive) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("archive.zip")
        guard FileManager.default.createFile(atPath: copy.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw UnusableFileError(file: file, reason: "the file could not be read (no room for a temporary copy)")
        }
        let archive: Archive
        do { archive = try Archive(url: copy, accessMode: .read) } catch { throw UnusableFileError(file: file, reason: notAZip) }
        return try body(archive)
    }
}
