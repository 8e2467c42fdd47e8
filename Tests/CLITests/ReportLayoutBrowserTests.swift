import Foundation
import Testing
import TestSupport

/// The report in a real browser: Debian's headless `chromium` lays the pages out and runs their
/// scripts, a measuring script (added to a copy of each page, never to the report) reports through the
/// dumped DOM, and every page load must leave the console empty (no script error). `make test` installs `chromium` (`make browserdeps`); where it cannot, the test is skipped
/// with a message.
@Suite(.serialized) struct ReportLayoutBrowserTests {
    static let chromium: String? = TestSupport.chromium(skipping: "the report's layout is not measured in a browser")

    /// What `body` (JavaScript run once the page has loaded, ending in a string `out`) reports for
    /// `page` opened at `fragment` in a window `width` pixels wide.
    static func run(_ page: String, fragment: String = "", width: Int = 1280, _ body: String, in dir: TemporaryDirectory) throws -> String {
        // `out` may be a promise (for what happens after an event): the measurement waits for it.
        let script = "<script>window.addEventListener('load',()=>{" + body
            + ";Promise.resolve(out).then(v=>{const p=document.createElement('pre');p.id='weakties-measure';p.textContent=v;document.body.appendChild(p);});});</script>"
        let html = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: script + "</body>")
        let copy = URL(fileURLWithPath: page).deletingLastPathComponent().appendingPathComponent("measure-\(width)-" + URL(fileURLWithPath: page).lastPathComponent).path
        try html.write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let result = try runProcess(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(width),900",
                                                "--enable-logging=stderr", "--v=0",
                                                "--virtual-time-budget=3000", "--dump-dom", URL(fileURLWithPath: copy).absoluteString + fragment])
        // Our pages write nothing to the console: any line there is an error or a warning of theirs.
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(URL(fileURLWithPath: page).lastPathComponent)\(fragment): console messages: \(console.joined(separator: "; ").prefix(600))")
        let dom = result.stdout
        guard let start = dom.range(of: "<pre id=\"weakties-measure\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("chromium gave no measurement for \(page) (status \(result.status)): \(result.stderr.suffix(500))")
            return ""
        }
        return String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// Widths the page reports once laid out in a window `width` pixels wide: the document's scroll
    /// and client widths, and each `.scroll` box's.
    static func measure(_ page: String, width: Int, in dir: TemporaryDirectory) throws -> (document: (Int, Int), boxes: [(Int, Int)]) {
        let text = try run(page, width: width, """
            const e=document.documentElement;const parts=[e.scrollWidth+'x'+e.clientWidth];\
            document.querySelectorAll('.scroll').forEach(d=>parts.push(d.scrollWidth+'x'+d.clientWidth));const out=parts.join(' ')
            """, in: dir)
        let pairs = text.split(separator: " ").map { pair -> (Int, Int) in
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

    /// The overview's filters, driven through the address as a shared link would be: the rows shown
    /// are those the report's JSON says match (name ignoring case, accents and punctuation; region;
    /// status; a partner type reached; a weak-tie share range), the count says so, and the state
    /// stays in the address.
    @Test(.enabled(if: chromium != nil)) func overviewFiltersFollowTheAddress() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/html", json = dir.path + "/json"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", out, "--quiet"]).status == 0)
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", json, "--quiet"]).status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json + "/report.json"))) as? [String: Any])
        let innovations = try #require(report["innovations"] as? [[String: Any]])
        func label(_ i: [String: Any]) -> String { i["label"] as? String ?? "" }
        func types(_ i: [String: Any]) -> [String] { (i["partners_by_type"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String } }
        func weak(_ i: [String: Any]) -> Double { i["weak_tie_share"] as? Double ?? .nan }
        // Name search as a reader means it: case, accents and punctuation ignored, label or id.
        func fold(_ s: String) -> String {
            s.lowercased().replacingOccurrences(of: "ß", with: "ss").folding(options: .diacriticInsensitive, locale: nil)
                .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: " ")
        }
        func named(_ q: String) -> [String] {
            innovations.filter { fold(label($0) + " " + ($0["id"] as? String ?? "")).contains(fold(q)) }.map(label)
        }
        let cases: [(fragment: String, expected: [String])] = [
            ("#q=repair%20cafe", named("repair cafe")),
            ("#q=GARTEN", named("GARTEN")),
            ("#region=Krefeld&status=new", innovations.filter { $0["region"] as? String == "Krefeld" && $0["established"] as? Bool == false }.map(label)),
            ("#type=media&min=70", innovations.filter { types($0).contains("media") && weak($0) >= 0.7 - 1e-9 }.map(label)),
            ("#min=60&max=70", innovations.filter { weak($0) >= 0.6 - 1e-9 && weak($0) <= 0.7 + 1e-9 }.map(label)),
        ]
        #expect(named("repair cafe") == ["Repair-Café Cracau"])
        for (fragment, expected) in cases {
            #expect(!expected.isEmpty && expected.count < innovations.count, "\(fragment): the case must filter")
            let text = try Self.run(out + "/index.html", fragment: fragment, """
                const rows=[...document.querySelectorAll('table.sortable tbody tr')].filter(r=>!r.hidden).map(r=>r.cells[0].textContent.trim());\
                const out=JSON.stringify({rows:rows,count:document.getElementById('filter-count').textContent,hash:location.hash,\
                form:!document.getElementById('filters').hidden})
                """, in: dir)
            let result = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(fragment): \(text)")
            #expect(Set(result["rows"] as? [String] ?? []) == Set(expected), "\(fragment)")
            #expect(result["count"] as? String == "\(expected.count) of \(innovations.count) innovations shown", "\(fragment)")
            #expect(result["form"] as? Bool == true)
            let hash = (result["hash"] as? String ?? "").replacingOccurrences(of: "+", with: "%20")
            #expect(Set(hash.dropFirst().split(separator: "&")) == Set(fragment.dropFirst().split(separator: "&")), "\(fragment): the address became \(hash)")
        }
    }

    /// The maps in the browser: the strong/weak choice hides the other ties (CSS only, so it works
    /// without scripts too), the map of every actor zooms by its buttons and keys and returns to the
    /// whole map, and a group of innovations on the group map filters the overview to its region.
    @Test(.enabled(if: chromium != nil)) func mapsShowStrongOrWeakTiesZoomAndLeadToFilteredViews() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/html"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--group-map-above", "50", "--output", out, "--quiet"]).status == 0)
        let toggle = """
            const shown=c=>[...document.querySelectorAll('figure.map g.edge.'+c)].filter(e=>getComputedStyle(e).display!=='none').length;\
            const counts=[];for(const v of ['all','strong','weak']){document.querySelector('input[name=ties-shown][value='+v+']').click();\
            counts.push(v+':'+shown('strong')+'/'+shown('weak'));}const out=counts.join(' ')
            """
        for page in ["map.html", "repair-cafe-cracau.html"] {
            let text = try Self.run(out + "/" + page, toggle, in: dir)
            let counts = Dictionary(uniqueKeysWithValues: text.split(separator: " ").map { part -> (String, [Int]) in
                let kv = part.split(separator: ":")
                return (String(kv[0]), kv[1].split(separator: "/").compactMap { Int($0) })
            })
            let all = try #require(counts["all"], "\(page): \(text)")
            #expect(all.count == 2 && all[0] > 0 && all[1] > 0, "\(page): \(text)")
            #expect(counts["strong"] == [all[0], 0] && counts["weak"] == [0, all[1]], "\(page): \(text)")
        }
        // Zoom: + narrows the view by 1.25, − widens it back, 0 shows the whole map again.
        let zoom = try Self.run(out + "/map.html", """
            const svg=document.querySelector('.map-viewport svg'),vb=()=>svg.viewBox.baseVal.width.toFixed(3);\
            const w0=vb();document.querySelector('[data-zoom=in]').click();const w1=vb();document.querySelector('[data-zoom=in]').click();\
            const w2=vb();document.querySelector('.map-viewport').dispatchEvent(new KeyboardEvent('keydown',{key:'0',bubbles:true}));const w3=vb();\
            const out=[w0,w1,w2,w3,document.querySelector('.map-zoom').hidden].join(' ')
            """, in: dir)
        let widths = zoom.split(separator: " ").compactMap { Double($0) }
        try #require(widths.count == 4, "\(zoom)")
        #expect(abs(widths[1] - widths[0] / 1.25) < 0.01 && abs(widths[2] - widths[0] / 1.5625) < 0.01 && widths[3] == widths[0], "\(zoom)")
        #expect(zoom.hasSuffix("false"), "the zoom buttons stay hidden: \(zoom)")
        // A group of innovations leads to the overview filtered to its region, on the same page.
        let filtered = try Self.run(out + "/index.html", """
            const link=[...document.querySelectorAll('figure.map.groups a')].map(a=>a.getAttribute('xlink:href')||a.getAttribute('href'))\
            .find(h=>h&&h.startsWith('index.html#region='));location.hash=link.slice('index.html'.length);\
            const out=new Promise(r=>setTimeout(()=>r(JSON.stringify({region:decodeURIComponent(link.split('=')[1]),\
            rows:[...document.querySelectorAll('table.sortable tbody tr')].filter(t=>!t.hidden).map(t=>t.getAttribute('data-region'))})),100))
            """, in: dir)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(filtered.utf8)) as? [String: Any], "\(filtered)")
        let rows = result["rows"] as? [String] ?? []
        #expect(!rows.isEmpty && rows.count < 14 && rows.allSatisfy { $0 == result["region"] as? String }, "\(filtered)")
    }

    /// Sorting the overview by a column orders the innovations by that number as the report's JSON
    /// gives it (up to the two decimals shown: values shown alike may come in either order), undefined values last, in English and in German
    /// (decimal comma, − for minus), from the numbers the cells show.
    @Test(.enabled(if: chromium != nil)) func overviewSortsByTheNumbersShown() throws {
        let dir = TemporaryDirectory()
        let json = dir.path + "/json"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", json, "--quiet"]).status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json + "/report.json"))) as? [String: Any])
        let innovations = try #require(report["innovations"] as? [[String: Any]])
        func number(_ any: Any?) -> Double { (any as? Double) ?? (any as? Int).map(Double.init) ?? .nan }
        let columns: [(index: Int, value: ([String: Any]) -> Double)] = [
            (3, { number($0["tie_count"]) }), (4, { number($0["weak_tie_share"]) }),
            (5, { number(($0["openness"] as? [String: Any])?["ei_region"]) }),
            (8, { number(($0["openness"] as? [String: Any])?["constraint"]) }),
            (9, { number(($0["openness"] as? [String: Any])?["effective_size"]) }),
        ]
        let byLabel = Dictionary(uniqueKeysWithValues: innovations.map { ($0["label"] as? String ?? "", $0) })
        for language in ["en", "de"] {
            let out = dir.path + "/" + language
            try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--lang", language, "--output", out, "--quiet"]).status == 0)
            for (index, value) in columns {
                let text = try Self.run(out + "/index.html", """
                    document.querySelectorAll('table.sortable thead th')[\(index)].click();\
                    const out=JSON.stringify([...document.querySelectorAll('table.sortable tbody tr')].map(r=>r.cells[0].textContent.trim()))
                    """, in: dir)
                let labels = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String], "\(language) column \(index): \(text)")
                #expect(Set(labels) == Set(byLabel.keys), "\(language) column \(index)")
                let values = labels.map { byLabel[$0].map(value) ?? .nan }
                let defined = values.prefix { !$0.isNaN }
                #expect(values.dropFirst(defined.count).allSatisfy { $0.isNaN }, "\(language) column \(index): undefined values not last: \(values)")
                #expect(zip(defined, defined.dropFirst()).allSatisfy { $1 >= $0 - 0.01 - 1e-9 }, "\(language) column \(index): not ascending: \(values)")
                #expect(Set(defined).count > 2, "\(language) column \(index): the case must sort")
            }
        }
    }
}
