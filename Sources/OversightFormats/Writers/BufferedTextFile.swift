import Foundation

/// Writes text to a file through a buffer, so that writers can stream millions of rows without
/// holding them in memory. Creates (or truncates) the file; `close()` flushes it.
public final class BufferedTextFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let limit = 1 << 20

    /// Opens `url` for writing, creating its folder when needed.
    public init(url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(limit + 4096)
    }

    /// Appends `text` (UTF-8).
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        flush()
        try handle.close()
    }
}
