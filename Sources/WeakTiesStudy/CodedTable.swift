// WeakTiesStudy: the research domain and the data contract (actors, mentions, ties with provenance,
// vocabulary, aggregation). Not here: files and formats (IO), metrics (Metrics, Analysis).
/// A column of text cells stored dictionary-encoded: each distinct value once, one code per row.
///
/// Interview ids, coders, strengths and even quotes repeat across mentions, so a table of a million
/// mentions needs memory for its distinct values plus four bytes per cell.
public struct TextColumn: Sendable, Equatable {
    /// Distinct values in order of first appearance; code `i` means `values[i]`.
    public var values: [String]
    /// One code per row.
    public var codes: [Int32]

    /// A column of `values` (distinct) and one code per row indexing them; empty by default.
    public init(values: [String] = [], codes: [Int32] = []) {
        self.values = values
        self.codes = codes
    }

    /// The text of row `row`.
    @inlinable public subscript(row: Int) -> String { values[Int(codes[row])] }
}

/// A table of text cells read from one input file, with the location of every cell.
///
/// Every importer (CSV today; spreadsheets and QDA exports through the same type) produces a
/// `CodedTable`, so the data contract is checked in one place (`StudyAssembler`).
public struct CodedTable: Sendable {
    /// The file name shown in messages.
    public var file: String
    /// Header cells as written.
    public var header: [String]
    /// The physical line of the header (1 unless blank lines precede it).
    public var headerLine: Int
    /// One column per header cell.
    public var columns: [TextColumn]
    /// The physical line on which each row starts.
    public var rowLines: [Int32]
    /// Notices and warnings raised while reading (encoding, skipped lines).
    public var diagnostics: [Diagnostic]
    /// How the file was read, for the record (`utf-8`, `windows-1252`, …).
    public var encoding: String
    /// The delimiter used, as text (`,`, `;`, `\t`).
    public var delimiter: String
    /// Whether rows were rejected or reading stopped early (errors were reported for them), so an
    /// empty table is not also "a header without data rows".
    public var isIncomplete = false
    /// Whether a table without data rows is valid (a network file with no edges, or no nodes): the
    /// contract's "header without data rows" applies to tables people type, not to network files.
    public var mayBeEmpty = false

    /// A table of `columns` (one per header cell, each with one code per row) whose rows start on
    /// `rowLines`; `isIncomplete` and `mayBeEmpty` start false.
    public init(
        file: String, header: [String], headerLine: Int = 1, columns: [TextColumn], rowLines: [Int32],
        diagnostics: [Diagnostic] = [], encoding: String = "utf-8",
        delimiter: String = ","
    ) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.columns = columns
        self.rowLines = rowLines
        self.diagnostics = diagnostics
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// Number of data rows.
    public var rowCount: Int { rowLines.count }

    /// The location of the cell in `row` (0-based) and `column` (0-based).
    ///
    /// Fields hold their text verbatim, so the line of a field after quoted line breaks is derived
    /// from the line breaks in the fields before it (CRLF counts once) rather than stored per cell.
    public func location(row: Int, column: Int) -> SourceLocation {
        var line = Int(rowLines[row])
        for c in 0..<column { line += lineBreaks(in: columns[c][row]) }
        return SourceLocation(file: file, line: line, column: column + 1)
    }

    private func lineBreaks(in text: String) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 13 || (byte == 10 && previous != 13) { count += 1 }
            previous = byte
        }
        return count
    }

    /// The location of the header cell `column` (0-based).
    public func headerLocation(column: Int) -> SourceLocation {
        SourceLocation(file: file, line: headerLine, column: column + 1)
    }
}
