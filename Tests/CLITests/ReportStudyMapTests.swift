import Foundation
import Testing
import TestSupport

/// The study map adapts to the study's size: every actor up to `--group-map-above` actors; above, groups
/// of region × partner type on the overview, with the map of every actor on a zoomable page of its own
/// (`map.html`, Markdown `maps/actors.svg`) up to `--actor-map-limit` actors, and a note instead above.
/// The example study (123 actors) is shown in groups by lowering the threshold.
@Suite(.serialized) struct ReportStudyMapTests {
    static func pages(_ dir: String) throws -> [String: String] {
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        return pages
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    @Test func aLargeStudyShowsGroupsAndTheMapOfEveryActorOnItsOwnPage() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/groups", again = dir.path + "/again"
        for path in [out, again] {
            let result = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--group-map-above", "50", "--output", path, "--quiet"])
            try #require(result.status == 0, "\(result.stderr)")
        }
        let pages = try Self.pages(out)
        for (name, page) in pages { #expect(try String(contentsOfFile: again + "/" + name, encoding: .utf8) == page, "\(name) differs between runs") }
        let index = try #require(pages["index.html"])
        let groupFigure = try #require(index.components(separatedBy: "<figure class=\"map groups\">").dropFirst().first?.components(separatedBy: "</figure>").first)
        // One node per group: the example's regions × partner types, each labelled with its actors.
        let nodes = groupFigure.components(separatedBy: "class=\"node\"").count - 1
        #expect(nodes >= 8 && nodes <= 40, "\(nodes) groups")
        #expect(groupFigure.contains("The study has 123 actors"))
        #expect(groupFigure.contains("<details class=\"map-table\">"))
        // The table lists every group: their actors add up to the study's.
        let table = try #require(groupFigure.components(separatedBy: "<details class=\"map-table\">").last)
        let firstTable = try #require(table.components(separatedBy: "</table>").first)
        let actorCounts = Self.matches("<td>[^<]*</td><td class=\"num\">([0-9]+)</td><td class=\"num\">[0-9]+</td>", in: firstTable).compactMap(Int.init)
        #expect(actorCounts.reduce(0, +) == 123 && actorCounts.count == nodes)
        // Group nodes lead to the overview filtered by region (a region of the filter) or to the partner index.
        let groupLinks = Self.matches("xlink:href=\"([^\"]*)\"", in: groupFigure)
        #expect(!groupLinks.isEmpty)
        for link in groupLinks {
            if link.hasPrefix("index.html#region=") {
                let region = String(link.dropFirst("index.html#region=".count)).removingPercentEncoding ?? ""
                #expect(index.contains("<option value=\"\(region)\">"), "\(link): no such region in the filter")
            } else {
                #expect(link == "partners.html" || link == "index.html#filters", "\(link)")
            }
        }
        // The map of every actor: on map.html, zoomable, its nodes and ties linked into the report.
        #expect(index.contains("<a href=\"map.html\">Map of every actor</a>"))
        let map = try #require(pages["map.html"])
        #expect(map.contains("<figure class=\"map zoomable\">") && map.contains("<div class=\"map-viewport\" tabindex=\"0\">"))
        let mapLinks = Self.matches("xlink:href=\"([^\"]*)\"", in: map)
        #expect(mapLinks.count > 200)
        for link in mapLinks {
            let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
            let target = try #require(pages[parts[0]], "map.html links to \(link), which the report has not")
            if parts.count == 2 { #expect(target.contains("id=\"\(parts[1])\""), "map.html: \(link) names no element") }
        }
        // Both maps, and every ego map, can show strong or weak ties alone: each tie is classed.
        for page in [map, try #require(pages["repair-cafe-cracau.html"])] {
            #expect(page.contains("class=\"edge strong") && page.contains("class=\"edge weak"))
            #expect(page.contains("<input type=\"radio\" name=\"ties-shown\" value=\"weak\">"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(names.count == 14 + 4)  // 14 innovations, index, partners, map, run.json
    }

    @Test func aboveTheLimitTheMapOfEveryActorIsLeftOutAndSaidSo() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/html", md = dir.path + "/md", mdAll = dir.path + "/md-all"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--group-map-above", "50", "--actor-map-limit", "100", "--output", out, "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/map.html"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("The map of every actor is not drawn for more than 100 actors"))
        #expect(!index.contains("map.html"))
        // Markdown: the group map's file carries its legend; the map of every actor is a file of its own.
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--group-map-above", "50", "--actor-map-limit", "100", "--format", "md", "--output", md, "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: md + "/maps/actors.svg"))
        let groupSVG = try String(contentsOfFile: md + "/maps/study_map.svg", encoding: .utf8)
        #expect(groupSVG.contains("weak share of those ties") && !groupSVG.contains("<details"))
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--group-map-above", "50", "--format", "md", "--output", mdAll, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: mdAll + "/maps/actors.svg"))
        #expect(try String(contentsOfFile: mdAll + "/index.md", encoding: .utf8).contains("(maps/actors.svg)"))
        // Below the threshold (the default for the example) the overview shows every actor, as before.
        let plain = dir.path + "/plain"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--output", plain, "--quiet"]).status == 0)
        let plainIndex = try String(contentsOfFile: plain + "/index.html", encoding: .utf8)
        #expect(!plainIndex.contains("map groups") && !FileManager.default.fileExists(atPath: plain + "/map.html"))
        let bad = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--actor-map-limit", "-1", "--output", dir.path + "/bad"])
        #expect(bad.status != 0 && bad.stderr.contains("--actor-map-limit"))
    }

    /// A map's tooltips speak the page's language: a German report says "stark"/"schwach" and
    /// "Erwähnung(en)"; `render` (English) is unchanged.
    @Test func tieTooltipsSpeakThePagesLanguage() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/de"
        try #require(try weakties(["report", exampleTies, "--nodes", exampleNodes, "--lang", "de", "--output", out, "--quiet"]).status == 0)
        let page = try String(contentsOfFile: out + "/repair-cafe-cracau.html", encoding: .utf8)
        #expect(page.contains(": schwach, 1 Erwähnung(en)\"") && page.contains(": stark, "))
        #expect(!page.contains("mention(s)"))
        let dot = try weakties(["render", exampleTies, "--nodes", exampleNodes, "--format", "dot", "--output", dir.path + "/map.dot", "--quiet"])
        try #require(dot.status == 0, "\(dot.stderr)")
        #expect(try String(contentsOfFile: dir.path + "/map.dot", encoding: .utf8).contains(": weak, 1 mention(s)\""))
    }
}
