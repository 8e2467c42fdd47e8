import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesReport

/// A small study whose report values are worked out by hand below (see the comments).
///
///     P1 ── P3        I1: ties to P1 (strong), P2 (weak), P3 (weak); P1–P3 strong closes a triangle.
///      \   /          I2: tie to P2 (strong); P2–P4 weak.
///       I1 ── P2 ── I2
///             │
///             P4
enum Fixture {
    static let ties = """
    source,target,strength,interview,coder,quote,initiator,proximity_spatial,motive,benefit,page
    I1,P1,strong,INT-1,K1,"Die Stadt gibt uns den Raum, ""kostenlos"".",source,high,"Raum, Geld",Raum,3
    I1,P1,stark,INT-1,K2,"Die Stadt gibt uns den Raum, ""kostenlos"".",innovation,hoch,Raum,Raum,3
    I1,P2,weak,INT-2,K1,Einmal im Jahr eine Spende.,target,low,Geld,Spende,7
    I1,P3,weak,INT-2,K1,Ein Artikel im Frühjahr.,partner,,Sichtbarkeit,,9
    P1,P3,strong,INT-3,K2,Die kennen sich gut.,both,,,,1
    I2,P2,strong,INT-4,K1,Die Bank hat uns gefunden.,partner,,,,2
    P2,P4,weak,INT-4,K1,Man kennt sich.,,,,,2
    """
    static let nodes = """
    id,label,kind,partner_type,region,sector,established
    I1,Innovation Eins,innovation,,Krefeld,Reparatur,true
    I2,Innovation Zwei,innovation,,Mönchengladbach,Ernährung,false
    P1,Stadt Krefeld,partner,public_admin,Krefeld,Verwaltung,
    P2,Sparkasse,partner,business,Mönchengladbach,Finanzen,
    P3,Zeitung,partner,media,Krefeld,Presse,
    P4,Tafel,partner,welfare,Mönchengladbach,Soziales,
    """

    static func study(_ dir: TemporaryDirectory, ties: String = Fixture.ties, nodes: String = Fixture.nodes) throws -> Study {
        try StudyLoader.load(ties: [dir.write("ties.csv", ties)], nodes: dir.write("nodes.csv", nodes))
    }

    /// A stand-in map (no Graphviz), so page tests are fast and golden files stable.
    static func fakeMap(_ request: ReportMapRequest) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>\(GraphExport.xmlText(request.ego ?? "study"))</text></svg>"
    }
}

func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    (a.isNaN && b.isNaN) || abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct ReportValueTests {
    @Test func innovationValuesMatchHandComputation() throws {
        let dir = TemporaryDirectory()
        let report = try StudyReport(study: Fixture.study(dir))
        #expect(report.innovations.map(\.id) == ["I1", "I2"])
        let r = report.innovations[0]
        #expect(r.slug == "i1")
        #expect((r.tieCount, r.strongTies, r.weakTies) == (3, 1, 2))
        #expect(close(r.weakTieShare, 2.0 / 3))
        // Alters P1 (Krefeld), P2 (MG), P3 (Krefeld): one tie out of the region, two in.
        #expect(close(r.openness.eiRegion, -1.0 / 3))
        // Innovations form their own partner-type group: all three alters are of other types.
        #expect(close(r.openness.eiPartnerType, 1))
        #expect(close(r.openness.blauPartnerType, 1 - 3.0 / 9))
        #expect(close(r.openness.outsideRegionShare, 1.0 / 3))
        // Alters' sectors Verwaltung, Finanzen, Presse: none is Reparatur.
        #expect(close(r.openness.outsideSectorShare, 1))
        // One tie (P1–P3) among three alters.
        #expect(close(r.openness.egoDensity, 1.0 / 3))
        // c(P1) = c(P3) = (1/3 + 1/3·1/2)² = 1/4, c(P2) = (1/3)² = 1/9.
        #expect(close(r.openness.constraint, 0.25 + 0.25 + 1.0 / 9))
        #expect(close(r.openness.effectiveSize, 3 - 2.0 / 3))
        #expect(close(r.openness.efficiency, (3 - 2.0 / 3) / 3))
        // I1–P2 is a bridge (and a local bridge); I1–P1 and I1–P3 lie on a triangle.
        #expect(r.granovetter == GranovetterCounts(bridges: 1, weakBridges: 1, localBridges: 1, weakLocalBridges: 1))
        // Initiation: I1–P1 by the innovation (source, and 'innovation' in German coding), I1–P2 and I1–P3 by partners.
        #expect(r.initiation.counts[.innovation] == 1 && r.initiation.counts[.partner] == 2)
        #expect(close(r.initiation.innovationShare, 1.0 / 3) && close(r.initiation.partnerShare, 2.0 / 3))
        #expect(r.initiation.pattern == "sought")
        // Spatial proximity over the four mentions of its ties: high, high, low, not coded.
        let spatial = r.proximity[0]
        #expect((spatial.low, spatial.medium, spatial.high, spatial.uncoded) == (1, 0, 2, 1))
        #expect(close(spatial.mean, (3 + 3 + 1) / 3.0))
        // Motives once per tie: Geld (I1–P1, I1–P2), Raum (I1–P1), Sichtbarkeit (I1–P3).
        #expect(r.motives == [ValueCount(value: "Geld", ties: 2), ValueCount(value: "Raum", ties: 1),
                              ValueCount(value: "Sichtbarkeit", ties: 1)])
        // Ties: strong first, then by partner label; each with all its mentions.
        #expect(r.ties.map { report.study.actors[$0.partner].id } == ["P1", "P2", "P3"])
        #expect(r.ties[0].mentions.count == 2 && r.ties[0].strongVotes == 2)
        // Suggestions: the weak bridge to P2 (who also works with I2); P3 brings nothing structural.
        #expect(r.tiesToStrengthen.map { report.study.actors[$0.partner].id } == ["P2"])
        #expect(r.tiesToStrengthen[0].reasons == ["bridge", "broker"])
        // P4 is two steps away through P2, of a partner type and a sector I1 has no tie to; a fourth
        // contact lowers I1's constraint (the matching's reasons, Docs/Matching.md).
        #expect(r.partnersToMeet.map { report.study.actors[$0.partner].id } == ["P4"])
        #expect(r.partnersToMeet[0].reasons == ["new_partner_type", "new_sector", "lower_constraint", "introduced"])
        #expect(r.partnersToMeet[0].introducers.map { report.study.actors[$0].id } == ["P2"])

        let i2 = report.innovations[1]
        #expect(i2.initiation.pattern == "sought" && i2.established == false)
        #expect(close(i2.weakTieShare, 0))
        // One alter only: ego density and hierarchy-type measures are undefined, not 0.
        #expect(i2.openness.egoDensity.isNaN)
    }

    @Test func overviewCountsStudyAndDataQuality() throws {
        let dir = TemporaryDirectory()
        let o = try StudyReport(study: Fixture.study(dir)).overview
        #expect((o.actors, o.innovations, o.partners, o.ties) == (6, 2, 4, 6))
        #expect((o.strongTies, o.weakTies, o.mentions, o.interviews) == (3, 3, 7, 4))
        #expect(o.coders == [CoderCount(coder: "K1", mentions: 5, interviews: 3), CoderCount(coder: "K2", mentions: 2, interviews: 2)])
        #expect(o.granovetter == GranovetterCounts(bridges: 3, weakBridges: 2, localBridges: 3, weakLocalBridges: 2))
        #expect(close(o.density, 6.0 / 15))
    }

    @Test func selectionAndErrors() throws {
        let dir = TemporaryDirectory()
        let study = try Fixture.study(dir)
        #expect(try StudyReport(study: study, options: ReportOptions(innovations: ["I2"])).innovations.map(\.id) == ["I2"])
        #expect(throws: ReportError.unknownInnovation("no actor 'X'")) { try StudyReport(study: study, options: ReportOptions(innovations: ["X"])) }
        #expect(throws: ReportError.notAnInnovation("P1")) { try StudyReport(study: study, options: ReportOptions(innovations: ["P1"])) }
    }

    @Test func slugsAreFileSafeAndUnique() {
        #expect(StudyReport.slug("Repair-Café Cracau") == "repair-cafe-cracau")
        #expect(StudyReport.slug("Bürgerbus Fischeln e.V.") == "buergerbus-fischeln-e-v")
        #expect(StudyReport.slug("../../etc/passwd") == "etc-passwd")
        #expect(StudyReport.slug("中文") == "innovation")
    }

    /// Map links (`StudyMap.Links`): tie cards are named uniquely over the study even where two ids
    /// give the same slug, and a tie opens the ego's card first, else its source's, else its target's.
    @Test func mapLinksNameEveryTieCardOnceAndPreferTheEgo() throws {
        let dir = TemporaryDirectory()
        let ties = """
        source,target,strength,interview,coder,quote
        I1,A b,weak,INT-1,K1,Eins.
        I1,a-b,weak,INT-1,K1,Zwei.
        I2,I1,strong,INT-2,K1,Drei.
        a-b,A b,weak,INT-2,K1,Vier.
        """
        let nodes = """
        id,label,kind
        I1,Eins,innovation
        I2,Zwei,innovation
        A b,A b,partner
        a-b,a-b,partner
        """
        let study = try Fixture.study(dir, ties: ties, nodes: nodes)
        let anchors = ActorAnchors(study: study).tie
        #expect(Set(anchors).count == study.actors.count)
        let v = { (id: String) in Int(study.actorIndex(of: id)!) }
        #expect(Set([anchors[v("A b")], anchors[v("a-b")]]) == ["tie-a-b", "tie-a-b-2"])
        let links = StudyReport.mapLinks(study: study, pages: [v("I1"): "i1", v("I2"): "i2"])
        #expect(links.pages[v("I1")] == "i1.html" && links.pages[v("A b")] == nil)
        // I2–I1 on I1's ego map opens I1's card with I2; elsewhere the source's (I2's) card with I1.
        #expect(links.tie(source: v("I2"), target: v("I1"), ego: v("I1")) == "i1.html#" + anchors[v("I2")])
        #expect(links.tie(source: v("I2"), target: v("I1"), ego: nil) == "i2.html#" + anchors[v("I1")])
        // A partner as source: the target's page.
        #expect(links.tie(source: v("a-b"), target: v("I1"), ego: v("A b")) == "i1.html#" + anchors[v("a-b")])
        // Between two partners: no card, no link.
        #expect(links.tie(source: v("a-b"), target: v("A b"), ego: nil) == nil)
        // The HTML pages carry the same names on their tie cards.
        let report = try StudyReport(study: study)
        let files = try report.files(ReportRendering(format: .html), maps: { $0.map(Fixture.fakeMap) })
        let page = String(decoding: try #require(files.first { $0.path == "i1.html" }).data, as: UTF8.self)
        for id in ["A b", "a-b", "I2"] { #expect(page.contains("<article class=\"tie\" id=\"\(anchors[v(id)])\">"), "\(id)") }
        // A partner that is a reported innovation is linked to its page; a partner is not.
        #expect(page.contains("<h3><a href=\"i2.html\">Zwei</a></h3>") && page.contains("<h3>A b</h3>"))
    }

    @Test func jsonHasSchemaVersionAndNullForUndefined() throws {
        let dir = TemporaryDirectory()
        let text = try StudyReport(study: Fixture.study(dir)).json.serialized(indent: 2)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["schema_version"] as? Int == 1)
        let innovations = object["innovations"] as! [[String: Any]]
        let i2 = innovations[1]["openness"] as! [String: Any]
        #expect(i2["ego_density"] is NSNull)
        let mention = ((innovations[0]["ties"] as! [[String: Any]])[0]["mentions"] as! [[String: Any]])[0]
        #expect(mention["quote"] as? String == "Die Stadt gibt uns den Raum, \"kostenlos\".")
        #expect(mention["coder"] as? String == "K1" && mention["interview"] as? String == "INT-1")
        #expect((mention["extra"] as? [String: Any])?["page"] as? String == "3")
        #expect(mention["line"] as? Int == 2)
    }
}

@Suite struct ReportOutputTests {
    @Test func sha256MatchesFIPSVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // A collection without contiguous storage, and Data.
        #expect(SHA256.hex((0..<3).lazy.map { UInt8(0x61 + $0) })
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // The portable code on its own (`hex` above took the system's library where there is one).
        #expect(SHA256.portableHex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.portableHex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The system's libcrypto and the portable code agree on seeded random inputs of every length
    /// around one and two blocks (the padding's cases) and on a few large ones.
    @Test func systemAndPortableSHA256Agree() {
        #if os(Linux)
        if SystemSHA256.function == nil {
            print("note: no libcrypto on this system; the report hashes with the portable code only (not compared)")
            return
        }
        #endif
        guard SystemSHA256.function != nil else { return }
        var rng = SeededRandom(seed: 256)
        for length in Array(0...200) + [1_000, 4_096, 65_537, 1_000_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(SHA256.hex(bytes) == SHA256.portableHex(bytes), "length \(length)")
            #expect(SHA256.hex(Data(bytes)) == SHA256.portableHex(bytes), "length \(length)")
        }
    }

    @Test func bothLanguagesHaveEveryKey() throws {
        let en = try ReportStrings(.en), de = try ReportStrings(.de)
        #expect(en.keyPaths == de.keyPaths)
        for strings in [en, de] {
            for path in strings.keyPaths where path != "status_reading.other" && path != "number.percent_space" {
                #expect(!strings.text(path).isEmpty, "\(strings.language) \(path)")
            }
        }
        #expect(de.decimal(-0.4285) == "−0,43" && en.decimal(0.5) == "0.50" && de.percent(0.625) == "63 %")
        #expect(en.decimal(.nan) == "–" && en.percent(.nan) == "–")
    }

    @Test func csvIsSpreadsheetSafeAndExcelGermanVariant() throws {
        let dir = TemporaryDirectory()
        let hostile = Fixture.nodes.replacingOccurrences(of: "Innovation Eins", with: "=HYPERLINK(\"x\")")
        let report = try StudyReport(study: Fixture.study(dir, nodes: hostile))
        let plain = String(decoding: report.csv(), as: UTF8.self)
        #expect(plain.contains("'=HYPERLINK(\"\"x\"\")"))
        #expect(plain.split(separator: "\n")[1].contains(",0.6666666666666666,"))
        let german = report.csv(excelGerman: true)
        #expect(Array(german.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: german.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id;label;") && text.contains(";0,6666666666666666;"))
    }

    @Test func goldenMarkdown() throws {
        let dir = TemporaryDirectory()
        let report = try StudyReport(study: Fixture.study(dir))
        let files = try report.files(ReportRendering(format: .md), maps: { $0.map(Fixture.fakeMap) })
        #expect(files.map(\.path) == ["i1.md", "i2.md", "index.md", "maps/chart_region.svg", "maps/chart_status.svg",
                                      "maps/i1.svg", "maps/i2.svg", "maps/study_map.svg"])
        // Every glossary link of a page has its anchor on the overview.
        let index = String(decoding: files.first { $0.path == "index.md" }!.data, as: UTF8.self)
        let page = String(decoding: files.first { $0.path == "i1.md" }!.data, as: UTF8.self)
        let anchors = page.components(separatedBy: "(index.md#").dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(anchors.count >= 15)
        for anchor in anchors { #expect(index.contains("<a id=\"\(anchor)\"></a>"), "\(anchor)") }
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for name in ["i1.md", "index.md"] {
            let produced = String(decoding: files.first { $0.path == name }!.data, as: UTF8.self)
                .replacingOccurrences(of: dir.path + "/", with: "")
            let url = golden.appendingPathComponent(name)
            // Regenerate with: UPDATE_GOLDEN=1 swift test --filter goldenMarkdown (then review the diff).
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try produced.write(to: url, atomically: true, encoding: .utf8) }
            #expect(produced == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from Golden/\(name)")
        }
    }

    @Test func hostileLabelsAndQuotesAreEscapedEverywhere() throws {
        let dir = TemporaryDirectory()
        let attack = "<script>alert(1)</script>\" onmouseover=\"alert(2)"
        let csvAttack = "\"" + attack.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let ties = Fixture.ties.replacingOccurrences(of: "Ein Artikel im Frühjahr.", with: csvAttack)
        let nodes = Fixture.nodes.replacingOccurrences(of: "Innovation Eins", with: csvAttack)
            .replacingOccurrences(of: "Zeitung", with: "<img src=x onerror=alert(3)>")
        let report = try StudyReport(study: Fixture.study(dir, ties: ties, nodes: nodes))
        // Real Graphviz maps: labels go through DOT escaping and Graphviz's SVG writer.
        for format in [ReportFormat.html, .md] {
            for file in try report.files(ReportRendering(format: format)) {
                var text = String(decoding: file.data, as: UTF8.self)
                // In Markdown an escaped `\<` is text, not a tag.
                if file.path.hasSuffix(".md") { text = text.replacingOccurrences(of: "\\<", with: "") }
                #expect(!text.contains("<script>alert"), "\(file.path)")
                #expect(!text.contains("<img src=x"), "\(file.path)")
                if !file.path.hasSuffix(".md") { #expect(!text.contains("\" onmouseover=\""), "\(file.path)") }
                if file.path.hasSuffix(".html") {
                    // Only our own script (sorting, filters, zoom), on the overview, the partner index and the map page.
                    #expect(text.components(separatedBy: "<script").count - 1 == (["index.html", "partners.html", "map.html"].contains(file.path) ? 1 : 0))
                    if file.path == "i1.html" || file.path == "index.html" { #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) }
                }
                if file.path == "i1.md" {
                    #expect(String(decoding: file.data, as: UTF8.self).contains("\\<script\\>alert(1)\\</script\\>"))
                }
            }
        }
    }

    @Test func pagesAreDeterministicAndGermanWhenAsked() throws {
        let dir = TemporaryDirectory()
        let study = try Fixture.study(dir)
        let a = try StudyReport(study: study).files(ReportRendering(format: .html, language: .de))
        let b = try StudyReport(study: study).files(ReportRendering(format: .html, language: .de))
        #expect(a == b)
        let page = String(decoding: a.first { $0.path == "i1.html" }!.data, as: UTF8.self)
        #expect(page.contains("<html lang=\"de\">") && page.contains("Anteil schwacher Beziehungen") && page.contains("67 %"))
        #expect(page.contains("−0,33"))  // E-I (region) with decimal comma
        #expect(page.contains("Öffentliche Verwaltung"))
        #expect(page.contains("Die Stadt gibt uns den Raum, &quot;kostenlos&quot;."))
    }

    @Test func userTemplatesOverrideTheBundledOnes() throws {
        let dir = TemporaryDirectory()
        let templates = dir.path + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "{{#innovations}}{{label}}={{weak_tie_share}} ({{weak_tie_share_value}});{{/innovations}}"
            .write(toFile: templates + "/html-index.mustache", atomically: true, encoding: .utf8)
        let files = try StudyReport(study: Fixture.study(dir))
            .files(ReportRendering(format: .html, templateDirectory: templates), maps: { $0.map(Fixture.fakeMap) })
        let index = String(decoding: files.first { $0.path == "index.html" }!.data, as: UTF8.self)
        #expect(index == "Innovation Eins=67% (0.6666666666666666);Innovation Zwei=0% (0);")
        try "{{#broken}".write(toFile: templates + "/html-innovation.mustache", atomically: true, encoding: .utf8)
        #expect(throws: ReportTemplateError.self) {
            try StudyReport(study: Fixture.study(dir)).files(ReportRendering(format: .html, templateDirectory: templates), maps: { $0.map(Fixture.fakeMap) })
        }
    }

    @Test func textTagsFilledBeforeParsingRenderAsMustacheWould() throws {
        // The bundled templates with their `{{t.…}}` tags filled in give the same bytes as mustache's own
        // lookups, in both formats and languages, with hostile labels in the data.
        let dir = TemporaryDirectory()
        let nodes = Fixture.nodes.replacingOccurrences(of: "Zeitung", with: "<b>'Zeitung' & \"Co\"</b>")
        let report = try StudyReport(study: Fixture.study(dir, nodes: nodes))
        let placeholders = (0...report.innovations.count).map(ReportTemplates.placeholder)
        for format in [ReportFormat.html, .md] {
            for language in [ReportLanguage.en, .de] {
                let strings = try ReportStrings(language)
                let rendering = ReportRendering(format: format, language: language)
                let filled = try report.pages(rendering, strings: strings,
                                              library: ReportTemplates.library(format: format, userDirectory: nil, strings: strings),
                                              placeholders: placeholders)
                let lookedUp = try report.pages(rendering, strings: strings,
                                                library: ReportTemplates.library(format: format, userDirectory: nil),
                                                placeholders: placeholders)
                #expect(filled.map(\.path) == lookedUp.map(\.path))
                for (a, b) in zip(filled, lookedUp) { #expect(a.data == b.data, "\(format) \(language) \(a.path)") }
            }
        }
        // What is filled in and what is left to mustache.
        let strings = try ReportStrings(.en)
        let overview = strings.text("title.overview")
        #expect(overview.contains("'"))
        let template = "{{% CONTENT_TYPE: WEAKTIES_HTML}}\n<h1>{{t.title.overview}}</h1>{{{t.title.overview}}}{{ t.title.overview }}"
            + "{{t.no.such_key}}{{#t.title}}x{{/t.title}}{{t.title}}"
        #expect(ReportTemplates.fillingTexts(template, strings) == "{{% CONTENT_TYPE: WEAKTIES_HTML}}\n<h1>"
            + overview.replacingOccurrences(of: "'", with: "&#39;") + "</h1>{{{t.title.overview}}}{{ t.title.overview }}"
            + "{{t.no.such_key}}{{#t.title}}x{{/t.title}}{{t.title}}")
        // Templates without one of our escapers, or with other delimiters, are left alone.
        #expect(ReportTemplates.fillingTexts("{{t.title.overview}}", strings) == nil)
        #expect(ReportTemplates.fillingTexts("{{% CONTENT_TYPE: WEAKTIES_HTML}}\n{{=<% %>=}}<%t.title.overview%>", strings) == nil)
    }

    @Test func mapPlaceholdersAreReplacedOnlyWhereTheyStand() {
        let svgs = ["<svg>A</svg>", "<svg>B</svg>"]
        let page = Data("x<weakties-map-1/>y<weakties-map-0/>z<weakties-map-9/>&lt;weakties-map-0/&gt;<weakties-map-".utf8)
        let replaced = String(decoding: ReportTemplates.replacingPlaceholders(in: page, with: svgs), as: UTF8.self)
        // Unknown indices and escaped or cut-off tokens stay as they are.
        #expect(replaced == "x<svg>B</svg>y<svg>A</svg>z<weakties-map-9/>&lt;weakties-map-0/&gt;<weakties-map-")
        // The same from a page's text as rendered (non-ASCII around the placeholders kept byte for byte).
        let text = "ä<weakties-map-0/>ß" + String(decoding: page, as: UTF8.self)
        #expect(String(decoding: ReportTemplates.replacingPlaceholders(in: text, with: svgs), as: UTF8.self) == "ä<svg>A</svg>ß" + replaced)
    }

    @Test func directoryIsWrittenAllOrNothing() throws {
        let dir = TemporaryDirectory()
        let target = dir.path + "/out"
        try AtomicDirectory.write([("a.txt", Data("1".utf8)), ("sub/b.txt", Data("2".utf8))], into: target)
        try AtomicDirectory.write([("a.txt", Data("3".utf8))], into: target)  // replaces in an existing directory
        #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "3")
        #expect(try String(contentsOfFile: target + "/sub/b.txt", encoding: .utf8) == "2")
        try AtomicDirectory.write([("x", Data())], into: dir.path + "/new/parent/out")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/new/parent/out/x"))
        // Under a regular file nothing can be created.
        #expect(throws: InputOutputError.self) { try AtomicDirectory.write([("x", Data())], into: target + "/a.txt/out") }
        #expect(throws: InputOutputError.self) { try AtomicDirectory.write([("x", Data())], into: target + "/a.txt") }
        // A failure part-way through an existing directory puts everything back: `a.txt` and `new.txt`
        // are placed first, then `blocker/z.txt` cannot be placed (`blocker` is a file in the target),
        // so the old `a.txt` returns and `new.txt` goes.
        try "keep".write(toFile: target + "/blocker", atomically: true, encoding: .utf8)
        #expect(throws: InputOutputError.self) {
            try AtomicDirectory.write([("a.txt", Data("new".utf8)), ("new.txt", Data("n".utf8)), ("blocker/z.txt", Data())],
                                      into: target)
        }
        #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "3")
        #expect(!FileManager.default.fileExists(atPath: target + "/new.txt"))
        #expect(try String(contentsOfFile: target + "/blocker", encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: target + "/sub/b.txt", encoding: .utf8) == "2")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// Files streamed from several threads while the rest is made, then committed with the others:
    /// the same directory as one `AtomicDirectory.write`; abandoned or failed, nothing reaches the target.
    @Test func streamedDirectoryIsWrittenAllOrNothing() throws {
        let dir = TemporaryDirectory()
        let target = dir.path + "/out"
        func hidden() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") } }
        let files = (0..<200).map { ("page-\($0).html", Data("page \($0)".utf8)) } + [("maps/m.svg", Data("<svg/>".utf8))]
        let staged = try StagedDirectory(target)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            for i in stride(from: k, to: 100, by: 4) { staged.stream(files[i].0, files[i].1) }
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        try staged.commit(files)  // the first 100 streamed, the rest written here
        for (path, data) in files { #expect(FileManager.default.contents(atPath: target + "/" + path) == data, "\(path)") }
        #expect(try hidden().isEmpty)
        // Into the existing directory: streamed files replace the old ones.
        let again = try StagedDirectory(target)
        again.stream("page-0.html", Data("new".utf8))
        try again.commit([("page-0.html", Data("new".utf8)), ("extra.txt", Data("x".utf8))])
        #expect(try String(contentsOfFile: target + "/page-0.html", encoding: .utf8) == "new")
        #expect(try String(contentsOfFile: target + "/page-1.html", encoding: .utf8) == "page 1")
        #expect(try hidden().isEmpty)
        // Abandoned after streaming: the target is as it was, no staging folder left.
        let dropped = try StagedDirectory(dir.path + "/never")
        dropped.stream("a.html", Data("a".utf8))
        dropped.abandon()
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/never"))
        #expect(try hidden().isEmpty)
        // A streamed file that cannot be written (`page-1.html` is a file, not a folder, in the staging
        // directory too): commit fails, the target keeps its files.
        let failing = try StagedDirectory(target)
        failing.stream("page-1.html", Data("changed".utf8))
        failing.stream("page-1.html/x.html", Data())
        #expect(throws: InputOutputError.self) { try failing.commit([("page-1.html", Data("changed".utf8)), ("page-1.html/x.html", Data())]) }
        #expect(try String(contentsOfFile: target + "/page-1.html", encoding: .utf8) == "page 1")
        #expect(try hidden().isEmpty)
    }
}
