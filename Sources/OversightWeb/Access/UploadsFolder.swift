import Foundation
import OversightStore

/// The folder uploads are written to while they are imported. It holds children's records, so it
/// is private: made with mode 0700 when missing, and refused when it exists but is not a folder
/// (a symbolic link included), belongs to another user, or lets the group or others in. Each
/// upload gets a 0700 folder of its own inside, deleted on every way out.
enum UploadsFolder {
    /// Makes `path` (mode 0700) when it is missing; throws `StoreError.badInput` when it is not safe.
    static func prepare(_ path: String) throws {
        var st = stat()
        if lstat(path, &st) != 0 {
            guard errno == ENOENT else { throw StoreError.badInput("the uploads folder \(path) cannot be read (error \(errno))") }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard lstat(path, &st) == 0 else { throw StoreError.badInput("the uploads folder \(path) could not be made") }
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.badInput("the uploads folder \(path) is not a folder (a link or a file is there); choose another folder")
        }
        guard st.st_uid == geteuid() else {
            throw StoreError.badInput("the uploads folder \(path) belongs to another user; choose a folder of Oversight's own")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw StoreError.badInput("the uploads folder \(path) can be opened by other users; make it private (chmod 700 \(path)) or choose another folder")
        }
    }

    /// A new private folder for one upload inside `root`.
    static func makeUploadFolder(in root: String) throws -> URL {
        let folder = URL(fileURLWithPath: root).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return folder
    }
}
