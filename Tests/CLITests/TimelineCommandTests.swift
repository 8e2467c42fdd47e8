import Foundation
import Testing
import TestSupport

@Suite struct TimelineCommandTests {
    @Test func studyAndInnovationYears() throws {
        let result = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--innovation", "repair cafe cracau", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Timeline 1995–2024 (1 ties without a year counted from 1995)\n"))
        #expect(result.stdout.contains("\n  2024      20       3   185     123"))
        #expect(result.stdout.contains("\nRepair-Café Cracau (founded 2014)\n"))
        let dir = TemporaryDirectory()
        let csv = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--format", "csv", "--spells", dir.path + "/spells.csv", "--quiet"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("scope,innovation_id,innovation_label,year,age,formed,formed_strong,formed_by_innovation,"))
        // 30 study years, 14 innovations × 30 years.
        #expect(csv.stdout.split(separator: "\n").count == 1 + 30 + 14 * 30)
        let spells = try String(contentsOfFile: dir.path + "/spells.csv", encoding: .utf8)
        #expect(spells.split(separator: "\n").count == 1 + 185)
        let json = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--format", "json", "--undated", "exclude", "--quiet"])
        #expect(json.stdout.contains("\"undated\": \"exclude\""))
    }

    @Test func establishmentTest() throws {
        let result = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--establishment", "--permutations", "999", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Do partners come to established innovations?"))
        #expect(result.stdout.contains("All: 34 % partner-initiated in the first 3 years, 61 % later;"))
        let json = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--establishment", "--permutations", "999", "--format", "json", "--quiet"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let all = try #require(object["establishment"] as? [String: Any])
        let e = try #require(all["partner_initiated"] as? [String: Any])
        #expect(e["ties"] as? Int == 127 && e["excluded"] as? Int == 38)
        #expect(all["weak"] != nil && all["outside_region"] != nil)
        #expect(result.stdout.contains("Share of weak ties:"))
        let csv = try weakties(["timeline", exampleTies, "--establishment", "--format", "csv"])
        #expect(csv.status == 64)
    }

    @Test func errors() throws {
        let dir = TemporaryDirectory()
        let noYears = try weakties(["timeline", dir.write("t.csv", "source,target,strength\na,b,weak\n"), "--quiet"])
        #expect(noYears.status == 65 && noYears.stderr.contains("no tie has a year"))
        let partner = try weakties(["timeline", exampleTies, "--nodes", exampleNodes, "--innovation", "tafel kr", "--quiet"])
        #expect(partner.status == 64 && partner.stderr.contains("not an innovation (--innovation)"))
    }
}

@Suite struct CompareCommandTests {
    @Test func establishedVersusNew() throws {
        let result = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Innovations compared by established: established vs new\n"))
        #expect(result.stdout.contains("partner_initiated_share"))
        let csv = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--by", "region", "--format", "csv", "--quiet"])
        #expect(csv.stdout.hasPrefix("measure,group,innovations,mean,median,difference,hedges_g,cliffs_delta,eta_squared,p,exact,assignments\n"))
        let unknown = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--by", "colour", "--quiet"])
        #expect(unknown.status == 64 && unknown.stderr.contains("no attribute 'colour'") && unknown.stderr.contains("(--by)"))
    }

    @Test func qapRegression() throws {
        let text = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--qap", "region,partner_type", "--permutations", "199", "--quiet"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("QAP regression of tie presence on same region, same partner type (123 actors, 7503 pairs, 185 ties)\n"))
        #expect(text.stdout.contains("same_region") && text.stdout.contains("double semi-partialling"))
        let csv = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--qap", "region", "--qap-null", "y", "--format", "csv", "--permutations", "99", "--quiet"])
        #expect(csv.stdout.hasPrefix("coefficient,estimate,std_error,t,p_greater_or_equal,p_less_or_equal,p_two_sided,null,permutations,seed\nintercept,"))
        #expect(csv.stdout.contains(",y,99,1\n"))
        let json = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--qap", "region", "--format", "json", "--permutations", "99", "--quiet"])
        #expect(json.stdout.contains("\"model\": \"qap_regression\""))
        let unknown = try weakties(["compare", exampleTies, "--nodes", exampleNodes, "--qap", "colour", "--quiet"])
        #expect(unknown.status == 64 && unknown.stderr.contains("colour") && unknown.stderr.contains("(--qap)"), "\(unknown.stderr)")
    }
}

@Suite struct DynamicGEXFTests {
    /// Gephi's timeline: edges start with their tie's year, nodes with their first dated tie.
    @Test func nodesAndEdgesStart() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength,since\nA,B,weak,2014\nA,C,strong,2011\nC,D,weak,\n")
        let export = try weakties(["export", ties, "--output", dir.path + "/d.gexf", "--quiet"])
        #expect(export.status == 0)
        let gexf = try String(contentsOfFile: dir.path + "/d.gexf", encoding: .utf8)
        #expect(gexf.contains("mode=\"dynamic\" timeformat=\"integer\""))
        #expect(gexf.contains("<node id=\"A\" label=\"A\" start=\"2011\">"))
        #expect(gexf.contains("<node id=\"B\" label=\"B\" start=\"2014\">"))
        // C has an undated tie: there from the start.
        #expect(gexf.contains("<node id=\"C\" label=\"C\">"))
        #expect(try weakties(["validate", dir.path + "/d.gexf", "--quiet"]).status == 0)
    }
}

/// The report's "How networks grew" and "Growth" sections show the numbers of `timeline
/// --establishment`, `compare` and `compare --qap` (one computation, the commands' defaults).
@Suite struct ReportGrowthTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try weakties(arguments + ["--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// Canonical JSON text of a value (sorted keys), for comparing subtrees.
    static func canonical(_ value: Any?) throws -> String {
        guard let value, !(value is NSNull) else { return "null" }
        return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    @Test func reportEqualsTheCommands() throws {
        let dir = TemporaryDirectory()
        let run = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--format", "json", "--output", dir.path + "/r", "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/r/report.json"))) as? [String: Any])
        let study = try #require(report["study"] as? [String: Any])
        let growth = try #require(study["growth"] as? [String: Any])
        let timeline = try Self.json(["timeline", exampleTies, "--nodes", exampleNodes, "--establishment", "--format", "json"])
        #expect(try Self.canonical(growth["years"]) == Self.canonical(timeline["study"]))
        let tests = try #require(timeline["establishment"] as? [String: [String: Any]])
        let reported = try #require(growth["establishment"] as? [[String: Any]])
        #expect(reported.count == 3)
        for e in reported {
            var expected = try #require(tests[e["outcome"] as? String ?? ""])
            expected["innovations"] = nil
            var got = e
            got["outcome"] = nil
            #expect(try Self.canonical(got) == Self.canonical(expected))
        }
        let compare = try Self.json(["compare", exampleTies, "--nodes", exampleNodes, "--format", "json"])
        #expect(try Self.canonical(study["comparison"]) == Self.canonical(compare))
        let qap = try Self.json(["compare", exampleTies, "--nodes", exampleNodes, "--qap", "region,sector,partner_type",
                                 "--permutations", "1000", "--format", "json"])
        #expect(try Self.canonical(study["qap"]) == Self.canonical(qap))
        // Each innovation's years from its first tie, as the timeline's.
        let innovations = try #require(report["innovations"] as? [[String: Any]])
        let timelineInnovations = try #require(timeline["innovations"] as? [[String: Any]])
        for page in innovations {
            let years = try #require((page["growth"] as? [String: Any])?["years"] as? [[String: Any]])
            let all = try #require(timelineInnovations.first { $0["id"] as? String == page["id"] as? String }?["years"] as? [[String: Any]])
            let active = all.drop { ($0["ties"] as? Int) == 0 && ($0["formed"] as? Int) == 0 }
            #expect(try Self.canonical(years) == Self.canonical(Array(active)), "\(page["id"] ?? "")")
        }
    }

    @Test func withoutYearsTheReportSaysSoAndTheRestWorks() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "innovation,partner,strength,initiator\nI,A,weak,partner\nI,B,strong,innovation\n")
        let run = try weakties(["report", ties, "--output", dir.path + "/r", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: dir.path + "/r/index.html", encoding: .utf8)
        #expect(index.contains("The timeline cannot be drawn: no tie has a year"))
        let page = try String(contentsOfFile: dir.path + "/r/i.html", encoding: .utf8)
        #expect(page.contains("None of this innovation&#39;s ties has a year."))
        let timeline = try weakties(["timeline", ties, "--quiet"])
        #expect(timeline.status == 65 && timeline.stderr.contains("no tie has a year"))
    }

    @Test func pagesShowTheGrowthChartsAndTables() throws {
        let dir = TemporaryDirectory()
        let run = try weakties(["report", exampleTies, "--nodes", exampleNodes, "--lang", "de", "--output", dir.path + "/r", "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: dir.path + "/r/index.html", encoding: .utf8)
        #expect(index.contains("<h2>Wie die Netzwerke wuchsen</h2>"))
        // 14 small multiples, each linking its page.
        #expect(index.components(separatedBy: "<a class=\"multiple\" href=\"").count - 1 == 14)
        #expect(index.contains("href=\"repair-cafe-cracau.html\""))
        #expect(index.contains("Werden etablierte Innovationen gesucht?") && index.contains("Der Anteil steigt, wenn Innovationen älter werden."))
        #expect(index.contains("Etablierte und neue Innovationen im Vergleich") && index.contains("gleiche Region"))
        let page = try String(contentsOfFile: dir.path + "/r/repair-cafe-cracau.html", encoding: .utf8)
        #expect(page.contains("<section id=\"growth\">\n<h2>Entwicklung</h2>"))
        #expect(page.contains("aria-label=\"Neue Beziehungen je Jahr nach Initiative und der Anteil schwacher Beziehungen\""))
    }
}
