import Foundation
import WeakTiesStudy
import ZIPFoundation

/// A ZIP container (`.xlsx`, `.qdpx`) opened for reading with limits that ZIPFoundation leaves to
/// us: no entry path may be absolute or climb out (`..`), no entry may expand more than
/// `maximumRatio` times (above `ratioFloor` bytes), and the whole container may not expand beyond
/// `maximumTotalSize`. Sizes are checked against the headers and again while extracting (headers
/// can lie).
struct ZIPContainer {
    static let maximumRatio: UInt64 = 200
    static let ratioFloor: UInt64 = 1 << 20
    static let maximumTotalSize: UInt64 = 1 << 30

    let archive: Archive
    let file: String
    /// Entry paths in container order.
    let paths: [String]

    /// - Throws: `InputOutputError` (cannot open, not a ZIP file) or `ImportFailure` (refused content).
    init(path: String, file: String, kind: String) throws {
        self.file = file
        guard FileManager.default.fileExists(atPath: path) else { throw InputOutputError(path: file, message: "no such file") }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportFailure.at(file, 0, nil, "not a ZIP container, so not \(kind)")
        }
        var paths: [String] = []
        var total: UInt64 = 0
        for entry in archive {
            let name = entry.path
            let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if name.hasPrefix("/") || name.hasPrefix("\\") || parts.contains("..") || parts.first?.hasSuffix(":") == true {
                throw ImportFailure.at(file, 0, nil, "refused: entry '\(name)' points outside the container (path traversal)")
            }
            if entry.uncompressedSize > ZIPContainer.ratioFloor,
               entry.uncompressedSize / max(1, entry.compressedSize) > ZIPContainer.maximumRatio {
                throw ImportFailure.at(file, 0, nil,
                    "refused: entry '\(name)' would expand \(entry.uncompressedSize / max(1, entry.compressedSize)) times (\(entry.uncompressedSize) bytes; a zip bomb?)")
            }
            total += entry.uncompressedSize
            if total > ZIPContainer.maximumTotalSize {
                throw ImportFailure.at(file, 0, nil, "refused: the container would expand beyond \(ZIPContainer.maximumTotalSize >> 20) MiB")
            }
            paths.append(name)
        }
        self.paths = paths
    }

    /// The bytes of entry `path`, or `nil` where there is none. - Throws: `ImportFailure` when the
    /// entry expands beyond its declared size or is corrupt.
    func data(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let limit = entry.uncompressedSize
        var out = Data()
        out.reserveCapacity(Int(min(limit, 64 << 20)))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if UInt64(out.count + chunk.count) > limit { throw SizeExceeded() }
                out.append(chunk)
            }
        } catch is SizeExceeded {
            throw ImportFailure.at(file, 0, nil, "refused: entry '\(path)' expands beyond its declared size")
        } catch {
            throw ImportFailure.at(file, 0, nil, "entry '\(path)' cannot be read: \(error)")
        }
        return out
    }

    private struct SizeExceeded: Error {}
}
