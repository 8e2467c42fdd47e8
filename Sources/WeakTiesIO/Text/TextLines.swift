import Foundation
import WeakTiesStudy

/// A text file split into lines for the line-based network formats (Pajek, DL): UTF-8 (a BOM is
/// skipped), else Windows-1252 with a notice; LF, CRLF and CR all end lines.
struct TextLines {
    let file: String
    var lines: [Substring] = []
    var notices: [Diagnostic] = []
    /// The file's size in bytes.
    var byteCount = 0

    /// The largest number of nodes (or rows, columns, matrices) a header may declare: what the file
    /// could hold, but at least 250,000 (declared nodes without a line of their own are isolates).
    /// A 40-byte file declaring 2,147,483,648 vertices is refused before anything is allocated. (The
    /// floor was 1,000,000: a 45-byte file of a million isolates then took 10 s and 584 MB in a debug
    /// build, beyond what a file that small may cost.)
    var maximumDeclaredCount: Int { InputLimits.raised(max(250_000, byteCount)) }

    /// - Throws: `InputOutputError` (cannot read) or `ImportFailure` (binary content).
    init(path: String, file: String) throws {
        self.file = file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputOutputError(path: file, message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        var bytes = [UInt8](data)
        byteCount = bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].count { $0 == 10 } + 1
            throw ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: file, line: line), "NUL byte: this is a binary file, not a text network file")])
        }
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else {
            text = String(bytes.map { Character(Unicode.Scalar(Windows1252.scalar($0)) ?? "\u{FFFD}") })
            notices.append(Diagnostic(.notice, SourceLocation(file: file, line: 0), "not UTF-8: read as Windows-1252"))
        }
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Splits a line into tokens: runs of non-space characters, or double-quoted text (quotes removed).
    /// Each token comes with its 1-based column.
    static func tokens(_ line: Substring, separators: Set<Character> = [" ", "\t"]) -> [(text: String, column: Int, quoted: Bool)] {
        var out: [(String, Int, Bool)] = []
        var i = line.startIndex
        var column = 1
        while i < line.endIndex {
            let c = line[i]
            if separators.contains(c) { i = line.index(after: i); column += 1; continue }
            let start = column
            if c == "\"" {
                i = line.index(after: i); column += 1
                var token = ""
                while i < line.endIndex && line[i] != "\"" { token.append(line[i]); i = line.index(after: i); column += 1 }
                if i < line.endIndex { i = line.index(after: i); column += 1 }
                out.append((token, start, true))
            } else {
                var token = ""
                while i < line.endIndex && !separators.contains(line[i]) { token.append(line[i]); i = line.index(after: i); column += 1 }
                out.append((token, start, false))
            }
        }
        return out
    }
}

/// Windows-1252 bytes to Unicode scalars (0x80–0x9F mapped as Windows does; undefined ones as C1).
enum Windows1252 {
    static let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                                 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
    static func scalar(_ byte: UInt8) -> UInt32 { (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte) }
}

extension ImportFailure {
    /// One located error.
    static func at(_ file: String, _ line: Int, _ column: Int?, _ message: String) -> ImportFailure {
        ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: file, line: line, column: column), message)])
    }
}
