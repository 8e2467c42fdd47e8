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

    /// The example study's GEXF (dynamic: its ties have years) and a static one validate against the
    /// GEXF 1.3 RELAX NG schema (Fixtures/gexf-1.3, from gephi/gexf; why not its XSD: SOURCE.md there)
    /// with lxml, a broken copy does not, and networkx reads the dynamic one with its start years.
    @Test func validatesAgainstTheGEXF13SchemaAndNetworkxReadsIt() throws {
        guard let python = which("python3"), (try? runProcess(python, ["-c", "import lxml, networkx"]).status) == 0 else {
            FileHandle.standardError.write(Data("skipped: python3 with lxml and networkx not found (make pydeps); the GEXF schema validation is skipped\n".utf8))
            return
        }
        let dir = TemporaryDirectory()
        let dynamic = dir.path + "/example.gexf", plain = dir.path + "/static.gexf"
        #expect(try weakties(["export", exampleTies, "--nodes", exampleNodes, "--output", dynamic, "--quiet"]).status == 0)
        let ties = dir.write("t.csv", "source,target,strength,weight\n\"A & <B>\",C,weak,2\n")
        #expect(try weakties(["export", ties, "--output", plain, "--quiet"]).status == 0)
        let broken = dir.write("broken.gexf", try String(contentsOfFile: plain, encoding: .utf8).replacingOccurrences(of: " version=\"1.3\"", with: ""))
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gexf-1.3/gexf.rng").path
        let script = """
            import sys, json
            from lxml import etree
            import networkx as nx
            rng = etree.RelaxNG(etree.parse(sys.argv[1]))
            errors = {}
            for path in sys.argv[2:]:
                doc = etree.parse(path)
                root = doc.getroot()
                for key in [k for k in root.attrib if k.startswith("{http://www.w3.org/2001/XMLSchema-instance}")]:
                    del root.attrib[key]
                errors[path] = [] if rng.validate(doc) else [str(e) for e in rng.error_log][:3]
            g = nx.read_gexf(sys.argv[2])
            starts = [d.get("start") for _, _, d in g.edges(data=True)]
            print(json.dumps({"errors": errors, "edges": g.number_of_edges(), "dated": sum(s is not None for s in starts)}))
            """
        let run = try runProcess(python, ["-c", script, schema, dynamic, plain, broken])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [String: [String]])
        #expect(errors[dynamic] == [], "\(errors[dynamic] ?? [])")
        #expect(errors[plain] == [], "\(errors[plain] ?? [])")
        #expect(errors[broken]?.isEmpty == false, "the validator must reject a GEXF without its version")
        #expect(object["edges"] as? Int == 185)
        #expect((object["dated"] as? Int ?? 0) >= 180)
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

/// Each yearly snapshot of `weakties timeline` equals networkx on the tie table filtered to the ties
/// that began by that year (every actor kept), on seeded random studies: ties, density, weak-tie share,
/// and each innovation's degree, weak-tie share, constraint and effective size (`nx.constraint`,
/// `nx.effective_size`); and the ties formed per year equal a count over the rows.
@Suite struct TimelineAgainstNetworkxTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func snapshotsEqualNetworkx(seed: UInt64) throws {
        guard let python = which("python3"), (try? runProcess(python, ["-c", "import networkx"]).status) == 0 else {
            FileHandle.standardError.write(Data("skipped: python3 with networkx not found (make pydeps); the timeline check against networkx is skipped\n".utf8))
            return
        }
        var rng = SeededRandom(seed: seed)
        let actors = 24, innovations = 6
        func id(_ v: Int) -> String { v < innovations ? "I\(v)" : "P\(v)" }
        var rows = ["source,target,strength,initiator,since"]
        var seen = Set<[Int]>()
        while seen.count < 60 {
            let a = Int.random(in: 0..<actors, using: &rng), b = Int.random(in: 0..<actors, using: &rng)
            guard a != b, seen.insert([min(a, b), max(a, b)]).inserted else { continue }
            // Some ties undated: under the default rule they count from the first year.
            let year = Int.random(in: 0..<10, using: &rng) == 0 ? "" : String(Int.random(in: 2010...2019, using: &rng))
            rows.append("\(id(a)),\(id(b)),\(Bool.random(using: &rng) ? "strong" : "weak"),\(["source", "target", "both"].randomElement(using: &rng)!),\(year)")
        }
        var nodes = ["id,kind,region,partner_type,founded"]
        for v in 0..<actors {
            nodes.append("\(id(v)),\(v < innovations ? "innovation" : "partner"),\(["KR", "MG", "VIE"].randomElement(using: &rng)!),\(v < innovations ? "" : ["business", "welfare"].randomElement(using: &rng)!),\(v < innovations ? "2010" : "")")
        }
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", rows.joined(separator: "\n") + "\n"), nodesPath = dir.write("n.csv", nodes.joined(separator: "\n") + "\n")
        let run = try weakties(["timeline", ties, "--nodes", nodesPath, "--format", "json", "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let script = """
            import csv, json, sys, math, networkx as nx
            timeline = json.load(open(sys.argv[1]))
            rows = list(csv.DictReader(open(sys.argv[2])))
            ids = [r["id"] for r in csv.DictReader(open(sys.argv[3]))]
            first = timeline["first_year"]
            problems = []
            def close(a, b):
                if a is None or (isinstance(a, float) and math.isnan(a)):
                    return b is None or (isinstance(b, float) and math.isnan(b))
                return b is not None and abs(a - b) < 1e-9
            for y in timeline["study"]:
                year = y["year"]
                kept = [r for r in rows if (int(r["since"]) if r["since"] else first) <= year]
                g = nx.Graph(); g.add_nodes_from(ids)
                for r in kept: g.add_edge(r["source"], r["target"], weak=r["strength"] == "weak")
                formed = sum(1 for r in rows if (int(r["since"]) if r["since"] else first) == year)
                weak = sum(1 for _, _, d in g.edges(data=True) if d["weak"])
                checks = [("ties", y["ties"], g.number_of_edges()), ("formed", y["formed"], formed),
                          ("density", y["density"], nx.density(g)), ("weak share", y["weak_tie_share"], weak / g.number_of_edges() if g.number_of_edges() else None)]
                constraint, size = nx.constraint(g), nx.effective_size(g)
                for inno in timeline["innovations"]:
                    row = next(r for r in inno["years"] if r["year"] == year)
                    v = inno["id"]
                    deg = g.degree(v)
                    ws = sum(1 for u in g[v] if g[v][u]["weak"]) / deg if deg else None
                    checks += [(v + " degree", row["ties"], deg), (v + " weak share", row["weak_tie_share"], ws),
                               (v + " constraint", row["constraint"], constraint[v] if deg else None),
                               (v + " effective size", row["effective_size"], size[v] if deg else None)]
                problems += [f"{year} {name}: weakties {ours} networkx {theirs}" for name, ours, theirs in checks if not close(ours, theirs)]
            print(json.dumps(problems[:10]))
            """
        let output = dir.write("timeline.json", run.stdout)
        let check = try runProcess(python, ["-c", script, output, ties, nodesPath])
        try #require(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(check.stdout)")
    }
}

/// The issue's bad input for the timeline: a tie year before the innovation's founding year and a year
/// in the future are warnings with the line; the commands still run.
@Suite struct TimelineYearWarningsTests {
    @Test func earlyAndFutureYearsAreLocatedWarnings() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "innovation,partner,strength,since\nRepair Café,Stadt,weak,2009\nRepair Café,Verein,strong,2016\nStadt,Verein,weak,2999\n")
        let nodes = dir.write("n.csv", "id,kind,founded\nRepair Café,innovation,2012\nStadt,partner,\nVerein,partner,\n")
        let run = try weakties(["validate", ties, "--nodes", nodes])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("t.csv:2: warning: the tie began in 2009, before 'Repair Café' was founded (2012); the timeline counts it at age -3"), "\(run.stderr)")
        #expect(run.stderr.contains("t.csv:4: warning: the tie's year 2999 is in the future"), "\(run.stderr)")
        #expect(!run.stderr.contains("t.csv:3:"))
        let timeline = try weakties(["timeline", ties, "--nodes", nodes, "--quiet"])
        #expect(timeline.status == 0 && timeline.stdout.hasPrefix("Timeline 2009–2999"))
    }
}
