import Foundation
import Testing
import TestSupport

/// The report's layout measured in a real browser: Debian's headless `chromium` lays the pages out and
/// a measuring script (added to a copy of each page, never to the report) reports widths through the
/// dumped DOM. `make test` installs `chromium` (`make browserdeps`); where it cannot, the test is skipped
/// with a message.
@Suite(.serialized) struct ReportLayoutBrowserTests {
    static let chromium: String? = {
        let found = which("chromium") ?? which("chromium-browser")
        if found == nil {
            FileHandle.standardError.write(Data("skipped: chromium not found (apt-get install chromium); the report's layout is not measured in a browser\n".utf8))
        }
        return found
    }()

    /// Widths the page reports once laid out in a window `width` pixels wide: the document's scroll
    /// and client widths, and each `.scroll` box's.
    static func measure(_ page: String, width: Int, in dir: TemporaryDirectory) throws -> (document: (Int, Int), boxes: [(Int, Int)]) {
        let script = """
        <script>window.addEventListener('load',()=>{const e=document.documentElement;const out=[e.scrollWidth+'x'+e.clientWidth];\
        document.querySelectorAll('.scroll').forEach(d=>out.push(d.scrollWidth+'x'+d.clientWidth));\
        const p=document.createElement('pre');p.id='weakties-measure';p.textContent=out.join(' ');document.body.appendChild(p);});</script>
        """
        let html = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: script + "</body>")
        let copy = dir.path + "/measure-\(width)-" + URL(fileURLWithPath: page).lastPathComponent
        try html.write(toFile: copy, atomically: true, encoding: .utf8)
        let result = try runProcess(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(width),900",
                                                "--virtual-time-budget=3000", "--dump-dom", URL(fileURLWithPath: copy).absoluteString])
        let dom = result.stdout
        guard let start = dom.range(of: "<pre id=\"weakties-measure\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("chromium gave no measurement for \(page) (status \(result.status)): \(result.stderr.suffix(500))")
            return ((0, 0), [])
        }
        let pairs = dom[start.upperBound..<end.lowerBound].split(separator: " ").map { pair -> (Int, Int) in
            let parts = pair.split(separator: "x").compactMap { Int($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : (0, 0)
        }
        return (pairs.first ?? (0, 0), Array(pairs.dropFirst()))
    }

    /// At 1280 px the overview's table shows every column (no box scrolls, in German, whose headings
    /// are the longest, and in English), and the page does not scroll sideways; in a narrow window
    /// (500 px, headless Chromium's smallest) neither the overview nor an innovation page scrolls
    /// sideways: wide tables scroll inside themselves.
    @Test(.enabled(if: chromium != nil)) func overviewShowsEveryColumnAt1280AndNoPageScrollsSideways() throws {
        let dir = TemporaryDirectory()
        for language in ["de", "en"] {
            let out = dir.path + "/" + language
            try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--lang", language, "--output", out, "--quiet"]).status == 0)
            let wide = try Self.measure(out + "/index.html", width: 1280, in: dir)
            #expect(wide.document.0 <= wide.document.1 && wide.document.1 > 0, "\(language): the overview scrolls sideways at 1280 px: \(wide.document)")
            let table = try #require(wide.boxes.first, "\(language): no table box measured")
            #expect(table.0 <= table.1, "\(language): the overview's table hides columns at 1280 px (\(table.0) px in \(table.1) px)")
            for page in ["index.html", "repair-cafe-cracau.html"] {
                let narrow = try Self.measure(out + "/" + page, width: 500, in: dir)
                #expect(narrow.document.0 <= narrow.document.1 && narrow.document.1 > 0,
                        "\(language): \(page) scrolls sideways in a narrow window: \(narrow.document)")
            }
        }
    }
}
