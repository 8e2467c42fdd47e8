import Foundation
import WeakTiesStudy

/// A file could not be read at all (missing, unreadable): an I/O problem, not bad data.
public struct InputOutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}

/// Reads CSV/TSV tables (`,` `;` TAB, detected) into dictionary-encoded `CodedTable`s.
///
/// Streams the file in 1 MiB blocks: memory holds the distinct values of each column and four
/// bytes per cell, never the file. UTF-8 (with or without BOM) and Windows-1252 (detected at the first
/// non-ASCII value, with a notice) are accepted; anything else is a located error.
public enum DelimitedTableReader {
    /// Reads `path`. `displayName` is used in messages (defaults to `path`).
    ///
    /// - Throws: `InputOutputError` when the file cannot be read; `ImportFailure` with every located
    ///   error (up to 50) when its content breaks the contract.
    public static func read(path: String, displayName: String? = nil, delimiter: UInt8? = nil) throws -> CodedTable {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputOutputError(path: name, message: "no such file")
        }
        if isDirectory.boolValue { throw InputOutputError(path: name, message: "is a directory, not a table file") }
        let scanner: CSVScanner
        do {
            scanner = try CSVScanner(path: path)
            let head = try scanner.prefix()
            if let problem = binaryProblem(head) {
                throw ImportFailure(errors: [Diagnostic(.error, SourceLocation(file: name, line: 1, column: 1), problem)])
            }
            try scanner.prepare(delimiter: delimiter)
        } catch let error as CSVScanError {
            if case .io(let message) = error { throw InputOutputError(path: name, message: message) }
            throw error
        }

        var builder = TableBuilder(file: name)
        if let head = try? scanner.prefix() {
            builder.decoder = FileTextDecoder(sniffing: head, isWholeFile: scanner.isAtEOF)
        }
        // Reserve the code arrays from the file size and the line length seen in the first block, so a
        // large table does not grow (and page-fault) its arrays over and over.
        if let head = try? scanner.prefix(), let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            let lines = max(1, head.count { $0 == 10 })
            builder.expectedRows = min(size / max(1, head.count / lines) + lines, 100_000_000)
        }
        do {
            try scanner.scan(into: &builder)
        } catch let error as CSVScanError {
            switch error {
            case let .nulByte(line, column):
                builder.errors.add(SourceLocation(file: name, line: line, column: column),
                    "NUL byte: this is a binary file, not a CSV text file (export the data as CSV)")
            case let .unterminatedQuote(line, column):
                builder.errors.add(SourceLocation(file: name, line: line, column: column),
                    "unterminated quoted field: the quote opened here is never closed")
            case let .io(message):
                throw InputOutputError(path: name, message: message)
            }
        }
        return try builder.finish(delimiter: scanner.delimiter, hadBOM: scanner.hadBOM)
    }

    /// Recognises files that are not text tables by their first bytes.
    static func binaryProblem(_ head: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && zip(head, magic).allSatisfy { $0 == $1 } }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return "this looks like an Excel workbook (.xlsx) or another ZIP file, not CSV: export it as CSV (UTF-8)"
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            return "this looks like an old Excel workbook (.xls), not CSV: export it as CSV (UTF-8)"
        }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) {
            return "the file is UTF-16 encoded: save it as CSV UTF-8"
        }
        if starts([0x25, 0x50, 0x44, 0x46]) { return "this looks like a PDF file, not CSV" }
        return nil
    }
}

/// Accumulates records into dictionary-encoded columns.
private struct TableBuilder: CSVRecordSink {
    let file: String
    var errors = ErrorCollector()
    var header: [String]?
    var headerLine = 1
    var interners: [ByteInterner] = []
    var columns: [TextColumn] = []
    var rowLines: [Int32] = []
    var decoder = FileTextDecoder()
    var blankLines: [Int] = []
    var blankLineCount = 0
    var shortRows = 0
    var expectedRows = 0

    init(file: String) { self.file = file }

    mutating func add(_ record: CSVRecordView) {
        if record.isBlank {
            blankLineCount += 1
            if blankLines.count < 10 { blankLines.append(record.startLine) }
            return
        }
        guard let header else {
            self.header = (0..<record.count).map { i in
                decode(record.field(i), line: Int(record.lines[i]), column: i + 1)
            }
            headerLine = record.startLine
            interners = Array(repeating: ByteInterner(), count: record.count)
            columns = Array(repeating: TextColumn(values: [""], codes: []), count: record.count)
            for c in columns.indices { columns[c].codes.reserveCapacity(expectedRows) }
            rowLines.reserveCapacity(expectedRows)
            for c in 0..<record.count { _ = interners[c].intern(UnsafeBufferPointer(start: record.bytes, count: 0)) }
            return
        }
        let width = header.count
        if record.count > width {
            errors.add(SourceLocation(file: file, line: Int(record.lines[width]), column: width + 1),
                "row has \(record.count) fields but the header has \(width)")
            return
        }
        rowLines.append(Int32(record.startLine))
        for c in 0..<record.count {
            let bytes = record.field(c)
            let (code, isNew) = interners[c].intern(bytes)
            if isNew { columns[c].values.append(decode(bytes, line: Int(record.lines[c]), column: c + 1)) }
            columns[c].codes.append(code)
        }
        if record.count < width {
            shortRows += 1
            for c in record.count..<width { columns[c].codes.append(0) }
        }
    }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> String {
        let (text, problem) = decoder.decode(bytes, line: line, column: column)
        if let problem { errors.add(SourceLocation(file: file, line: line, column: column), problem) }
        return text
    }

    func finish(delimiter: UInt8, hadBOM: Bool) throws -> CodedTable {
        var errors = self.errors
        guard let header else {
            errors.add(SourceLocation(file: file, line: 1, column: 1), "the file is empty (expected a header row and data rows)")
            try errors.throwIfAny()
            fatalError("unreachable")
        }
        try errors.throwIfAny()
        var diagnostics: [Diagnostic] = []
        if decoder.mode == .windows1252, let evidence = decoder.windows1252Evidence {
            diagnostics.append(Diagnostic(.notice, SourceLocation(file: file, line: evidence.line, column: evidence.column),
                "the file is not UTF-8; read as Windows-1252 (as Excel on Windows saves CSV)"))
        }
        if blankLineCount > 0 {
            let shown = blankLines.map(String.init).joined(separator: ", ") + (blankLineCount > blankLines.count ? ", …" : "")
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: file, line: blankLines[0]),
                "skipped \(blankLineCount) blank or delimiter-only line\(blankLineCount == 1 ? "" : "s") (\(shown))"))
        }
        return CodedTable(
            file: file, header: header, headerLine: headerLine, columns: columns, rowLines: rowLines,
            diagnostics: diagnostics, encoding: decoder.mode.name + (hadBOM ? " (BOM)" : ""),
            delimiter: delimiter == 9 ? "\\t" : String(UnicodeScalar(delimiter)))
    }
}
