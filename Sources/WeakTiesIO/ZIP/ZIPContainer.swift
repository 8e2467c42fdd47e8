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
        try ZIPContainer.checkEntryRanges(path: path, file: file)
        var paths: [String] = []
        var total: UInt64 = 0
        for entry in archive {
            let name = entry.path
            let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if name.hasPrefix("/") || name.hasPrefix("\\") || parts.contains("..") || parts.first?.hasSuffix(":") == true {
                throw ImportFailure.at(file, 0, nil, "refused: entry '\(name)' points outside the container (path traversal)")
            }
            if entry.uncompressedSize > ZIPContainer.ratioFloor,
               entry.uncompressedSize / max(1, entry.compressedSize) > UInt64(InputLimits.raised(Int(ZIPContainer.maximumRatio))) {
                throw ImportFailure.at(file, 0, nil,
                    "refused: entry '\(name)' would expand \(entry.uncompressedSize / max(1, entry.compressedSize)) times (\(entry.uncompressedSize) bytes; a zip bomb?)")
            }
            total += entry.uncompressedSize
            let totalLimit = UInt64(InputLimits.raised(Int(ZIPContainer.maximumTotalSize)))
            if total > totalLimit {
                throw ImportFailure.at(file, 0, nil, "refused: the container would expand beyond \(totalLimit >> 20) MiB")
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

    /// Refuses a container whose central directory places an entry's data beyond the end of the file.
    /// ZIPFoundation (0.9.20) trusts those offsets and, reading past the end, loops forever (found by
    /// `make fuzz`: an 11 kB workbook with two mutated offsets hung `validate`). Reads the end of
    /// central directory record (ZIP64 too), each central directory header and each entry's local
    /// header (for its name and extra field lengths); APPNOTE.TXT 4.3.
    /// - Complexity: O(entries); the file is mapped, not read.
    static func checkEntryRanges(path: String, file: String) throws {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return }
        let size = data.count
        func damaged(_ what: String) -> ImportFailure { ImportFailure.at(file, 0, nil, "a damaged ZIP container: \(what)") }
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= size ? Int(data[at]) | Int(data[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> UInt64? {
            guard at >= 0, at + 4 <= size else { return nil }
            return (0..<4).reduce(UInt64(0)) { $0 | UInt64(data[at + $1]) << (8 * $1) }
        }
        func u64(_ at: Int) -> UInt64? {
            guard at >= 0, at + 8 <= size else { return nil }
            return (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[at + $1]) << (8 * $1) }
        }
        // The end of central directory record: the last signature within the final 65,557 bytes.
        var eocd = -1
        var at = size - 22
        while at >= max(0, size - 65_557) {
            if u32(at) == 0x0605_4B50 { eocd = at; break }
            at -= 1
        }
        guard eocd >= 0, var count = u16(eocd + 10).map(UInt64.init), var directory = u32(eocd + 16) else { return }  // ZIPFoundation refuses it
        if count == 0xFFFF || directory == 0xFFFF_FFFF, u32(eocd - 20) == 0x0706_4B50, let zip64 = u64(eocd - 12),
           zip64 < UInt64(size), u32(Int(zip64)) == 0x0606_4B50 {
            count = u64(Int(zip64) + 32) ?? count
            directory = u64(Int(zip64) + 48) ?? directory
        }
        guard directory < UInt64(size) else { throw damaged("its central directory starts beyond the end of the file") }
        var header = Int(directory)
        for _ in 0..<min(count, UInt64(size / 46)) {
            guard u32(header) == 0x0201_4B50, var compressed = u32(header + 20), let nameLength = u16(header + 28),
                  let extraLength = u16(header + 30), let commentLength = u16(header + 32), var local = u32(header + 42)
            else { throw damaged("a central directory entry is cut off or misplaced") }
            let name = String(decoding: data[(header + 46)..<min(size, header + 46 + nameLength)], as: UTF8.self)
            // ZIP64 sizes and offset in the extra field (id 1), each present where its field is all ones.
            if compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                var field = header + 46 + nameLength
                let end = min(size, field + extraLength)
                while field + 4 <= end, let id = u16(field), let length = u16(field + 2) {
                    if id == 1 {
                        var value = field + 4
                        if u32(header + 24) == 0xFFFF_FFFF { value += 8 }
                        if compressed == 0xFFFF_FFFF { compressed = u64(value) ?? compressed; value += 8 }
                        if local == 0xFFFF_FFFF { local = u64(value) ?? local }
                        break
                    }
                    field += 4 + length
                }
            }
            guard local < UInt64(size), u32(Int(local)) == 0x0403_4B50,
                  let localName = u16(Int(local) + 26), let localExtra = u16(Int(local) + 28) else {
                throw damaged("entry '\(name)' has no local header where the directory places it")
            }
            let (end, overflow) = (local + 30 + UInt64(localName + localExtra)).addingReportingOverflow(compressed)
            if overflow || end > UInt64(size) {
                throw damaged("entry '\(name)' claims \(compressed) bytes of data beyond the end of the file (\(size) bytes)")
            }
            header += 46 + nameLength + extraLength + commentLength
        }
    }
}
