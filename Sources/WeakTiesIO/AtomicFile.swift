import Foundation

/// Writes output files all-or-nothing: into a temporary file beside the target, then renamed over it,
/// so a failed run never leaves a partial file.
public enum AtomicFile {
    /// Writes `data` to `path` atomically. - Throws: `InputOutputError`.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces an existing file atomically.
            if rename(temporary.path, url.path) != 0 {
                throw InputOutputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch let error as InputOutputError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputOutputError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `path` atomically, without copying them into a `Data` first.
    public static func write(bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { raw in
            // The Data borrows the array's storage for the duration of the write.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
                            count: raw.count, deallocator: .none)
            try write(data, to: path)
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
