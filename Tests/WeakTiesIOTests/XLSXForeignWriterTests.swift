import Foundation
import Testing
import TestSupport
@_spi(Benchmark) @testable import WeakTiesIO
import WeakTiesStudy

/// Workbooks written by Microsoft Excel (Windows and Mac), Google Sheets and Apple Numbers, from public test suites
/// (Fixtures/xlsx/foreign; SOURCE.md says where each came from, how its writer was identified, and
/// the licences): every sheet as our reader reads it equals what openpyxl reads — cached formula
/// values, dates, booleans, numbers, shared and inline strings, special characters.
@Suite struct XLSXForeignWriterTests {
    static let files = ["issues", "temperature-table", "deaths", "iris-google-doc", "sheet-xml-lookup", "googleDocsTest", "minimal_112"]

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "xlsx", subdirectory: "Fixtures/xlsx/foreign")!.path
    }

    static let python: String? = {
        guard let path = which("python3"), (try? runProcess(path, ["-c", "import openpyxl"]).status) == 0 else {
            FileHandle.standardError.write(Data("skipped: python3 with openpyxl not found (make pydeps); Excel and Google Sheets workbooks are not compared with openpyxl\n".utf8))
            return nil
        }
        return path
    }()

    /// Each sheet as openpyxl reads it (cached values): non-empty rows, cells as text the way our
    /// reader writes them (whole numbers without a decimal point, dates ISO 8601, booleans true/false).
    static let script = """
        import sys, json, datetime, openpyxl
        def text(v):
            if v is None: return ""
            if isinstance(v, bool): return "true" if v else "false"
            if isinstance(v, int): return str(v)
            if isinstance(v, float): return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
            if isinstance(v, datetime.datetime):
                return v.date().isoformat() if v.time() == datetime.time(0) else v.isoformat(timespec="seconds")
            if isinstance(v, datetime.date): return v.isoformat()
            return str(v)
        book = openpyxl.load_workbook(sys.argv[1], data_only=True)
        out = {}
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows(values_only=True):
                cells = [text(v) for v in row]
                while cells and cells[-1] == "": cells.pop()
                if cells: rows.append(cells)
            out[sheet.title] = rows
        print(json.dumps(out, ensure_ascii=False))
        """

    /// Our reading of a sheet as rows of text (header first), trailing empty cells left out.
    static func rows(_ table: CodedTable) -> [[String]] {
        var rows = [table.header]
        for r in table.rowLines.indices { rows.append(table.columns.map { $0[r] }) }
        return rows.map { row in Array(row.reversed().drop { $0.isEmpty }.reversed()) }
    }

    /// Equal cells: the same text, or the same number (Excel stores `0.1` as written; openpyxl gives a
    /// float).
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = Double(a), let y = Double(b) else { return false }
        return abs(x - y) <= 1e-12 * max(1, abs(x))
    }

    @Test(arguments: files)
    func everySheetEqualsOpenpyxl(name: String) throws {
        let path = Self.fixture(name)
        let sheets = try XLSXReader.sheetNames(path: path)
        #expect(!sheets.isEmpty)
        var ours: [String: [[String]]] = [:]
        for sheet in sheets { ours[sheet] = Self.rows(try XLSXReader.read(path: path, sheet: sheet)) }
        guard let python = Self.python else { return }
        let run = try runProcess(python, ["-c", Self.script, path])
        try #require(run.status == 0, "\(run.stderr)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [[String]]])
        #expect(Set(theirs.keys) == Set(sheets))
        for sheet in sheets {
            let a = ours[sheet] ?? [], b = theirs[sheet] ?? []
            #expect(a.count == b.count, "\(name)[\(sheet)]: \(a.count) rows, openpyxl \(b.count)")
            for (r, (x, y)) in zip(a, b).enumerated() where x.count != y.count || zip(x, y).contains(where: { !Self.same($0, $1) }) {
                Issue.record("\(name)[\(sheet)] row \(r + 1): ours \(x), openpyxl \(y)")
                break
            }
        }
    }
}
