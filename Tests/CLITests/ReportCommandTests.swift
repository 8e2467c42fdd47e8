import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ReportCommandTests {
    @Test func htmlReportOfTheExampleIsCompleteDeterministicAndRecorded() throws {
        let dir = TemporaryDirectory()
        let first = dir.path + "/a", second = dir.path + "/b"
        for path in [first, second, first] {  // the third run writes into an existing report
            let result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == URL(fileURLWithPath: path).appendingPathComponent("index.html").path + "\n")
            #expect(result.stderr.isEmpty)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(names.count == 14 + 3)  // 14 innovations, index.html, partners.html, run.json
        #expect(names.contains("repair-cafe-cracau.html") && names.contains("run.json"))
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
            #expect(a == b, "\(name) differs between runs")
        }
        let page = try String(contentsOfFile: first + "/repair-cafe-cracau.html", encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Weak-tie share") && page.contains("KR-01"))
        #expect(!page.contains("http://") || !page.contains("<script src"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first + "/run.json"))) as! [String: Any]
        let inputs = manifest["inputs"] as! [[String: Any]]
        let tiesBytes = try Data(contentsOf: URL(fileURLWithPath: exampleTies))
        #expect(inputs[0]["sha256"] as? String == SHA256Hex.of(tiesBytes))
        #expect((manifest["outputs"] as! [[String: Any]]).count == 16)
    }

    /// The example study's report.json, pinned: every number the pages show comes from it, so a change
    /// to any of them must be deliberate (`UPDATE_GOLDEN=1 swift test --filter exampleReportJSON`). It was
    /// byte-identical before and after the report's scale work of 2026-12-04 (also on the regional model).
    @Test func exampleReportJSONMatchesTheGoldenFile() throws {
        let dir = TemporaryDirectory()
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", dir.path + "/j", "--quiet"]).status == 0)
        try expectGolden(try String(contentsOfFile: dir.path + "/j/report.json", encoding: .utf8), "report-krefeld-mg.json")
    }

    /// `--only weak`: the report of the weak-tie network (every actor kept), its numbers those of
    /// `metrics --only weak`, and its pages say so; without it, no such note.
    @Test func onlyWeakTiesReportsTheWeakTieNetwork() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/weak"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--only", "weak", "--format", "json", "--output", out, "--quiet"]).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))) as? [String: Any])
        let study = try #require(json["study"] as? [String: Any])
        #expect(study["ties"] as? Int == 115 && study["strong_ties"] as? Int == 0 && study["actors"] as? Int == 123)
        #expect(study["ties_only"] as? String == "weak")
        let html = dir.path + "/html"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--only", "weak", "--output", html, "--quiet"]).status == 0)
        #expect(try String(contentsOfFile: html + "/index.html", encoding: .utf8).contains("Only the weak ties are analysed here"))
        // The same network as metrics --only weak: each innovation's degree.
        let metrics = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--only", "weak", "--metrics", "degree", "--quiet"])
        try #require(metrics.status == 0)
        let rows = try CSVRows.parse(metrics.stdout)
        let degree = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[3]) })
        let innovations = try #require(json["innovations"] as? [[String: Any]])
        #expect(innovations.count == 14)
        for innovation in innovations {
            let id = try #require(innovation["id"] as? String)
            #expect((innovation["tie_count"] as? Int).map(String.init) == degree[id], "\(id)")
        }
        let all = dir.path + "/all"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", all, "--quiet"]).status == 0)
        #expect(!(try String(contentsOfFile: all + "/report.json", encoding: .utf8)).contains("ties_only"))
    }

    /// The partner index gives each partner's role as a broker — its normalised betweenness, the very
    /// value of the metrics table with one thread, as the report computes it — and how many interview passages speak of its ties to the report's
    /// innovations (counted again here from report.json's evidence); its table sorts like the overview's.
    @Test func partnerIndexShowsBrokersAndQuotesFromTheSameNumbers() throws {
        let dir = TemporaryDirectory()
        let html = dir.path + "/html", json = dir.path + "/json"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", html, "--quiet"]).status == 0)
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", json, "--quiet"]).status == 0)
        let metrics = try weakties(["metrics", exampleTies, "--nodes", exampleNodes, "--metrics", "betweenness_normalized", "--threads", "1", "--quiet"])
        try #require(metrics.status == 0)
        let rows = try CSVRows.parse(metrics.stdout)
        let betweenness = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], Double($0[3]) ?? .nan) })
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json + "/report.json"))) as? [String: Any])
        var quotes: [String: Int] = [:]
        for innovation in report["innovations"] as? [[String: Any]] ?? [] {
            for tie in innovation["ties"] as? [[String: Any]] ?? [] {
                guard let partner = tie["partner"] as? [String: Any], partner["kind"] as? String != "innovation",
                      let label = partner["label"] as? String else { continue }
                let mentions = tie["mentions"] as? [[String: Any]] ?? []
                quotes[label, default: 0] += mentions.count { !(($0["quote"] as? String) ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            }
        }
        let page = try String(contentsOfFile: html + "/partners.html", encoding: .utf8)
        #expect(page.contains("<table class=\"partners sortable\">") && page.contains("<th class=\"num\">Broker</th>"))
        let row = try NSRegularExpression(pattern: "<tr id=\"p-[^\"]*\"><td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td><td class=\"num\">[0-9]+</td><td class=\"num\" data-sort=\"([^\"]*)\">([^<]*)</td><td class=\"num\">([0-9]+)</td>")
        var checked = 0
        for match in row.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            func group(_ k: Int) -> String { String(page[Range(match.range(at: k), in: page)!]) }
            let label = group(1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
            let expected = try #require(betweenness[label], "\(label): not in the metrics table")
            #expect(Double(group(2)) == expected, "\(label): broker \(group(2)) against the metrics table's \(expected)")
            #expect(group(3) == String(format: "%.3f", expected), "\(label): shown as \(group(3))")
            #expect(Int(group(4)) == quotes[label] ?? 0, "\(label): \(group(4)) quotes, report.json has \(quotes[label] ?? 0)")
            checked += 1
        }
        #expect(checked > 90 && quotes.values.contains { $0 > 1 })
    }

    /// The maps of an HTML report lead on: an innovation's node opens its page, a tie opens its card
    /// (quotes, coders, interview) on an innovation's page — on an ego map the ego's own page — and
    /// every link resolves to a file of the report and, with a fragment, to an element of that page.
    /// An innovation without a page in the report (not selected) has no link; Markdown maps none.
    @Test func mapsLinkInnovationsToTheirPagesAndTiesToTheirEvidence() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/html"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", out, "--quiet"]).status == 0)
        func links(_ page: String) -> [String] {
            let pattern = try! NSRegularExpression(pattern: "xlink:href=\"([^\"]*)\"")
            return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map {
                String(page[Range($0.range(at: 1), in: page)!])
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }.sorted()
        var pages: [String: String] = [:]
        for name in names { pages[name] = try String(contentsOfFile: out + "/" + name, encoding: .utf8) }
        var tieLinks = 0
        for name in names {
            let found = links(pages[name]!)
            #expect(!found.isEmpty || name == "partners.html", "\(name): no link on its map")
            for link in found {
                let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
                let target = try #require(pages[parts[0]], "\(name) links to \(link), which the report has not")
                if parts.count == 2 && parts[1].hasPrefix("p-") {
                    #expect(parts[0] == "partners.html" && target.contains("<tr id=\"\(parts[1])\">"), "\(name): \(link) names no partner")
                } else if parts.count == 2 {
                    tieLinks += 1
                    #expect(target.contains("<article class=\"tie\" id=\"\(parts[1])\">"), "\(name): \(link) names no tie card")
                }
            }
        }
        #expect(tieLinks > 100)
        // Links inside a page (the disagreement list to the tie cards) and tie cards' partners that
        // are reported innovations (to their pages) resolve too.
        var inPage = 0
        for name in names {
            let page = pages[name]!
            let pattern = try NSRegularExpression(pattern: "<a href=\"([^\"]*)\">")
            for match in pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
                let link = String(page[Range(match.range(at: 1), in: page)!])
                guard !link.contains("://"), !link.hasPrefix("mailto:") else { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts[0].isEmpty || parts[0].hasSuffix(".html") else { continue }  // glossary docs
                let target = try #require(parts[0].isEmpty ? page : pages[parts[0]], "\(name) links to \(link), which the report has not")
                if parts.count == 2, parts[1].hasPrefix("region=") {
                    // A filtered view of the overview (the breadcrumb): a region its filter offers.
                    let region = String(parts[1].dropFirst("region=".count)).removingPercentEncoding ?? ""
                    #expect(parts[0] == "index.html" && target.contains("<option value=\"\(region)\">"), "\(name): \(link)")
                } else if parts.count == 2 {
                    if parts[0].isEmpty && parts[1].hasPrefix("tie-") { inPage += 1 }
                    #expect(target.contains("id=\"\(parts[1])\""), "\(name): \(link) names no element")
                }
            }
        }
        #expect(inPage > 0)
        // The study's disagreement count leads to each innovation's list.
        let index = pages["index.html"]!
        #expect(index.contains("<li><a href=\"fairteiler-eicken.html#disagreements\">"))
        #expect(pages["fairteiler-eicken.html"]!.contains("<section id=\"disagreements\">"))
        #expect(links(index).contains("repair-cafe-cracau.html"))
        // Each innovation's page says where it is: overview › its region (the overview filtered to it) › itself.
        #expect(pages["repair-cafe-cracau.html"]!.contains("&rsaquo; <a href=\"index.html#region=Krefeld\">Krefeld</a> &rsaquo; <span aria-current=\"page\">Repair-Café Cracau</span>"))
        // On an innovation's ego map its ties open its own cards, one per tie on the page.
        let page = pages["repair-cafe-cracau.html"]!
        let own = links(page).filter { $0.hasPrefix("repair-cafe-cracau.html#") }
        let cards = page.components(separatedBy: "<article class=\"tie\" id=").count - 1
        #expect(cards > 0 && Set(own).count == cards)
        #expect(own.contains("repair-cafe-cracau.html#tie-elektromeister-im-ruhestand-cracau"))

        // Partners open their entry on the partner index, which links each of their ties to its card.
        #expect(links(index).contains("partners.html#p-ev-kirchengemeinde-cracau"))
        let partners = try #require(pages["partners.html"])
        let row = try #require(partners.components(separatedBy: "<tr id=\"p-ev-kirchengemeinde-cracau\">").dropFirst().first?
            .components(separatedBy: "</tr>").first)
        #expect(row.contains("<a href=\"repair-cafe-cracau.html#tie-ev-kirchengemeinde-cracau\">Repair-Café Cracau</a>"))
        #expect(index.contains("<a href=\"partners.html\">"))
        #expect(!partners.contains("<tr id=\"p-repair-cafe-cracau\">"))  // innovations have pages of their own
        // Each map's caption leads to the same ties as text: the ego map to the page's tie cards, the
        // study map to the partner index.
        #expect(page.contains("<a href=\"#ties\">") && page.contains("<section id=\"ties\">"))
        #expect(index.contains("as text: <a href=\"partners.html\">"))
        // Suggestions lead on: a tie to strengthen to its card, a partner to meet to its row, introducers
        // to their pages (all resolved by the loop above).
        let suggestions = try #require(page.components(separatedBy: "<ul class=\"suggest\">").dropFirst().first)
        #expect(suggestions.hasPrefix("<li><strong><a href=\"#tie-"))
        #expect(pages["repair-cafe-cracau.html"]!.contains("<li><strong><a href=\"partners.html#p-"))
        #expect(pages["fairteiler-uerdingen.html"]!.contains("introduced by: <a href=\"fairteiler-eicken.html\">Fairteiler Eicken</a>"))

        // One innovation selected: the others have no page, so no link.
        let one = dir.path + "/one"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--innovation", "Repair-Café Cracau",
                                   "--output", one, "--quiet"]).status == 0)
        let targets = Set(links(try String(contentsOfFile: one + "/index.html", encoding: .utf8)).map { $0.split(separator: "#")[0] })
        #expect(targets == ["repair-cafe-cracau.html", "partners.html"])
        // Markdown embeds its maps as images: no links in them.
        let md = dir.path + "/md"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "md", "--output", md, "--quiet"]).status == 0)
        #expect(!(try String(contentsOfFile: md + "/maps/study_map.svg", encoding: .utf8)).contains("xlink:href"))
    }

    /// HTML pages show each map's legend as HTML after the SVG (legible at any map size), not drawn
    /// into it: its entries in the page's language, a colour swatch for each value shown; Markdown's
    /// SVG files keep the legend drawn in.
    @Test func htmlMapsHaveTheirLegendBesideThemMarkdownMapsInside() throws {
        let dir = TemporaryDirectory()
        let html = dir.path + "/html", md = dir.path + "/md"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--lang", "de", "--output", html, "--quiet"]).status == 0)
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--lang", "de", "--format", "md", "--output", md, "--quiet"]).status == 0)
        for name in ["index.html", "repair-cafe-cracau.html"] {
            let page = try String(contentsOfFile: html + "/" + name, encoding: .utf8)
            let figure = try #require(page.range(of: "<figure class=\"map"))
            let svgEnd = try #require(page.range(of: "</svg>", range: figure.upperBound..<page.endIndex))
            let svg = page[figure.upperBound..<svgEnd.lowerBound]
            #expect(!svg.contains("starke Beziehung") && !svg.contains("━━"), "\(name): the legend is still drawn into the map")
            let legend = try #require(page.range(of: "<div class=\"map-legend\">", range: svgEnd.upperBound..<page.endIndex), "\(name): no HTML legend")
            let rest = page[legend.upperBound...]
            let block = rest[..<rest.range(of: "</div>")!.lowerBound]
            #expect(block.contains("starke Beziehung") && block.contains("schwache Beziehung") && block.contains("Innovation"))
            #expect(block.contains("<span class=\"swatch\" style=\"background:#"), "\(name): no colour swatch")
        }
        let mdMap = try String(contentsOfFile: md + "/maps/repair-cafe-cracau.svg", encoding: .utf8)
        #expect(mdMap.contains("starke Beziehung") && !mdMap.contains("map-legend"))
    }

    @Test func otherFormatsLanguagesAndSelection() throws {
        let dir = TemporaryDirectory()
        var result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "csv", "--excel-de",
                                   "--output", dir.path + "/csv", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/csv/innovations.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).split(separator: "\n").count == 15)
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "md", "--lang", "de",
                               "--innovation", "Repair-Café Cracau", "--output", dir.path + "/md", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let md = try String(contentsOfFile: dir.path + "/md/repair-cafe-cracau.md", encoding: .utf8)
        #expect(md.contains("Anteil schwacher Beziehungen"))
        // A second run into the same folder with one innovation fewer: the earlier run's extra page and
        // maps go, a file of the user's own stays.
        try "mine".write(toFile: dir.path + "/md/notes.txt", atomically: true, encoding: .utf8)
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "md", "--innovation", "Urbaner Gemeinschaftsgarten Lürrip",
                               "--output", dir.path + "/md", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/md").sorted()
        #expect(left == ["index.md", "maps", "notes.txt", "run.json", "urbaner-gemeinschaftsgarten-luerrip.md"])
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/md/maps/repair-cafe-cracau.svg"))
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", dir.path + "/json", "--quiet"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/json/report.json"))) as! [String: Any]
        #expect(json["schema_version"] as? Int == 1 && (json["innovations"] as? [Any])?.count == 14)
    }

    @Test func anEarlierManifestCannotMakeTheReportDeleteOtherFiles() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/out"
        try FileManager.default.createDirectory(atPath: out + "/sub", withIntermediateDirectories: true)
        try "keep".write(toFile: out + "/sub/data.txt", atomically: true, encoding: .utf8)
        try "mine".write(toFile: out + "/notes.md", atomically: true, encoding: .utf8)
        // A run.json naming a folder, a path that is this run's own file, and a file with another checksum.
        let manifest = #"{"tool": "weakties", "outputs": [{"path": "sub", "sha256": "x"}, {"path": "./index.html", "sha256": "x"},"#
            + #" {"path": "notes.md", "sha256": "0000"}, {"path": "../escape.md", "sha256": "x"}]}"#
        try manifest.write(toFile: out + "/run.json", atomically: true, encoding: .utf8)
        let result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--innovation", "Repair-Café Cracau",
                                   "--output", out, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/sub/data.txt"))
        #expect(FileManager.default.fileExists(atPath: out + "/notes.md"))
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    @Test func aGraphvizCommandThatStopsReadingFallsBackToInProcess() throws {
        guard let dot = which("dot") else {
            FileHandle.standardError.write(Data("skipped: no Graphviz command on PATH\n".utf8))
            return
        }
        let dir = TemporaryDirectory()
        // Answers -V like the real one (so it is used), then closes its input and fails.
        let fake = dir.write("dot", "#!/bin/sh\nif [ \"$1\" = \"-V\" ]; then exec \(dot) -V; fi\nexec 0<&-\nsleep 0.2\nexit 1\n")
        chmod(fake, 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = dir.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", dir.path + "/out", "--quiet"],
                                  environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/index.html"))
        let reference = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", dir.path + "/ref", "--quiet"])
        #expect(reference.status == 0)
        for name in ["index.html", "repair-cafe-cracau.html"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/out/" + name))
                    == Data(contentsOf: URL(fileURLWithPath: dir.path + "/ref/" + name)), "\(name)")
        }
    }

    @Test func errorsExitWithTheDocumentedCodesAndWriteNothing() throws {
        let dir = TemporaryDirectory()
        let bad = dir.write("bad.csv", "source,target,strength\nA,A,strong\n")
        var result = try weakties(["report", bad, "--output", dir.path + "/out"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.csv:2:2: error: self-loop"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--innovation", "Nobody", "--output", dir.path + "/out"])
        #expect(result.status == 64 && result.stderr.contains("weakties: error: no actor 'Nobody' (--innovation)"))
        // Labels, case and accents are forgiven; a near miss gets a suggestion.
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--innovation", "repair cafe crakau", "--output", dir.path + "/out"])
        #expect(result.status == 64 && result.stderr.contains("no actor 'repair cafe crakau' (did you mean 'Repair-Café Cracau'?) (--innovation)"))
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--innovation", "repair café cracau", "--format", "json",
                               "--output", dir.path + "/byname", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
        result = try weakties(["report", exampleTies, "--format", "pdf", "--output", dir.path + "/out"])
        #expect(result.status == 64)
        result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", bad + "/out", "--quiet"])
        #expect(result.status == 74)
    }
}

/// SHA-256 by the system's `sha256sum`, independent of our implementation.
enum SHA256Hex {
    static func of(_ data: Data) -> String {
        let dir = TemporaryDirectory()
        let path = dir.write("blob", bytes: Array(data))
        let out = (try? runProcess("/usr/bin/sha256sum", [path]).stdout) ?? ""
        return String(out.prefix(64))
    }
}

/// A report is handed on: it cites evidence as `ties.csv:16`, never by the path the command was given
/// (the researcher's folders); the full paths stay in run.json. Inputs with one file name are told
/// apart by their folder.
@Suite struct ReportCitationTests {
    @Test func pagesCiteFileNamesNotPaths() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/interviews-a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/interviews-b", withIntermediateDirectories: true)
        let a = dir.write("interviews-a/ties.csv", "innovation,partner,strength,quote\nRepair Café,Stadt,weak,Wir kennen uns.\n")
        let b = dir.write("interviews-b/ties.csv", "innovation,partner,strength,quote\nRepair Café,Verein,strong,Seit Jahren.\n")
        for format in ["html", "md", "json"] {
            let out = dir.path + "/report-" + format
            let run = try weakties(["report", a, b, "--format", format, "--output", out, "--quiet"])
            try #require(run.status == 0, "\(run.stderr)")
            for file in try FileManager.default.subpathsOfDirectory(atPath: out) where !file.hasPrefix("maps") && file != "run.json" {
                let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
                #expect(!text.contains(dir.path), "\(format)/\(file) shows the input's folder")
            }
            let everything = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".\(format)") }
                .map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }.joined()
            #expect(everything.contains("interviews-a/ties.csv") && everything.contains("interviews-b/ties.csv"), "\(format)")
            #expect(try String(contentsOfFile: out + "/run.json", encoding: .utf8).contains(dir.path + "/interviews-a/ties.csv"))
        }
    }
}
