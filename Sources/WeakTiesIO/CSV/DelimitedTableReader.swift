import Foundation
import WeakTiesStudy

/// A file could not be read at all (missing, unreadable): an I/O problem, not bad data. Also thrown
/// when an output cannot be written (`AtomicFile`).
public struct InputOutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or directory) concerned, as given.
    public let path: String
    /// What went wrong, without the path (`no such file`, `cannot write: …`).
    public let message: String

    /// An error about `path`; `description` reads `<path>: error: <message>`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}

/// Reads CSV/TSV tables (`,` `;` TAB, detected) into dictionary-encoded `CodedTable`s.
///
/// Streams the file in 1 MiB blocks: memory holds the distinct values of each column and four
/// bytes per cell, never the file. UTF-8 (with or without BOM) and Windows-1252 (detected from the
/// first block, see `FileTextDecoder`, with a notice) are accepted; anything else is a located error.
public enum DelimitedTableReader {
    /// Reads `path`. `displayName` is used in messages (defaults to `path`).
    ///
    /// - Throws: `InputOutputError` when the file cannot be read; `ImportFailure` with every located
    ///   error (up to 50) when its content breaks the contract.
    public static func read(path: String, displayName: String? = nil, delimiter: UInt8? = nil) throws -> CodedTable {
        let (table, errors) = try readCollectingErrors(path: path, displayName: displayName, delimiter: delimiter)
        try errors.throwIfAny()
        return table!
    }

    /// Reads `path` and returns the table as far as it could be read (`nil` without a header) together
    /// with the located errors, so that the contract checks can still run on it and every error of the
    /// file is reported at once. - Throws: `InputOutputError` only.
    public static func readCollectingErrors(
        path: String, displayName: String? = nil, delimiter: UInt8? = nil
    ) throws -> (CodedTable?, ErrorCollector) {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputOutputError(path: name, message: "no such file")
        }
        if isDirectory.boolValue { throw InputOutputError(path: name, message: "is a directory, not a table file") }
        let scanner = try openScanner(path: path, name: name)
        let head = try ioChecked(name) { () throws(CSVScanError) in try scanner.prefix() }
        if let problem = binaryProblem(head) {
            var errors = ErrorCollector()
            errors.add(SourceLocation(file: name, line: 1, column: 1), problem)
            return (nil, errors)
        }
        try ioChecked(name) { () throws(CSVScanError) in try scanner.prepare(delimiter: delimiter) }

        var builder = TableBuilder(file: name)
        builder.decoder = FileTextDecoder(sniffing: head, isWholeFile: scanner.isAtEOF)
        // Reserve the code arrays from the file size and the line length seen in the first block, so a
        // large table does not grow (and page-fault) its arrays over and over.
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
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
        return builder.finish(delimiter: scanner.delimiter, hadBOM: scanner.hadBOM)
    }

    /// The header of the table at `path` (its first non-blank record), read without reading the rest of
    /// the file; nil where the file cannot be read or has no header. For deciding how to read a file
    /// (a Gephi edges table is recognised by its header) before it is read once, in full.
    public static func header(path: String, delimiter: UInt8? = nil) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let scanner = try? CSVScanner(path: path), let head = try? scanner.prefix(), binaryProblem(head) == nil,
              (try? scanner.prepare(delimiter: delimiter)) != nil
        else { return nil }
        // The names decoded as the full read decodes them (the encoding sniffed from the first block).
        var sink = HeaderSink(decoder: FileTextDecoder(sniffing: head, isWholeFile: scanner.isAtEOF))
        do { try scanner.scan(into: &sink) } catch is HeaderSink.Done {} catch { return nil }
        return sink.header
    }

    /// Keeps the first non-blank record and stops the scan.
    private struct HeaderSink: CSVRecordSink {
        struct Done: Error {}
        var decoder: FileTextDecoder
        var header: [String]?
        mutating func add(_ record: CSVRecordView) throws {
            if record.isBlank { return }
            header = (0..<record.count).map { i in decoder.decode(record.field(i), line: record.startLine, column: i + 1).0 }
            throw Done()
        }
    }

    private static func openScanner(path: String, name: String) throws -> CSVScanner {
        try ioChecked(name) { () throws(CSVScanError) in try CSVScanner(path: path) }
    }

    /// Runs `body`, turning a scanner I/O failure into an `InputOutputError` for `name`.
    private static func ioChecked<T>(_ name: String, _ body: () throws(CSVScanError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if case .io(let message) = error { throw InputOutputError(path: name, message: message) }
            throw InputOutputError(path: name, message: "cannot read the start of the file")
        }
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

/// Records scanned but not yet interned: field bytes back to back, with offsets and lines.
/// A value type, appended to through `inout`: no reference-type property accesses in the per-record path.
private struct RecordBatch: Sendable {
    var bytes: [UInt8] = []
    /// End offset in `bytes` of every field (the start is the previous field's end).
    var fieldEnds: [Int] = []
    var fieldLines: [Int32] = []
    /// Index of each record's first field in `fieldEnds`, plus one past the last.
    var recordStarts: [Int] = [0]
    var recordLines: [Int32] = []

    static let maxRecords = 32_768
    static let maxBytes = 16 << 20

    var recordCount: Int { recordLines.count }
    var isFull: Bool { recordCount >= RecordBatch.maxRecords || bytes.count >= RecordBatch.maxBytes }

    mutating func append(_ record: CSVRecordView) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: record.bytes, count: record.ends.last ?? 0))
        let base = fieldEnds.isEmpty ? 0 : fieldEnds.last!
        for end in record.ends { fieldEnds.append(base + end) }
        fieldLines.append(contentsOf: record.lines)
        recordStarts.append(fieldEnds.count)
        recordLines.append(Int32(record.startLine))
    }

    /// The bytes of field `k` (a global field index).
    @inline(__always)
    func field(_ k: Int, in base: UnsafePointer<UInt8>?) -> UnsafeBufferPointer<UInt8> {
        let start = k == 0 ? 0 : fieldEnds[k - 1]
        return UnsafeBufferPointer(start: base.map { $0 + start }, count: fieldEnds[k] - start)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
        recordStarts.removeAll(keepingCapacity: true)
        recordStarts.append(0)
        recordLines.removeAll(keepingCapacity: true)
    }
}

/// One column's dictionary: owned by one worker at a time while a batch is interned.
private final class ColumnBuilder: @unchecked Sendable {
    var interner = ByteInterner()
    var column = TextColumn(values: [""], codes: [])
    var errors: [Diagnostic] = []
    /// Codes of values that failed to decode: every row holding one is reported, not just the first.
    var invalidCodes: [Int32: String] = [:]

    init(expectedRows: Int) {
        _ = interner.intern(UnsafeBufferPointer(start: nil, count: 0))
        column.codes.reserveCapacity(expectedRows)
    }

    /// Interns column `c` of every record in `batch`; a record without that field gets the empty value.
    func intern(_ batch: RecordBatch, column c: Int, decoder: FileTextDecoder, file: String) {
        var decoder = decoder
        // Work on locals: stored properties of a class would be checked for exclusive access on every
        // call in the loop.
        var interner = self.interner, column = self.column, errors = self.errors, invalidCodes = self.invalidCodes
        self.interner = ByteInterner()
        self.column = TextColumn()
        defer { self.interner = interner; self.column = column; self.errors = errors; self.invalidCodes = invalidCodes }
        let recordStarts = batch.recordStarts, fieldLines = batch.fieldLines
        batch.bytes.withUnsafeBufferPointer { buffer in
            for r in 0..<batch.recordCount {
                let k = recordStarts[r] + c
                guard k < recordStarts[r + 1] else {
                    column.codes.append(0)
                    continue
                }
                let bytes = batch.field(k, in: buffer.baseAddress)
                let (code, isNew) = interner.intern(bytes)
                if isNew {
                    let line = Int(fieldLines[k])
                    let (text, problem) = decoder.decode(bytes, line: line, column: c + 1)
                    if let problem {
                        invalidCodes[code] = problem
                        errors.append(Diagnostic(.error, SourceLocation(file: file, line: line, column: c + 1), problem))
                    }
                    column.values.append(text)
                } else if !invalidCodes.isEmpty, let problem = invalidCodes[code] {
                    errors.append(Diagnostic(.error, SourceLocation(file: file, line: Int(fieldLines[k]), column: c + 1), problem))
                }
                column.codes.append(code)
            }
        }
    }
}

/// Accumulates records into dictionary-encoded columns.
///
/// Records are scanned into batches; each batch is then interned column by column, the columns split
/// over two workers (the machine's cores) by their bytes. The encoding is decided before a batch is
/// split, in record order, so the result never depends on thread timing.
private struct TableBuilder: CSVRecordSink {
    let file: String
    var errors = ErrorCollector()
    var header: [String]?
    var headerLine = 1
    var columns: [ColumnBuilder] = []
    var rowLines: [Int32] = []
    var decoder = FileTextDecoder()
    var blankLines: [Int] = []
    var blankLineCount = 0
    var expectedRows = 0
    var batch = RecordBatch()

    /// The widest table read: a ties or nodes table has tens of columns, a spreadsheet export at most
    /// 16,384 (Excel's last column). Each column costs about 2.4 kB while reading, so a 10 MB header
    /// of a million empty columns took 2 GB and crashed; wider headers are refused.
    static let maximumColumns = 100_000
    /// Set when the header is refused: the rest of the file is not read into columns.
    var refused = false

    init(file: String) { self.file = file }

    mutating func add(_ record: CSVRecordView) {
        if refused { return }
        if record.isBlank {
            blankLineCount += 1
            if blankLines.count < 10 { blankLines.append(record.startLine) }
            return
        }
        guard let header else {
            let limit = InputLimits.raised(Self.maximumColumns)
            if record.count > limit {
                errors.add(SourceLocation(file: file, line: record.startLine, column: limit + 1),
                    "the header has \(record.count) columns, more than \(limit): not a table of ties or actors (refused)")
                refused = true
                self.header = []
                return
            }
            self.header = (0..<record.count).map { i in
                let (text, problem) = decoder.decode(record.field(i), line: Int(record.lines[i]), column: i + 1)
                if let problem { errors.add(SourceLocation(file: file, line: Int(record.lines[i]), column: i + 1), problem) }
                return text
            }
            headerLine = record.startLine
            columns = (0..<record.count).map { _ in ColumnBuilder(expectedRows: expectedRows) }
            rowLines.reserveCapacity(expectedRows)
            return
        }
        let width = header.count
        if record.count > width {
            errors.add(SourceLocation(file: file, line: Int(record.lines[width]), column: width + 1),
                "row has \(record.count) fields but the header has \(width)")
            return
        }
        batch.append(record)
        if batch.isFull { flush() }
    }

    /// Interns the batch, in parallel over columns when it is large enough to pay.
    mutating func flush() {
        guard batch.recordCount > 0 else { return }
        if decoder.mode == .undecided { decideEncoding() }
        rowLines.append(contentsOf: batch.recordLines)
        TableBuilder.intern(batch, into: columns, decoder: decoder, file: file,
                            groups: batch.fieldEnds.count < 20_000 || columns.count < 2 ? nil : TableBuilder.split(columnBytes: columnBytes(), into: 2))
        for column in columns {
            for error in column.errors { errors.add(error.location, error.message) }
            column.errors.removeAll()
        }
        batch.removeAll()
    }

    /// Interns every column of `batch`, on one worker per column group (or sequentially).
    /// A static function, so the batch is only borrowed and is unique again when it is cleared.
    static func intern(_ batch: RecordBatch, into columns: [ColumnBuilder], decoder: FileTextDecoder, file: String,
                       groups: [[Int]]?) {
        guard let groups else {
            for (c, column) in columns.enumerated() { column.intern(batch, column: c, decoder: decoder, file: file) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            for c in groups[g] { columns[c].intern(batch, column: c, decoder: decoder, file: file) }
        }
    }

    /// Decides the encoding at the first non-ASCII field of the batch, in record order.
    mutating func decideEncoding() {
        batch.bytes.withUnsafeBufferPointer { buffer in
            guard !TextDecoding.isASCII(buffer) else { return }
            for r in 0..<batch.recordCount where decoder.mode == .undecided {
                for k in batch.recordStarts[r]..<batch.recordStarts[r + 1] {
                    let bytes = batch.field(k, in: buffer.baseAddress)
                    if TextDecoding.isASCII(bytes) { continue }
                    // Problems found here are reported when the column worker decodes the same value.
                    _ = decoder.decode(bytes, line: Int(batch.fieldLines[k]), column: k - batch.recordStarts[r] + 1)
                    break
                }
            }
        }
    }

    /// Bytes plus a per-cell overhead for each column of the batch, to balance the workers.
    func columnBytes() -> [Int] {
        var totals = [Int](repeating: 0, count: columns.count)
        for r in 0..<batch.recordCount {
            let first = batch.recordStarts[r]
            for k in first..<batch.recordStarts[r + 1] {
                totals[k - first] += batch.fieldEnds[k] - (k == 0 ? 0 : batch.fieldEnds[k - 1]) + 24
            }
        }
        return totals
    }

    /// Greedy longest-processing-time split of columns into `count` groups of similar cost.
    static func split(columnBytes: [Int], into count: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        var load = [Int](repeating: 0, count: count)
        for c in columnBytes.indices.sorted(by: { (columnBytes[$0], $1) > (columnBytes[$1], $0) }) {
            let g = load.indices.min { load[$0] < load[$1] }!
            groups[g].append(c)
            load[g] += columnBytes[c]
        }
        return groups
    }

    mutating func finish(delimiter: UInt8, hadBOM: Bool) -> (CodedTable?, ErrorCollector) {
        flush()
        var errors = self.errors
        guard let header else {
            errors.add(SourceLocation(file: file, line: 1, column: 1), "the file is empty (expected a header row and data rows)")
            return (nil, errors)
        }
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
        var table = CodedTable(
            file: file, header: header, headerLine: headerLine, columns: columns.map(\.column), rowLines: rowLines,
            diagnostics: diagnostics, encoding: decoder.mode.name + (hadBOM ? " (BOM)" : ""),
            delimiter: delimiter == 9 ? "\\t" : String(UnicodeScalar(delimiter)))
        table.isIncomplete = !errors.isEmpty
        return (table, errors)
    }
}
