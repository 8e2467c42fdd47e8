import Foundation
import WeakTiesStudy

/// Reads one sheet of an Excel workbook (`.xlsx`, Office Open XML) into a `CodedTable`, so a
/// spreadsheet is checked by the same contract as a CSV table.
///
/// The first sheet is read unless a sheet is named. Cells: shared strings (with rich-text runs
/// joined), inline strings, formula results as cached, booleans as `true`/`false`, numbers as Excel
/// stores them (`2014`, `3.5`), and numbers in a date format as ISO dates (`2019-03-01`, with a time
/// where there is one; the 1904 date system is honoured). The first non-empty row is the header;
/// wholly empty rows are skipped. Locations are spreadsheet rows and columns (`ties.xlsx:17:3` is
/// cell C17 of the sheet).
/// - Complexity: O(size of the sheet and shared strings).
public enum XLSXReader {
    /// The names of the workbook's sheets, in order.
    public static func sheetNames(path: String, file: String? = nil) throws -> [String] {
        let container = try ZIPContainer(path: path, file: file ?? path, kind: "an Excel workbook (.xlsx)")
        return try workbook(container).sheets.map(\.name)
    }

    /// Reads `sheet` (or the first sheet). - Throws: `InputOutputError`, or `ImportFailure` for a file
    /// that is no workbook, an unknown sheet or malformed XML.
    public static func read(path: String, file: String? = nil, sheet: String? = nil) throws -> CodedTable {
        let name = file ?? path
        let container = try ZIPContainer(path: path, file: name, kind: "an Excel workbook (.xlsx)")
        let (sheets, date1904) = try workbook(container)
        guard !sheets.isEmpty else { throw ImportFailure.at(name, 0, nil, "the workbook has no sheets") }
        let chosen: (name: String, part: String)
        if let sheet {
            guard let found = sheets.first(where: { $0.name == sheet }) ?? sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                throw ImportFailure.at(name, 0, nil, "no sheet '\(sheet)' (the workbook has: \(sheets.map(\.name).joined(separator: ", ")))")
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let shared = try container.data("xl/sharedStrings.xml").map { try sharedStrings($0, file: name + "/xl/sharedStrings.xml") } ?? []
        let dates = try container.data("xl/styles.xml").map { try dateStyles($0, file: name + "/xl/styles.xml") } ?? []
        guard let sheetData = try container.data(chosen.part) else {
            throw ImportFailure.at(name, 0, nil, "sheet '\(chosen.name)' is listed but its part \(chosen.part) is missing")
        }
        let handler = SheetHandler(shared: shared, dateStyles: dates, date1904: date1904)
        try XMLInput.parse(data: sheetData, file: name + "/" + chosen.part, handler: handler)
        return handler.table(file: sheets.count > 1 ? "\(name)[\(chosen.name)]" : name)
    }

    // MARK: Workbook

    /// The sheets (name and part path) and whether the workbook counts dates from 1904.
    private static func workbook(_ container: ZIPContainer) throws -> (sheets: [(name: String, part: String)], date1904: Bool) {
        guard let data = try container.data("xl/workbook.xml") else {
            throw ImportFailure.at(container.file, 0, nil, "no xl/workbook.xml: not an Excel workbook (.xlsx); .xls and .ods are not read, save as .xlsx or CSV")
        }
        let handler = CollectingHandler(elements: ["sheet", "workbookPr"])
        try XMLInput.parse(data: data, file: container.file + "/xl/workbook.xml", handler: handler)
        var targets: [String: String] = [:]
        if let rels = try container.data("xl/_rels/workbook.xml.rels") {
            let r = CollectingHandler(elements: ["Relationship"])
            try XMLInput.parse(data: rels, file: container.file + "/xl/_rels/workbook.xml.rels", handler: r)
            for (_, a) in r.found { if let id = a["Id"], let target = a["Target"] { targets[id] = target } }
        }
        let date1904 = handler.found.contains { $0.0 == "workbookPr" && ($0.1["date1904"] == "1" || $0.1["date1904"] == "true") }
        let sheets = handler.found.filter { $0.0 == "sheet" }.enumerated().map { (i, element) in
            let a = element.1
            let rid = a["id"] ?? a["r:id"] ?? ""
            var target = targets[rid] ?? "worksheets/sheet\(i + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            return (a["name"] ?? "Sheet\(i + 1)", target)
        }
        return (sheets, date1904)
    }

    private final class CollectingHandler: XMLHandler {
        let elements: Set<String>
        var found: [(String, XMLAttributes)] = []
        init(elements: Set<String>) { self.elements = elements }
        func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
            if elements.contains(name) { found.append((name, attributes)) }
            return nil
        }
        func endElement(_ name: String, at position: XMLPosition) -> String? { nil }
        func characters(_ text: String) {}
    }

    // MARK: Shared strings and styles

    private static func sharedStrings(_ data: Data, file: String) throws -> [String] {
        final class Handler: XMLHandler {
            var strings: [String] = []
            var current = ""
            var inText = false
            var inPhonetic = false
            func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
                switch name {
                case "si": current = ""
                case "t": inText = !inPhonetic
                case "rPh": inPhonetic = true
                default: break
                }
                return nil
            }
            func endElement(_ name: String, at position: XMLPosition) -> String? {
                switch name {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
                return nil
            }
            func characters(_ text: String) { if inText { current += text } }
        }
        let handler = Handler()
        try XMLInput.parse(data: data, file: file, handler: handler)
        return handler.strings
    }

    /// Per cell style (`s` attribute), whether its number format shows a date.
    private static func dateStyles(_ data: Data, file: String) throws -> [Bool] {
        final class Handler: XMLHandler {
            var customDate: Set<Int> = []
            var inCellXfs = false
            var styles: [Bool] = []
            func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
                switch name {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], XLSXReader.isDateFormat(code) {
                        customDate.insert(id)
                    }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs:
                    let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                    styles.append((14...22).contains(id) || (45...47).contains(id) || customDate.contains(id))
                default: break
                }
                return nil
            }
            func endElement(_ name: String, at position: XMLPosition) -> String? {
                if name == "cellXfs" { inCellXfs = false }
                return nil
            }
            func characters(_ text: String) {}
        }
        let handler = Handler()
        try XMLInput.parse(data: data, file: file, handler: handler)
        return handler.styles
    }

    /// Whether a custom number format shows a date or time: `d`, `m`, `y`, `h` or `s` outside quoted
    /// text, brackets (colours, conditions, locales), and characters escaped by `\`, `_` or `*`.
    /// `General` (which LibreOffice writes as a custom format) and scientific `0.00E+00` are numbers.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, skipNext = false
        let lower = code.lowercased()
        if lower == "general" || lower == "@" { return false }
        for c in lower {
            if skipNext { skipNext = false; continue }
            switch c {
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "\\", "_", "*": if !inQuote { skipNext = true }
            case "d", "m", "y", "h", "s": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    /// An Excel serial date as ISO 8601 (`2019-03-01`, or `2019-03-01T12:30:00` with a time).
    static func isoDate(serial: Double, date1904: Bool) -> String {
        // Day 0 is 1899-12-30 in the 1900 system (which counts the non-existent 1900-02-29).
        let epochDays = date1904 ? 24_107 : 25_569  // days from the epoch base to 1970-01-01
        let seconds = ((serial - Double(epochDays)) * 86_400).rounded()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: seconds)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        if c.hour == 0 && c.minute == 0 && c.second == 0 { return day }
        return day + String(format: "T%02d:%02d:%02d", c.hour!, c.minute!, c.second!)
    }

    // MARK: Sheet

    private final class SheetHandler: XMLHandler {
        let shared: [String]
        let dateStyles: [Bool]
        let date1904: Bool
        var rows: [(line: Int, cells: [(Int, String)])] = []
        var row: [(Int, String)] = []
        var rowNumber = 0
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inValue = false

        init(shared: [String], dateStyles: [Bool], date1904: Bool) {
            self.shared = shared
            self.dateStyles = dateStyles
            self.date1904 = date1904
        }

        func startElement(_ name: String, attributes: XMLAttributes, at position: XMLPosition) -> String? {
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                row = []
                column = 0
            case "c":
                if let reference = attributes["r"] {
                    guard let index = XLSXReader.columnIndex(reference) else {
                        return "cell reference '\(reference.prefix(40))' is not a cell from A to XFD (Excel's last column)"
                    }
                    column = index
                } else {
                    column += 1
                }
                guard column <= XLSXReader.maximumColumn else {
                    return "row \(rowNumber) has a cell beyond column XFD (Excel's last column)"
                }
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
            case "v", "t":
                inValue = true
            default: break
            }
            return nil
        }

        func endElement(_ name: String, at position: XMLPosition) -> String? {
            switch name {
            case "v", "t": inValue = false
            case "c":
                var text = value
                switch type {
                case "s":
                    guard let i = Int(value), shared.indices.contains(i) else {
                        return "cell \(XLSXReader.columnName(column))\(rowNumber) refers to shared string \(value), which does not exist"
                    }
                    text = shared[i]
                case "b": text = value == "1" ? "true" : "false"
                case "n":
                    // Only a finite serial within Excel's dates (up to 9999-12-31) is a date; `nan` stays text.
                    if style >= 0, style < dateStyles.count, dateStyles[style], let serial = Double(value),
                       serial.isFinite, (0...2_958_465).contains(serial) {
                        text = XLSXReader.isoDate(serial: serial, date1904: date1904)
                    }
                default: break  // str, inlineStr, e: the text as stored
                }
                if !text.isEmpty { row.append((column, text)) }
            case "row":
                if !row.isEmpty { rows.append((rowNumber, row)) }
            default: break
            }
            return nil
        }

        func characters(_ text: String) { if inValue { value += text } }

        func table(file: String) -> CodedTable {
            guard let headerRow = rows.first else {
                var empty = CodedTable(file: file, header: [], columns: [], rowLines: [])
                empty.encoding = "xlsx"
                return empty
            }
            let width = max(headerRow.cells.map(\.0).max() ?? 0, rows.map { $0.cells.map(\.0).max() ?? 0 }.max() ?? 0)
            var header = [String](repeating: "", count: width)
            for (c, text) in headerRow.cells { header[c - 1] = text }
            var columns = TextAttributeColumns()
            for name in header.indices { columns.set(String(name), nil) }
            var lines: [Int32] = []
            for r in rows.dropFirst() {
                columns.startRow()
                lines.append(Int32(clamping: r.line))
                for (c, text) in r.cells { columns.set(String(c - 1), text) }
            }
            var table = NetworkTables.codedTable(file: file, columns, lines: lines, format: "")
            table.header = header
            table.headerLine = headerRow.line
            table.mayBeEmpty = false
            table.encoding = "xlsx"
            return table
        }
    }

    /// Excel's last column, XFD.
    static let maximumColumn = 16_384

    /// `C17` → 3 (1-based); `nil` without letters or beyond XFD (checked per letter, so a reference of
    /// any length cannot overflow).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            if index > maximumColumn { return nil }
        }
        return index > 0 ? index : nil
    }

    /// 3 → `C`.
    static func columnName(_ index: Int) -> String {
        var n = index, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
