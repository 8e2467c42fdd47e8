import Foundation
import Testing
import TestSupport
import WeakTies

/// Every export of the example study read back by networkx (and igraph where it reads the format) and
/// compared with the study: nodes, edges and attributes, including each tie's mentions verbatim.
@Suite struct InteropExportTests {
    static let python = which("python3")
    static let rscript = which("Rscript")
    /// R's `network` package (a dependency of Debian's r-cran-sna, `make rdeps`), which reads Pajek projects.
    static let hasRNetwork: Bool = {
        let ok = rscript.map { (try? runProcess($0, ["-e", "suppressMessages(library(network))"]).status) == 0 } ?? false
        if !ok { FileHandle.standardError.write(Data("skipped: R with the network package not found (make rdeps); the Pajek project read-back by network::read.paj is skipped\n".utf8)) }
        return ok
    }()
    static let hasNetworkx: Bool = {
        guard let python else { return false }
        let ok = (try? runProcess(python, ["-c", "import networkx"]).status) == 0
        // A visible skip: the condition trait below turns the tests off, this says why.
        if !ok { FileHandle.standardError.write(Data("skipped: python3 with networkx not found (export read-back by networkx)\n".utf8)) }
        return ok
    }()
    static let hasIgraph: Bool = {
        guard let python else { return false }
        let ok = (try? runProcess(python, ["-c", "import igraph"]).status) == 0
        if !ok { FileHandle.standardError.write(Data("skipped: python igraph not found (pip install igraph to run the igraph read-back)\n".utf8)) }
        return ok
    }()

    static let exampleNodes = repositoryRoot + "/Examples/krefeld-mg/nodes.csv"

    /// The expected edge summary lines: `a|b strength mentions quotes`, with ends sorted.
    static func expectedEdges(_ study: Study) -> [String] {
        let graph = StudyExport.graph(study)
        guard case .string(let quotes)? = graph.edgeAttributes["quotes"]?.values else { return [] }
        return (0..<study.ties.count).map { t in
            let a = study.actors[Int(study.ties.source[t])].id, b = study.actors[Int(study.ties.target[t])].id
            return "\(min(a, b))|\(max(a, b)) \(study.ties.strength[t].name) \(study.ties[t].mentions.count) \(quotes[t] ?? "")"
        }.sorted()
    }

    static let reader = """
        import csv, json, sys, networkx as nx
        path, fmt = sys.argv[1], sys.argv[2]
        if fmt == "graphml": g = nx.read_graphml(path)
        elif fmt == "gexf": g = nx.read_gexf(path, version="1.3")
        elif fmt == "json": g = nx.node_link_graph(json.load(open(path, encoding="utf-8")), edges="edges")
        else:
            g = nx.Graph()
            for row in csv.DictReader(open(path[:-4] + "-nodes.csv", encoding="utf-8", newline="")):
                g.add_node(row["Id"], label=row["Label"], kind=row["kind"])
            for row in csv.DictReader(open(path, encoding="utf-8", newline="")):
                g.add_edge(row["Source"], row["Target"], **{k: v for k, v in row.items() if k not in ("Source", "Target")})
        edges = []
        for a, b, d in g.edges(data=True):
            mentions = json.loads(d["mentions_json"])
            assert len(mentions) == int(d["mentions"]), (a, b)
            assert all(m["source"].strip() in (a, b) or True for m in mentions)
            edges.append("%s|%s %s %s %s" % (min(a, b), max(a, b), d["strength"], d["mentions"], d.get("quotes") or ""))
        nodes = sorted("%s %s %s" % (n, d.get("label"), d.get("kind")) for n, d in g.nodes(data=True))
        print(json.dumps({"nodes": nodes, "edges": sorted(edges)}))
        """

    @Test(.enabled(if: hasNetworkx, "python3 with networkx not found"), arguments: ["graphml", "gexf", "json", "gephi-csv"])
    func networkxReadsTheExportWithEveryAttribute(format: String) throws {
        let study = try StudyLoader.load(ties: [exampleTies], nodes: Self.exampleNodes)
        let dir = TemporaryDirectory()
        let path = dir.path + "/study." + (format == "gephi-csv" ? "csv" : format)
        let result = try weakties(["export", exampleTies, "--nodes", Self.exampleNodes, "--format", format, "--output", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try runProcess(Self.python!, ["-c", Self.reader, path, format])
        try #require(run.status == 0, "\(format): \(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: [String]]
        let nodes = study.actors.map { "\($0.id) \($0.label) \($0.kind.rawValue)" }.sorted()
        #expect(object["nodes"] == nodes, "\(format)")
        #expect(object["edges"] == Self.expectedEdges(study), "\(format)")
    }

    @Test(.enabled(if: hasIgraph, "python igraph not found"))
    func igraphReadsGraphMLAndPajek() throws {
        let study = try StudyLoader.load(ties: [exampleTies], nodes: Self.exampleNodes)
        let dir = TemporaryDirectory()
        for ext in ["graphml", "net"] {
            let path = dir.path + "/study." + ext
            #expect(try weakties(["export", exampleTies, "--nodes", Self.exampleNodes, "--output", path, "--quiet"]).status == 0)
            let script = """
                import json, sys, igraph
                g = igraph.Graph.Read_GraphML(sys.argv[1]) if sys.argv[1].endswith("graphml") else igraph.Graph.Read_Pajek(sys.argv[1])
                quotes = g.es["quotes"] if "quotes" in g.es.attributes() else None
                print(json.dumps({"n": g.vcount(), "m": g.ecount(), "quotes": quotes}))
                """
            let run = try runProcess(Self.python!, ["-c", script, path])
            try #require(run.status == 0, "\(ext): \(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            #expect(object["n"] as? Int == study.actors.count && object["m"] as? Int == study.ties.count, "\(ext)")
            if ext == "graphml" {
                let graph = StudyExport.graph(study)
                guard case .string(let quotes)? = graph.edgeAttributes["quotes"]?.values else { Issue.record("no quotes"); return }
                #expect(object["quotes"] as? [String] == quotes.map { $0 ?? "" })
            }
        }
    }

    @Test func gephiCSVIsSpreadsheetSafe() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength,quote\n=HYPERLINK(1),@B,weak,-2 reasons\n")
        let result = try weakties(["export", ties, "--output", dir.path + "/g.csv", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let edges = try String(contentsOfFile: dir.path + "/g.csv", encoding: .utf8)
        let nodes = try String(contentsOfFile: dir.path + "/g-nodes.csv", encoding: .utf8)
        #expect(edges.hasPrefix("Source,Target,Type,Id,Weight,"))
        #expect(edges.contains("\n'=HYPERLINK(1),'@B,Undirected,0,1,weak,1,"))
        #expect(edges.contains(",'-2 reasons,"))
        #expect(nodes.hasPrefix("Id,Label,kind") && nodes.contains("\n'=HYPERLINK(1),'=HYPERLINK(1),"))
    }

    @Test func dlWritesLabelsAndAnEdgeList() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength,weight\n\"Say \"\"hi\"\"\",B,weak,2.5\nB,C,strong,\n")
        #expect(try weakties(["export", ties, "--output", dir.path + "/g.dl", "--quiet"]).status == 0)
        let text = try String(contentsOfFile: dir.path + "/g.dl", encoding: .utf8)
        // Each tie both ways (UCINET reads ordered pairs; the matrix is then symmetric), strength as the
        // value; labels as UCINET keeps them, the id beside in g-labels.csv.
        #expect(text == "DL N=3 FORMAT=EDGELIST1\nLABELS:\n\"SAY__HI_\"\n\"B\"\n\"C\"\nDATA:\n1 2 1\n2 1 1\n2 3 2\n3 2 2\n")
        #expect(try String(contentsOfFile: dir.path + "/g-labels.csv", encoding: .utf8) == "label,id\nSAY__HI_,\"Say \"\"hi\"\"\"\nB,B\nC,C\n")
        #expect(try weakties(["export", ties, "--output", dir.path + "/w.dl", "--edge-value", "weight", "--quiet"]).status == 0)
        #expect(try String(contentsOfFile: dir.path + "/w.dl", encoding: .utf8).hasSuffix("DATA:\n1 2 2.5\n2 1 2.5\n2 3 1\n3 2 1\n"))
        // Read back: one undirected tie per pair (a symmetric list), with the value as weight.
        let back = try weakties(["validate", dir.path + "/w.dl", "--json", "--quiet"])
        #expect(back.status == 0 && back.stdout.contains("\"ties\": 2") && back.stdout.contains("\"mentions\": 2"), "\(back.stdout)")
    }

    /// `export --with-metrics`: node metric columns Gephi and networkx users need not recompute; the
    /// values equal networkx's on the exported graph itself.
    @Test(.enabled(if: hasNetworkx)) func exportCarriesNodeMetrics() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/m.graphml"
        let run = try weakties(["export", exampleTies, "--nodes", Self.exampleNodes, "--output", path,
                                "--with-metrics", "degree,betweenness_normalized,constraint", "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let script = """
            import sys, json, math, networkx as nx
            g = nx.Graph(nx.read_graphml(sys.argv[1]))
            b, c = nx.betweenness_centrality(g, normalized=True), nx.constraint(g)
            bad = [v for v, d in g.nodes(data=True)
                   if d["degree"] != g.degree(v) or abs(d["betweenness_normalized"] - b[v]) > 1e-9
                   or not (abs(d["constraint"] - c[v]) < 1e-9 or (math.isnan(c[v]) and "constraint" in d and math.isnan(d["constraint"])))]
            print(json.dumps({"nodes": g.number_of_nodes(), "bad": bad[:5]}))
            """
        let check = try runProcess(Self.python!, ["-c", script, path])
        try #require(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"nodes\": 123") && check.stdout.contains("\"bad\": []"), "\(check.stdout)")
        let unknown = try weakties(["export", exampleTies, "--output", dir.path + "/x.gexf", "--with-metrics", "fame", "--quiet"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown metric 'fame' for --with-metrics"))
    }

    /// GraphML attr.names are NMTOKENs as the schema requires (lxml's xs:NMTOKEN), unique, with the
    /// column name itself in the key's <desc>; networkx reads them, and our reader restores the names.
    @Test(.enabled(if: hasNetworkx)) func graphMLAttributeNamesAreNMTokens() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength,Notiz (intern)\nA,B,weak,x\n")
        let nodes = dir.write("n.csv", "id,kind,Größe (m²),my column,<odd>&\nA,innovation,12,a,c\nB,partner,3,d,f\n")
        let path = dir.path + "/s.graphml", back = dir.path + "/back.json"
        try #require(try weakties(["export", ties, "--nodes", nodes, "--output", path, "--quiet"]).status == 0)
        let script = """
            import sys, json, networkx as nx
            from lxml import etree
            schema = etree.XMLSchema(etree.fromstring(
                '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="t"><xs:complexType>'
                '<xs:attribute name="v" type="xs:NMTOKEN" use="required"/></xs:complexType></xs:element></xs:schema>'))
            ns = "{http://graphml.graphdrawing.org/xmlns}"
            keys = etree.parse(sys.argv[1]).getroot().findall(ns + "key")
            names = [k.get("attr.name") for k in keys]
            def valid(n):
                element = etree.Element("t")
                element.set("v", n)
                return schema.validate(etree.ElementTree(element)) and n == n.strip()
            bad = [n for n in names if not valid(n)]
            descs = {k.get("attr.name"): (k.findtext(ns + "desc") or "") for k in keys if k.find(ns + "desc") is not None}
            g = nx.read_graphml(sys.argv[1])
            print(json.dumps({"bad": bad, "descs": descs, "node": g.nodes["A"], "edge": list(g.edges(data=True))[0][2].get("Notiz__intern_")}, ensure_ascii=False, sort_keys=True))
            """
        let check = try runProcess(Self.python!, ["-c", script, path])
        try #require(check.status == 0, "\(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        #expect(object["bad"] as? [String] == [], "\(check.stdout)")
        #expect(object["descs"] as? [String: String] == ["Größe__m__": "Größe (m²)", "my_column": "my column", "_odd__": "<odd>&", "Notiz__intern_": "Notiz (intern)"])
        let node = try #require(object["node"] as? [String: Any])
        #expect(node["my_column"] as? String == "a" && node["Größe__m__"] as? String == "12")
        #expect(object["edge"] as? String == "x")
        // Our reader gives the columns their names back.
        try #require(try weakties(["export", path, "--output", back, "--quiet"]).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any])
        let nodeKeys = Set(((json["nodes"] as? [[String: Any]])?.first ?? [:]).keys)
        let edgeKeys = Set(((json["edges"] as? [[String: Any]])?.first ?? [:]).keys)
        #expect(nodeKeys.isSuperset(of: ["Größe (m²)", "my column", "<odd>&"]) && edgeKeys.contains("Notiz (intern)"), "\(nodeKeys) \(edgeKeys)")
    }

    /// Tie-level initiators and proximity are normalised codes in vocabulary order (`beide` is `both`,
    /// `3` and `hoch` are `high`); the codings as written stay in mentions_json.
    @Test func tieLevelCodingsAreNormalised() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", """
            source,target,strength,initiator,proximity_spatial,coder
            A,B,weak,beide,3,K1
            A,B,weak,partner,hoch,K2
            A,B,weak,target,2,K3
            A,C,strong,,,K1
            """ + "\n")
        let path = dir.path + "/s.json"
        try #require(try weakties(["export", ties, "--output", path, "--quiet"]).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges[0]["initiators"] as? String == "target; both" && edges[0]["proximity_spatial"] as? String == "medium; high")
        #expect(edges[1]["initiators"] is NSNull && edges[1]["proximity_spatial"] is NSNull)
        let raw = try #require(edges[0]["mentions_json"] as? String)
        #expect(raw.contains("\"initiator\":\"beide\"") && raw.contains("\"proximity_spatial\":\"hoch\""))
    }

    /// GEXF: the coded weight as Gephi's weight by default; `--edge-value strength` makes strength the
    /// weight and keeps the coded one as `coded_weight` (networkx reads both back).
    @Test(.enabled(if: hasNetworkx)) func gexfWeightIsChosen() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength,weight\nA,B,strong,3\nA,C,weak,\n")
        let plain = dir.path + "/p.gexf", chosen = dir.path + "/s.gexf"
        #expect(try weakties(["export", ties, "--output", plain, "--quiet"]).status == 0)
        #expect(try weakties(["export", ties, "--output", chosen, "--edge-value", "strength", "--quiet"]).status == 0)
        let script = """
            import sys, json, networkx as nx
            out = []
            for path in sys.argv[1:]:
                g = nx.read_gexf(path)
                out.append(sorted([u, v, d.get("weight"), d.get("coded_weight")] for u, v, d in g.edges(data=True)))
            print(json.dumps(out))
            """
        let run = try runProcess(Self.python!, ["-c", script, plain, chosen])
        try #require(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[[Any]]])
        func row(_ r: [Any]) -> String { r.map { ($0 as? NSNumber).map { "\($0.doubleValue)" } ?? "\($0)" }.joined(separator: " ") }
        // Default: the coded weight where coded (none written for A–C).
        #expect(object[0].map(row) == ["A B 3.0 <null>", "A C <null> <null>"])
        #expect(object[1].map(row) == ["A B 2.0 3.0", "A C 1.0 <null>"])
    }

    /// DL for UCINET: labels as UCINET keeps them (≤ 18 characters, upper case, unique), the ids in a
    /// map beside, which our reader applies: the study comes back with its ids.
    @Test func dlLabelsFitUCINETAndMapBack() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/study.dl"
        let run = try weakties(["export", exampleTies, "--nodes", Self.exampleNodes, "--output", path, "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let labels = text.components(separatedBy: "LABELS:\n")[1].components(separatedBy: "DATA:")[0]
            .split(separator: "\n").map { String($0.dropFirst().dropLast()) }
        #expect(labels.count == 123)
        #expect(labels.allSatisfy { $0.count <= 18 && $0 == $0.uppercased() && $0.allSatisfy(\.isASCII) }, "\(labels.filter { $0.count > 18 })")
        #expect(Set(labels).count == 123)
        let map = try String(contentsOfFile: dir.path + "/study-labels.csv", encoding: .utf8)
        #expect(map.hasPrefix("label,id\n") && map.contains("REPAIR-CAFE_CRACAU,Repair-Café Cracau\n"), "\(map.prefix(300))")
        // Read back: the ids of the study (the actors listing, sorted), one undirected tie per pair.
        let original = try weakties(["actors", exampleTies, "--nodes", Self.exampleNodes, "--format", "csv", "--quiet"])
        let back = try weakties(["actors", path, "--format", "csv", "--quiet"])
        func ids(_ csv: String) -> [String] { csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }.sorted() }
        #expect(back.status == 0 && ids(back.stdout) == ids(original.stdout))
        let summary = try weakties(["validate", path, "--json", "--quiet"])
        #expect(summary.stdout.contains("\"ties\": 185"), "\(summary.stdout.prefix(400))")
    }

    /// Pajek with strength as the edge value, read by networkx and igraph; the project (`.paj`) with
    /// its partitions read by R's `network::read.paj` (the statnet reader of Pajek projects).
    /// GEXF nodes sit where the study map puts them (the map's DOT, `render --format dot` with the same
    /// seed, laid out by the Graphviz command with the same engine: its `pos`), with innovations as
    /// squares; `--layout none` leaves positions out, and other formats refuse `--layout`.
    @Test func gexfPositionsAreTheMapsLayout() throws {
        let dir = TemporaryDirectory()
        let gexf = dir.path + "/s.gexf", dot = dir.path + "/s.dot", bare = dir.path + "/bare.gexf"
        #expect(try weakties(["export", exampleTies, "--nodes", Self.exampleNodes, "--output", gexf, "--layout", "neato", "--seed", "3", "--quiet"]).status == 0)
        let exported = try String(contentsOfFile: gexf, encoding: .utf8)
        let positions = exported.matches(of: /<viz:position x="([^"]+)" y="([^"]+)" z="0"\/>/).map { [Double($0.1)!, Double($0.2)!] }
        #expect(positions.count == 123)
        #expect(exported.matches(of: /<viz:shape value="square"\/>/).count == 14)
        if let graphviz = which("dot") {
            #expect(try weakties(["render", exampleTies, "--nodes", Self.exampleNodes, "--output", dot, "--seed", "3", "--quiet"]).status == 0)
            let laidOut = try runProcess(graphviz, ["-Kneato", "-Tdot", dot])
            // A node's pos is one point; an edge's is several, separated by spaces.
            let nodes = laidOut.stdout.matches(of: /\bpos="([-0-9.e]+),([-0-9.e]+)"/).map { [Double($0.1)!, Double($0.2)!] }
            #expect(nodes.count == 123)
            #expect(positions.sorted { $0.lexicographicallyPrecedes($1) } == nodes.sorted { $0.lexicographicallyPrecedes($1) })
        } else {
            FileHandle.standardError.write(Data("skipped: the Graphviz command 'dot' not found; GEXF positions not compared with its layout\n".utf8))
        }
        #expect(try weakties(["export", exampleTies, "--nodes", Self.exampleNodes, "--output", bare, "--layout", "none", "--quiet"]).status == 0)
        #expect(!(try String(contentsOfFile: bare, encoding: .utf8)).contains("viz:position"))
        let refused = try weakties(["export", exampleTies, "--output", dir.path + "/s.graphml", "--layout", "sfdp"])
        #expect(refused.status == 64 && refused.stderr.contains("--layout places the nodes of a GEXF export"))
    }

    @Test func pajekCarriesStrengthAndPartitions() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("ties.csv", "source,target,strength,weight\nRepair Café,Stadt Krefeld,strong,3\nRepair Café,\"Verein \"\"Nord\"\"\",weak,\nStadt Krefeld,\"Verein \"\"Nord\"\"\",weak,1\n")
        let nodes = dir.write("nodes.csv", "id,kind,partner_type,region\nRepair Café,innovation,,Krefeld\nStadt Krefeld,partner,public_admin,Krefeld\n\"Verein \"\"Nord\"\"\",partner,civil_society,\n")
        let net = dir.path + "/s.net", paj = dir.path + "/s.paj"
        #expect(try weakties(["export", ties, "--nodes", nodes, "--output", net, "--quiet"]).status == 0)
        #expect(try weakties(["export", ties, "--nodes", nodes, "--output", paj, "--quiet"]).status == 0)
        let project = try String(contentsOfFile: paj, encoding: .utf8)
        #expect(project.contains("% edge value: strength (2 strong, 1 weak)\n*Network study\n*Vertices 3\n"))
        #expect(project.contains("\n% partner_type: 0 = unknown; 1 = civil_society; 2 = public_admin\n*Partition partner_type\n*Vertices 3\n0\n2\n1\n"))
        #expect(project.contains("\n% region: 0 = unknown; 1 = Krefeld\n*Partition region\n*Vertices 3\n1\n1\n0\n"))
        if Self.hasNetworkx, let python = Self.python {
            let script = """
                import sys, json, networkx as nx
                g = nx.Graph(nx.read_pajek(sys.argv[1]))
                out = {"nx": sorted([sorted([u, v]) + [d["weight"]] for u, v, d in g.edges(data=True)])}
                try:
                    import igraph
                    h = igraph.Graph.Read_Pajek(sys.argv[1])
                    out["igraph"] = sorted(h.es["weight"])
                except ImportError:
                    pass
                print(json.dumps(out))
                """
            let run = try runProcess(python, ["-c", script, net])
            #expect(run.status == 0, "\(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            let edges = (object["nx"] as! [[Any]]).map { "\($0[0]) – \($0[1]): \(($0[2] as! NSNumber).doubleValue)" }
            #expect(edges == ["Repair Café – Stadt Krefeld: 2.0", "Repair Café – Verein 'Nord': 1.0", "Stadt Krefeld – Verein 'Nord': 1.0"])
            if let weights = object["igraph"] as? [Double] { #expect(weights == [1, 1, 2]) }
        }
        if Self.hasRNetwork {
            let script = """
                suppressMessages(library(network)); p <- read.paj(commandArgs(TRUE)[1])
                cat(network.size(p$networks[[1]]), network.edgecount(p$networks[[1]]), "\\n")
                cat(names(p$partitions), "\\n"); cat(p$partitions[["partner_type"]], "\\n")
                """
            let run = try runProcess(Self.rscript!, ["-e", script, paj])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.first == "3 3", "\(run.stdout)")
            #expect(lines.count >= 3 && lines[1].contains("partner_type") && lines[1].contains("region") && lines[2] == "0 2 1", "\(run.stdout)")
        }
    }
}
