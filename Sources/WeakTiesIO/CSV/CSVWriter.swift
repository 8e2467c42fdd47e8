/// Writes RFC 4180 CSV for spreadsheets: fields quoted where needed, and text cells that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, TAB or CR) neutralised with a leading `'`.
public struct CSVWriter: Sendable {
    /// One field of a row, by what it holds (which decides whether it is neutralised).
    public enum Cell: Sendable, Equatable {
        /// Text from the data: neutralised if it could start a formula.
        case text(String)
        /// A number we formatted: written as is (a negative number is not a formula).
        case number(String)
        /// No value (NaN, missing).
        case empty
    }

    /// The field separator: `,` by default, `;` for German Excel.
    public let delimiter: Character
    /// The CSV written so far, every row ended by LF (no byte-order mark).
    private(set) public var output = ""

    /// An empty CSV with fields separated by `delimiter`.
    public init(delimiter: Character = ",") { self.delimiter = delimiter }

    /// Appends one row, ended by LF.
    public mutating func row(_ cells: [Cell]) {
        output += cells.map(format).joined(separator: String(delimiter))
        output += "\n"
    }

    /// Appends a header row (text cells).
    public mutating func header(_ names: [String]) { row(names.map { .text($0) }) }

    private func format(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let s): return quoteIfNeeded(s)
        case .text(let s): return quoteIfNeeded(CSVWriter.neutralised(s))
        }
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `'` before text starting with a formula trigger.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, formulaTriggers.contains(first) else { return s }
        return "'" + s
    }

    /// The text `neutralised` was given: a cell WeakTies wrote (`'=…`) read back as it was.
    public static func unneutralised(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.first == "'", let next = scalars.dropFirst().first, formulaTriggers.contains(next) else { return s }
        return String(s.dropFirst())
    }

    /// Quotes a field holding the delimiter, a quote or a line break, doubling its quotes. One pass
    /// over the UTF-8 bytes when the delimiter is ASCII (four `contains` scans and Foundation's
    /// `replacingOccurrences` were a sixth of `weakties match` writing 12,500 rows with long texts).
    private func quoteIfNeeded(_ s: String) -> String {
        guard let d = delimiter.asciiValue else {
            let needs = s.contains(delimiter) || s.contains("\"") || s.contains("\n") || s.contains("\r")
            return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var quotes = 0, needs = false
        for b in s.utf8 {
            if b == UInt8(ascii: "\"") { quotes += 1; needs = true }
            else if b == d || b == 10 || b == 13 { needs = true }
        }
        guard needs else { return s }
        guard quotes > 0 else { return "\"" + s + "\"" }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + quotes + 2)
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}

/// Deterministic number formatting shared by every writer: integers without a fraction, other values
/// in Swift's shortest round-trip form, NaN as missing.
public enum NumberFormat {
    /// A CSV cell: empty for NaN, `inf`/`-inf` for infinities, else `text(value)`.
    public static func cell(_ value: Double) -> CSVWriter.Cell {
        if value.isNaN { return .empty }
        if value.isInfinite { return .number(value > 0 ? "inf" : "-inf") }
        return .number(text(value))
    }

    /// An integral value below 10^15 in magnitude without a fraction (`3`), any other in Swift's
    /// shortest round-trip form (`0.25`, `1e+20`; `nan`, `inf` for non-finite values).
    public static func text(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }

    /// A JSON number: `null` for NaN, the strings `"inf"`/`"-inf"` for infinities, integral values
    /// below 10^15 in magnitude as integers, others as doubles.
    public static func json(_ value: Double) -> JSONValue {
        if value.isNaN { return .null }
        if value.isInfinite { return .string(value > 0 ? "inf" : "-inf") }
        if value == value.rounded() && abs(value) < 1e15 { return .int(Int(value)) }
        return .double(value)
    }
}

import Foundation
